/**
 * `npm run bench [-- --json] [-- --only SECTION[,SECTION…]]`: Kith's speed and memory
 * targets, measured here rather than in timed unit tests. With --json the
 * last line of output is one JSON object, one key per section.
 */
import { parseArgs } from 'node:util'
import type { Figures, Section } from './lib'
import { archiveSection } from './sections/archive'
import { dbSection } from './sections/db'
import { importSection } from './sections/import'
import { networkSection } from './sections/network'
import { pathsSection } from './sections/paths'
import { scaleSection } from './sections/scale'
import { searchSection } from './sections/search'
import { startupSection } from './sections/startup'
import { suggestSection } from './sections/suggest'
import { uiSection } from './sections/ui'

const SECTIONS: readonly Section[] = [
  dbSection,
  searchSection,
  pathsSection,
  suggestSection,
  importSection,
  archiveSection,
  networkSection,
  startupSection,
  scaleSection,
  uiSection,
]

function table(name: string, figures: Figures): string {
  const width = Math.max(...Object.keys(figures).map((k) => k.length))
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${Array.isArray(v) ? v.map((r) => `\n    ${JSON.stringify(r)}`).join('') : String(v)}`)
  return [name, ...lines].join('\n')
}

async function main(): Promise<number> {
  let values: { json?: boolean; only?: string }
  try {
    ;({ values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' } }, strict: true }))
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`)
    return 2
  }
  const names = values.only?.split(',').map((n) => n.trim()) ?? SECTIONS.map((s) => s.name)
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n))
  if (unknown.length > 0 || names.length === 0) {
    console.error(`bench: no section "${unknown.join(', ')}"; sections: ${SECTIONS.map((s) => s.name).join(', ')}`)
    return 2
  }
  const chosen = SECTIONS.filter((s) => names.includes(s.name))
  const results: Record<string, Figures> = {}
  let failed = 0
  for (const section of chosen) {
    if (values.json !== true) console.log(`Running ${section.name}: ${section.description}…`)
    const start = performance.now()
    try {
      results[section.name] = await section.run()
    } catch (err) {
      // One section failing does not lose the others' figures: it is reported as its error, and the run fails.
      failed++
      const message = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err)
      console.error(`bench: the ${section.name} section failed: ${message}`)
      results[section.name] = { error: message }
    }
    if (values.json !== true) {
      console.log(table(section.name, results[section.name] ?? {}))
      console.log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)\n`)
    }
  }
  if (values.json === true) {
    // Sections marked topLevel (scale) put their own keys beside the others'.
    const out: Record<string, unknown> = {}
    for (const s of chosen) {
      if (s.topLevel === true) Object.assign(out, results[s.name])
      else out[s.name] = results[s.name]
    }
    console.log(JSON.stringify(out))
  }
  return failed > 0 ? 1 : 0
}

process.exitCode = await main()
