import fs from 'node:fs'
import path from 'node:path'

/** Where the Electron build of better-sqlite3 lives, beside the Node build the CLI and tests use. */
export const ELECTRON_NATIVE_DIR = path.join('native', 'electron')
export const NATIVE_FILE = 'better_sqlite3.node'

/**
 * The better-sqlite3 binary compiled for Electron's ABI: shipped in the app's
 * resources when packaged, built into native/electron/ by the install step in
 * a checkout. Undefined when neither exists.
 */
export function electronNativeBinding(appPath: string, resourcesPath: string, isPackaged: boolean): string | undefined {
  const candidate = isPackaged
    ? path.join(resourcesPath, 'native', NATIVE_FILE)
    : path.join(appPath, ELECTRON_NATIVE_DIR, NATIVE_FILE)
  return fs.existsSync(candidate) ? candidate : undefined
}
