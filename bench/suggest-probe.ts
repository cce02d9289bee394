/**
 * One process of the suggest section (`sections/suggest.ts`): imports the
 * section module given (this checkout's, or the peer's from its commit) and
 * prints its figures as the last line. This checkout's exports
 * `measureWeek`; the peer's section is the measurement itself.
 */
import { pathToFileURL } from 'node:url'

const section = process.argv[2]
if (section === undefined) {
  console.error('usage: suggest-probe.ts SECTION_MODULE')
  process.exit(2)
}
const loaded: unknown = await import(pathToFileURL(section).href)
const module = loaded as { measureWeek?: () => Promise<unknown>; suggestSection?: { run: () => Promise<unknown> } }
const figures = module.measureWeek !== undefined ? await module.measureWeek() : await module.suggestSection?.run()
console.log(JSON.stringify(figures ?? {}))
