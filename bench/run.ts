/**
 * `npm run bench [-- --json] [-- --only SECTION]`: Kith's speed and memory
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
import { searchSection } from './sections/search'
import { suggestSection } from './sections/suggest'
import { uiSection } from './sections/ui'

const SECTIONS: readonly Section[] = [dbSection, searchSection, pathsSection, suggestSection, importSection, archiveSection, networkSection, uiSection]

function table(name: string, figures: Figures): string {
  const width = Math.max(...Object.keys(figures).map((k) => k.length))
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${String(v)}`)
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
  const chosen = values.only === undefined ? SECTIONS : SECTIONS.filter((s) => s.name === values.only)
  if (chosen.length === 0) {
    console.error(`bench: no section "${values.only ?? ''}"; sections: ${SECTIONS.map((s) => s.name).join(', ')}`)
    return 2
  }
  const results: Record<string, Figures> = {}
  for (const section of chosen) {
    if (values.json !== true) console.log(`Running ${section.name}: ${section.description}…`)
    const start = performance.now()
    results[section.name] = await section.run()
    if (values.json !== true) {
      console.log(table(section.name, results[section.name] ?? {}))
      console.log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)\n`)
    }
  }
  if (values.json === true) console.log(JSON.stringify(results))
  return 0
}

process.exitCode = await main()
