import fs from 'node:fs'
import path from 'node:path'

export const projectRoot = path.resolve(import.meta.dirname, '..')

/** The Electron executable, found without `require('electron')` (which would try to download it). */
export function electronBinary(): string | null {
  const dir = path.join(projectRoot, 'node_modules', 'electron')
  try {
    const binary = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim())
    return fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}
