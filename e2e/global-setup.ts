import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { electronBinary } from './electron-binary'

export default function globalSetup(): void {
  // The suites drive the built app, as a user gets it.
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build-if-stale.mjs')], {
    stdio: 'inherit',
  })
  if (electronBinary() === null) {
    console.log('Note: Electron is not installed on this machine, so the "electron" project is skipped; "browser" runs.')
  }
}
