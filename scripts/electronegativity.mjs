// The Electronegativity gate in `npm test`: Doyensec's scanner over Kith's
// sources, and over the built page for its Content-Security-Policy (the
// policy is put into the page at build time, with its modules' hashes). Fails
// on any finding, the policy's included, counted
// from the SARIF it writes (the scanner itself exits 0 with findings), and on
// any file it could not parse (it would otherwise skip it in silence).
//
// A finding judged a false positive is silenced on its line in the code,
// with the reason: `// eng-disable CHECK_ID: why`.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildIfStale } from './build-if-stale.mjs'
import { root } from './electron.mjs'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity')
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version

// Asks the network for Electron's release list: not in an offline build. The pinned
// version is checked by hand (docs/security.md, "Use a current version of Electron").
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck']

const scans = [
  { name: 'sources', input: path.join(root, 'src'), exclude: [...NETWORK_CHECKS, 'cspglobalcheck'], only: [] },
  { name: 'built page', input: path.join(root, 'out', 'renderer'), exclude: [], only: ['cspglobalcheck'] },
]

/** The scanner writes its SARIF with a callback it does not wait for. */
async function readSarif(file) {
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  throw new Error(`electronegativity wrote no report at ${file}`)
}

buildIfStale()
const reportDir = path.join(root, 'test-results', 'electronegativity')
fs.mkdirSync(reportDir, { recursive: true })

let findings = 0
let unreadable = 0
for (const scan of scans) {
  const output = path.join(reportDir, `${scan.name.replace(/\s+/g, '-')}.sarif`)
  fs.rmSync(output, { force: true })
  const result = await run(
    {
      input: scan.input,
      output,
      isSarif: true,
      customScan: scan.only,
      excludeFromScan: scan.exclude,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  )
  for (const error of result.errors.filter((e) => !e.tolerable)) {
    unreadable++
    console.error(`electronegativity: could not parse ${path.relative(root, error.file)}: ${error.message}`)
  }
  const sarif = await readSarif(output)
  for (const r of sarif.runs.flatMap((run) => run.results ?? [])) {
    const where = r.locations?.[0]?.physicalLocation
    const file = where?.artifactLocation?.uri ?? '?'
    findings++
    console.error(`electronegativity (${scan.name}): ${r.ruleId} at ${file}:${where?.region?.startLine ?? '?'}: ${r.message?.text ?? ''}`)
  }
  console.log(`electronegativity: ${scan.name}: ${result.atomicChecks + result.globalChecks} checks, ${sarif.runs.flatMap((run) => run.results ?? []).length} results (${path.relative(root, output)})`)
}
if (findings > 0 || unreadable > 0) {
  console.error(`electronegativity: ${findings} finding(s), ${unreadable} file(s) not parsed. Fix them, or silence a false positive on its line with "// eng-disable CHECK_ID: reason".`)
  process.exit(1)
}
