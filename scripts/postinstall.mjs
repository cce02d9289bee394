// After `npm install`: fetch Electron's binary (its own install script is
// switched off in package.json so that an offline machine still installs),
// then build better-sqlite3 for Electron beside the Node build.
import { buildElectronNative, electronBinary, electronNativeIsCurrent, installElectron } from './electron.mjs'

if (process.env.KITH_SKIP_ELECTRON === '1') process.exit(0)

if (electronBinary() === null) {
  const reason = installElectron()
  if (reason !== null) {
    console.log(`Kith: Electron could not be downloaded (${reason}); "npm start" will open Kith in your browser instead.`)
    process.exit(0)
  }
}
if (!electronNativeIsCurrent()) {
  const reason = buildElectronNative()
  if (reason !== null) {
    console.log(`Kith: building the database driver for Electron failed (${reason}); "npm start" will use browser mode.`)
  }
}
