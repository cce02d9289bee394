import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'Kith'

/**
 * The folder Electron's `app.getPath('userData')` gives for an app named
 * "Kith", computed without Electron so the CLI and browser mode share the
 * desktop app's database.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME)
  }
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME)
}

/** `--data DIR` wins, then `KITH_DATA_DIR`, then the desktop app's folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env.KITH_DATA_DIR || undefined)
  return path.resolve(chosen ?? defaultDataDir(env))
}

/** Reads `--data DIR` or `--data=DIR` from a raw argument list. */
export function dataFlagFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--data') return argv[i + 1]
    if (arg?.startsWith('--data=')) return arg.slice('--data='.length)
  }
  return undefined
}
