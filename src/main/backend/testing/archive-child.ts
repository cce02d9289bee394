/**
 * Run by the archive crash test in a child process: learns from many
 * observations and, half way through writing them, says so and stops dead
 * until the parent kills it.
 */
import { Backend } from '../backend'
import { applyLearning } from '../imports/archive/apply'
import { Learner, planLearning } from '../imports/archive/learn'
import { obs, who } from './observations'

const [dataDir, countText] = process.argv.slice(2)
if (dataDir === undefined || countText === undefined) throw new Error('usage: archive-child DATA_DIR PEOPLE')
const backend = await Backend.open({ dataDir })
const now = backend.now().toISOString()
const me = who('me@home.org')
const learner = new Learner(backend.sqlite, { myAddresses: new Set(['me@home.org']), now, keepSubjects: true })
const today = backend.today()
for (let i = 0; i < Number(countText); i++) {
  const them = who(`person${i}@example.com`, `Crash Test ${i}`)
  learner.add(obs(me, [them], today))
  learner.add(obs(them, [me], today))
}
const plan = planLearning(backend.sqlite, learner, now)
await applyLearning(backend, plan, {
  format: 'mbox',
  fileName: 'crash.mbox',
  onProgress: (done, total) => {
    if (done < total / 2) return
    process.stdout.write(`HALF ${done}/${total}\n`)
    // Blocks this thread (and so the open transaction) until the process is killed.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  },
})
process.stdout.write('FINISHED\n')
