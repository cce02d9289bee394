// Builds the app (main, preload, renderer) when a source file is newer than the last build.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { root } from './electron.mjs'

const stamp = path.join(root, 'out', '.built')
const inputs = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'package-lock.json']

function newest(target) {
  let stat
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let max = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry)))
  return max
}

export function buildIfStale() {
  const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
  const changedAt = Math.max(...inputs.map((p) => newest(path.join(root, p))))
  if (builtAt > changedAt) return
  console.error('Kith: building the app…')
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) {
    console.error('Kith: the build failed (see above).')
    process.exit(1)
  }
  fs.writeFileSync(stamp, new Date().toISOString())
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale()
