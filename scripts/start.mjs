// `npm start`: build as needed, then open the desktop app; when Electron is
// not installed, say so in one line and serve the app in the browser instead.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildIfStale } from './build-if-stale.mjs'
import { buildElectronNative, electronBinary, electronNativeIsCurrent, root } from './electron.mjs'

buildIfStale()
const args = process.argv.slice(2)
const electron = electronBinary()

let command
let commandArgs
if (electron !== null && (electronNativeIsCurrent() || buildElectronNative() === null)) {
  command = electron
  commandArgs = [root, ...args]
} else {
  console.log(
    electron === null
      ? 'Kith: Electron is not installed here (its download failed during npm install), so Kith opens in browser mode instead.'
      : 'Kith: the database driver could not be built for Electron, so Kith opens in browser mode instead.',
  )
  command = process.execPath
  commandArgs = [path.join(root, 'out', 'main', 'cli.js'), 'serve', ...args]
}

const child = spawn(command, commandArgs, { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)))
