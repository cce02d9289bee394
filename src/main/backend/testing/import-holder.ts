/**
 * Run by the import-job test in a child process: opens the data folder,
 * starts an import and waits at its preview, as a CLI or a second window
 * would, until the parent kills it.
 */
import { Backend } from '../backend'
import { errorMessage } from '../errors'

const [dataDir] = process.argv.slice(2)
if (dataDir === undefined) throw new Error('usage: import-holder DATA_DIR')
const backend = await Backend.open({ dataDir })
const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Held Person\r\nEND:VCARD\r\n'
let jobId: string
try {
  ;({ jobId } = await backend.call('imports.start', { fileName: 'phone.vcf', data: Buffer.from(card).toString('base64'), format: null }))
} catch (err) {
  process.stdout.write(`REFUSED ${errorMessage(err)}\n`)
  process.exit(0)
}
for (;;) {
  const phase = await backend.call('imports.job', { jobId }).then(
    (job) => job.phase,
    () => 'gone',
  )
  if (phase === 'ready') break
  if (phase !== 'reading' && phase !== 'matching') throw new Error(`the held import ended as ${phase}`)
  await new Promise((resolve) => setTimeout(resolve, 5))
}
process.stdout.write('READY\n')
// Holds the preview open until killed.
setInterval(() => undefined, 60_000)
