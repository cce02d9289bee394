// Finding Electron and building what it needs, without `require('electron')`:
// that call tries to download Electron when it is missing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = path.join(root, 'node_modules', 'electron')
export const nativeDir = path.join(root, 'native', 'electron')
const nativeFile = path.join(nativeDir, 'better_sqlite3.node')
const nativeStamp = path.join(nativeDir, 'electron-version.txt')

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version
}

/** The Electron executable when it is installed, else null. */
export function electronBinary() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim()
    const binary = path.join(electronDir, 'dist', relative)
    return fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** Runs Electron's own installer; returns null on success, else the reason in one line. */
export function installElectron() {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  })
  if (result.status === 0 && electronBinary() !== null) return null
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}\n${result.error?.message ?? ''}`
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /error|fail|refused|ENOTFOUND|EAI_AGAIN|ECONN|timed out/i.test(l)) ?? `exit code ${result.status}`
  return line.replace(/^[A-Za-z]*Error: /, '').slice(0, 200)
}

export function electronNativeIsCurrent() {
  try {
    return fs.existsSync(nativeFile) && fs.readFileSync(nativeStamp, 'utf8').trim() === electronVersion()
  } catch {
    return false
  }
}

/**
 * Compiles better-sqlite3 against Electron's headers in a copy of the
 * package, so node_modules keeps the Node build that tests and the CLI use.
 * Returns null on success, else the reason in one line.
 */
export function buildElectronNative() {
  const version = electronVersion()
  const work = path.join(root, 'native', '.build')
  const source = path.join(root, 'node_modules', 'better-sqlite3')
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })
  const copy = path.join(work, 'better-sqlite3')
  fs.cpSync(source, copy, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) })
  const nodeGyp = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  const gyp = process.env.npm_config_node_gyp ?? nodeGyp
  // Node's own headers (a user's nodedir) would give the wrong ABI.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(k)))
  const result = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: copy, env, encoding: 'utf8', timeout: 15 * 60 * 1000 },
  )
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node')
  if (result.status !== 0 || !fs.existsSync(built)) {
    const text = `${result.stderr ?? ''}\n${result.error?.message ?? ''}`
    const line = text.split('\n').map((l) => l.trim()).find((l) => /err/i.test(l)) ?? `exit code ${result.status}`
    return line.slice(0, 200)
  }
  fs.mkdirSync(nativeDir, { recursive: true })
  fs.copyFileSync(built, nativeFile)
  fs.writeFileSync(nativeStamp, `${version}\n`)
  fs.rmSync(work, { recursive: true, force: true })
  return null
}
