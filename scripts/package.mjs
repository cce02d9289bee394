// `npm run package`: installers for this platform (Linux: AppImage and deb;
// macOS: dmg; Windows: NSIS) in dist/. Needs Electron's binary, which npm
// install downloads, and better-sqlite3 built for Electron (native/electron/).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { buildIfStale } from './build-if-stale.mjs'
import { buildElectronNative, electronBinary, electronNativeIsCurrent, root } from './electron.mjs'

function fail(message) {
  console.error(`kith package: ${message}`)
  process.exit(1)
}

const binary = electronBinary()
if (binary === null) {
  fail(
    "Electron's binary is not installed (its download failed during npm install), and the installers are built around it. " +
      'On a machine that can reach GitHub, run "npm install" again (or "node node_modules/electron/install.js"), then "npm run package".',
  )
}
if (!electronNativeIsCurrent()) {
  const problem = buildElectronNative()
  if (problem !== null) fail(`better-sqlite3 could not be built for Electron: ${problem}`)
}
buildIfStale()
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--publish',
    'never',
    // The Electron that npm installed: nothing else is downloaded.
    `-c.electronDist=${path.dirname(binary)}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
)
process.exit(result.status ?? 1)
