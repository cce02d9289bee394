import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker, type Transferable } from 'node:worker_threads'

/** What a thread of Kith's own is started with. */
export interface ThreadStart {
  workerData: unknown
  transferList?: Transferable[]
  /** The built file to run instead of finding it (the benchmarks run the build from sources). */
  file?: string
  /** Node's options for the thread, instead of this process's. */
  execArgv?: string[]
  /**
   * Throw at once when neither the built file nor the source is there (an
   * install missing a file), rather than start a thread that can only fail
   * as it loads: for a caller that would otherwise wait for the thread.
   */
  failFast?: boolean
}

/**
 * Starts one of Kith's own threads. In a build it is `NAME.js` in
 * `out/main/` (beside index.js and cli.js; this module is then there or in
 * its `chunks/`); from sources (tests, `tsx`) it is `source`, loaded
 * through tsx.
 */
export function startThread(name: string, source: string, start: ThreadStart): Worker {
  const { workerData, transferList } = start
  if (start.file !== undefined) return new Worker(start.file, { workerData, transferList, execArgv: start.execArgv })
  const built = [import.meta.dirname, path.dirname(import.meta.dirname)].map((dir) => path.join(dir, `${name}.js`)).find((file) => fs.existsSync(file))
  if (built !== undefined) return new Worker(built, { workerData, transferList })
  if (start.failFast === true && !fs.existsSync(source)) throw new Error(`Kith's ${name} thread is missing from this installation.`)
  const sourceUrl = pathToFileURL(source).href
  // tsx's ES module entry (the one `import` would pick) registers its loader for this thread.
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(sourceUrl)}) })`
  return new Worker(boot, { eval: true, workerData, transferList })
}
