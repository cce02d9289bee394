/**
 * Which kind of archive a path holds, and the reader for each kind. A reader
 * streams the archive from its path and hands the learning step one
 * `Observation` per message or meeting; plugging one in is one line in
 * `READERS`. Paths come only from the CLI or the desktop's native file
 * picker, never from the page.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { ARCHIVE_FORMAT_LABELS, type ArchiveFormat, type ProposedOwnAddress } from '../../../../shared/imports'
import { KithError } from '../../errors'
import { describeEntry, fileFailure } from '../../files'
import { looksLikeZip, openExport } from './linkedin/entries'
import type { ArchiveItem } from './observation'

/** How far a reader has got through its archive. */
export interface ReaderProgress {
  bytes: number
  /** null when the reader cannot tell (a folder still being listed) */
  totalBytes: number | null
}

export interface ReaderOptions {
  onProgress: (progress: ReaderProgress) => void
  /** aborted when the user cancels: the reader stops reading and returns */
  signal: AbortSignal
  /** what the user calls the archive, for messages and to tell a sent folder (an uploaded copy's own name means nothing); default: its file name */
  name?: string
  /** told, once the archive is read, which addresses look like the user's own (mail readers only) */
  onOwnAddresses?: (proposed: ProposedOwnAddress[]) => void
}

/** Reads one kind of archive from a path, a message or meeting (or, for LinkedIn's export, a fact) at a time. */
export type ArchiveReader = (archivePath: string, options: ReaderOptions) => AsyncIterable<ArchiveItem>

/** The reader for `format` among `readers`, or a plain refusal when there is none. */
export function readerFor(format: ArchiveFormat, readers: { readonly [F in ArchiveFormat]?: ArchiveReader }): ArchiveReader {
  const reader = readers[format]
  if (reader === undefined) throw new KithError('bad_request', `This version of Kith cannot read ${ARCHIVE_FORMAT_LABELS[format]} archives yet.`)
  return reader
}

const HEAD_BYTES = 4096

async function head(file: string): Promise<string> {
  const handle = await fs.open(file, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead).toString('latin1')
  } finally {
    await handle.close()
  }
}

/** A mail header block's first line: a header name, a colon. */
const HEADER_START = /^(?:Return-Path|Received|Delivered-To|From|To|Date|Subject|Message-ID|MIME-Version|X-[A-Za-z0-9-]+):/i

/** What a file's first bytes and name say it is, or null when it is not an archive Kith learns from. */
export function formatOfFile(name: string, text: string): ArchiveFormat | null {
  const start = text.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart()
  const ext = path.extname(name).toLowerCase()
  if (looksLikeZip(text)) return 'linkedin-export'
  if (/^BEGIN:VCALENDAR/i.test(start) || (ext === '.ics' && start === '')) return 'ics'
  if (start.startsWith('From ')) return 'mbox'
  if ((ext === '.mbox' || ext === '.mbx') && start === '') return 'mbox'
  if (ext === '.eml' || HEADER_START.test(start)) return 'eml'
  return null
}

/** How deep under a chosen folder Kith looks for mailboxes before deciding it holds none. */
const MAIL_DEPTH = 4

/** 'apple-mbox' when the folder holds Apple Mail's `.mbox` folders somewhere below, 'mbox' when `.mbox` files, 'eml' when `.eml` messages; null when none. */
async function mailInside(dir: string, names: readonly string[], depth: number): Promise<ArchiveFormat | null> {
  const mailbox = names.find((n) => n.toLowerCase().endsWith('.mbox'))
  if (mailbox !== undefined) return (await fs.stat(path.join(dir, mailbox)).catch(() => null))?.isDirectory() === true ? 'apple-mbox' : 'mbox'
  if (depth > 0 && names.some((n) => n.toLowerCase().endsWith('.eml'))) return 'eml'
  if (depth >= MAIL_DEPTH) return null
  for (const name of names) {
    if (name.startsWith('.')) continue
    const sub = path.join(dir, name)
    let inner: string[]
    try {
      if (!(await fs.stat(sub)).isDirectory()) continue
      inner = await fs.readdir(sub)
    } catch {
      continue
    }
    const found = await mailInside(sub, inner, depth + 1)
    if (found !== null) return found
  }
  return null
}

/**
 * What the path holds: an mbox file, an Apple Mail `Name.mbox` folder (with
 * its `mbox` file inside), a folder of `.eml` files or one `.eml`, an
 * `.ics` calendar, or LinkedIn's data export (any zip, or a folder holding
 * its CSV files at any depth). Null when it is none of these (a contacts file, say).
 * `label` names it in messages: the path the CLI's user typed, or only the
 * file's name when the message may reach the page.
 */
export async function detectArchive(archivePath: string, label: string = archivePath): Promise<ArchiveFormat | null> {
  let stat
  try {
    stat = await fs.stat(archivePath)
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT') throw new KithError('not_found', `There is nothing at ${label}.`)
    throw fileFailure(err, label, 'read')
  }
  if (stat.isDirectory()) {
    let names: string[]
    try {
      names = await fs.readdir(archivePath)
    } catch (err) {
      throw fileFailure(err, `the folder ${label}`, 'read')
    }
    if (names.includes('mbox') || archivePath.replace(/[\\/]+$/, '').toLowerCase().endsWith('.mbox')) return 'apple-mbox'
    if (names.some((n) => n.toLowerCase().endsWith('.eml'))) return 'eml'
    // Apple Mail exports a folder of `Name.mbox` folders, nested as the mailboxes were.
    const mail = await mailInside(archivePath, names, 0)
    if (mail !== null) return mail
    const linkedin = await openExport(archivePath, label)
    linkedin.close()
    return linkedin.entries.size > 0 ? 'linkedin-export' : null
  }
  if (!stat.isFile()) throw new KithError('bad_request', `${path.basename(archivePath)} is ${describeEntry(stat)}, not a file or folder Kith can import.`)
  try {
    return formatOfFile(archivePath, await head(archivePath))
  } catch (err) {
    throw fileFailure(err, label, 'read')
  }
}
