/**
 * Finds the mail files under what the user chose: an mbox file (Gmail
 * Takeout's `.mbox`, Thunderbird's extensionless folder files), Apple Mail's
 * exported `Name.mbox/` folders (a file `mbox` inside, nested at any depth), or
 * a folder of `.eml` files. Links are not followed; hidden files, indexes
 * (`.msf`) and Apple's `Info.plist` are passed over.
 */
import fs from 'node:fs'
import path from 'node:path'
import { KithError } from '../../../errors'
import { fileFailure } from '../../../files'

export interface MailFile {
  file: string
  kind: 'mbox' | 'eml'
  /** the mail folder it stands for ("Sent Messages" for `Sent Messages.mbox/mbox`), to spot sent folders */
  folder: string
  size: number
  /** how errors name it: its own name, never its path */
  label: string
}

const MAX_DEPTH = 24
const SNIFF_BYTES = 512

export function mailFolderName(name: string): string {
  return name.replace(/\.mbox$/i, '')
}

/** The mail files at `root` (a file or a folder), in a stable order; `rootName` is what the user calls it. */
export function findMailFiles(root: string, rootName: string = path.basename(root)): MailFile[] {
  let stat: fs.Stats
  try {
    stat = fs.statSync(root)
  } catch (err) {
    throw fileFailure(err, `the mail archive "${rootName}"`, 'read')
  }
  if (stat.isFile()) {
    if (stat.size === 0) throw new KithError('bad_request', `"${rootName}" is empty: there is no mail in it.`)
    const kind = sniff(root)
    if (kind === null) throw new KithError('bad_request', `"${rootName}" does not look like a mail archive (an mbox file or an .eml message).`)
    return [{ file: root, kind, folder: mailFolderName(rootName), size: stat.size, label: `the mail file "${rootName}"` }]
  }
  const found: MailFile[] = []
  walk(root, 0, found)
  if (found.length === 0) throw new KithError('bad_request', `The folder "${rootName}" holds no mail archive (no mbox file and no .eml message).`)
  return found
}

function walk(dir: string, depth: number, found: MailFile[]): void {
  if (depth > MAX_DEPTH) return
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true })
  } catch (err) {
    throw fileFailure(err, `the mail folder "${path.basename(dir)}"`, 'read')
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      walk(full, depth + 1, found)
      continue
    }
    if (!entry.isFile()) continue
    const lower = entry.name.toLowerCase()
    if (/\.(msf|plist|dat|json|sqlite|db|txt|html?|toc)$/.test(lower) || lower === 'table_of_contents') continue
    let kind: MailFile['kind'] | null
    if (lower.endsWith('.eml')) kind = 'eml'
    else if (lower === 'mbox' || lower.endsWith('.mbox') || !lower.includes('.')) kind = sniff(full) === 'mbox' ? 'mbox' : null
    else kind = null
    if (kind === null) continue
    const folder = kind === 'eml' || lower === 'mbox' ? mailFolderName(path.basename(dir)) : mailFolderName(entry.name)
    found.push({ file: full, kind, folder, size: fileSize(full), label: `the mail file "${entry.name}"` })
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}

/** 'mbox' when the file starts (after blank lines) with a `From ` line, 'eml' when with a header line. */
function sniff(file: string): MailFile['kind'] | null {
  const buf = Buffer.alloc(SNIFF_BYTES)
  let n: number
  try {
    const fd = fs.openSync(file, 'r')
    try {
      n = fs.readSync(fd, buf, 0, SNIFF_BYTES, 0)
    } finally {
      fs.closeSync(fd)
    }
  } catch (err) {
    throw fileFailure(err, `the mail file "${path.basename(file)}"`, 'read')
  }
  const head = buf.toString('latin1', 0, n).replace(/^[\r\n]+/, '')
  if (head.startsWith('From ')) return 'mbox'
  if (/^[!-9;-~]+:/.test(head)) return 'eml'
  return null
}
