/**
 * Run by the crash test in a child process: imports a file and, half way
 * through writing it, says so and stops dead until the parent kills it.
 */
import fs from 'node:fs'
import { Backend } from '../backend'
import { parseFile } from '../imports/parse'
import { applyParsed } from '../imports/preview'

const [dataDir, file] = process.argv.slice(2)
if (dataDir === undefined || file === undefined) throw new Error('usage: import-child DATA_DIR FILE')
const backend = await Backend.open({ dataDir })
const parsed = await parseFile(fs.readFileSync(file), null)
await applyParsed(backend, parsed, {
  fileName: file,
  strength: 2,
  decisions: [],
  onProgress: (done, total) => {
    if (done < total / 2) return
    process.stdout.write(`HALF ${done}/${total}\n`)
    // Blocks this thread (and so the open transaction) until the process is killed.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  },
})
process.stdout.write('FINISHED\n')
