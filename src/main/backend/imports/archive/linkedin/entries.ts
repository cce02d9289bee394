/**
 * The files of LinkedIn's data export, from the `.zip` LinkedIn sends or the
 * folder it unpacks to. Entries are matched by their base name, whatever the
 * case and however deep they sit; everything else in the export (pictures,
 * other CSVs, `__MACOSX` leftovers) is passed over. Nothing is unpacked to
 * disk: each entry is streamed straight from the zip when it is read.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type yauzl from 'yauzl'
import { KithError } from '../../../errors'
import { fileFailure } from '../../../files'
import { LazyModule } from '../../../lazy-module'

const zipReader = new LazyModule<typeof yauzl>('yauzl')

/** The files of the export Kith reads, by lower-cased base name. */
export const EXPORT_FILES = ['profile.csv', 'positions.csv', 'connections.csv', 'invitations.csv', 'messages.csv'] as const
export type ExportFile = (typeof EXPORT_FILES)[number]

export interface ExportEntry {
  /** the entry's path inside the export, as the export spells it */
  name: string
  /** its size in the export (compressed in a zip), and unpacked */
  size: number
  unpackedSize: number
  open: () => Promise<Readable>
}

export interface OpenedExport {
  entries: Map<ExportFile, ExportEntry>
  totalBytes: number
  close: () => void
}

/** Folders deeper than this inside an export folder are not looked into. */
const MAX_DEPTH = 6

function exportFile(entryPath: string): ExportFile | null {
  const parts = entryPath.split(/[\\/]/)
  if (parts.some((p) => p === '__MACOSX')) return null
  const base = (parts.at(-1) ?? '').toLowerCase()
  return EXPORT_FILES.find((f) => f === base) ?? null
}

/** Whether the first bytes of a file are a zip's. */
export function looksLikeZip(head: string): boolean {
  return head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06')
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    zipReader.get().open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => (err === null ? resolve(zip) : reject(err)))
  })
}

/** The zip's entries that are export files (the first of each name wins). */
async function zipEntries(file: string, label: string): Promise<OpenedExport> {
  let zip: yauzl.ZipFile
  try {
    zip = await openZip(file)
  } catch (err) {
    if (err instanceof Error && !('code' in err)) throw new KithError('bad_request', `${label} is not a zip file Kith can read (${err.message}).`)
    throw fileFailure(err, label, 'read')
  }
  const entries = new Map<ExportFile, ExportEntry>()
  let totalBytes = 0
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName
      const which = name.endsWith('/') ? null : exportFile(name)
      if (which !== null && !entries.has(which)) {
        totalBytes += entry.compressedSize
        entries.set(which, {
          name,
          size: entry.compressedSize,
          unpackedSize: entry.uncompressedSize,
          open: () =>
            new Promise<Readable>((ok, fail) => {
              zip.openReadStream(entry, (err, stream) => (err === null ? ok(stream) : fail(new KithError('bad_request', `${name} in ${label} cannot be unpacked (${err.message}).`))))
            }),
        })
      }
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', (err: unknown) => reject(new KithError('bad_request', `${label} is a damaged zip file (${err instanceof Error ? err.message : String(err)}).`)))
    zip.readEntry()
  }).catch((err: unknown) => {
    zip.close()
    throw err
  })
  return { entries, totalBytes, close: () => zip.close() }
}

/** The folder's export files, looked for at any depth up to `MAX_DEPTH` (links are not followed). */
async function folderEntries(root: string, label: string): Promise<OpenedExport> {
  const entries = new Map<ExportFile, ExportEntry>()
  let totalBytes = 0
  const walk = async (dir: string, depth: number): Promise<void> => {
    let items
    try {
      items = await fs.readdir(dir, { withFileTypes: true })
    } catch (err) {
      throw fileFailure(err, `the folder ${label}`, 'read')
    }
    items.sort((a, b) => a.name.localeCompare(b.name))
    for (const item of items) {
      if (item.name.startsWith('.')) continue
      const full = path.join(dir, item.name)
      const which = item.isFile() ? exportFile(path.relative(root, full)) : null
      if (which !== null && !entries.has(which)) {
        const { size } = await fs.stat(full)
        totalBytes += size
        entries.set(which, { name: path.relative(root, full).split(path.sep).join('/'), size, unpackedSize: size, open: () => Promise.resolve(createReadStream(full)) })
      }
    }
    if (depth >= MAX_DEPTH) return
    for (const item of items) if (item.isDirectory() && !item.name.startsWith('.') && item.name !== '__MACOSX') await walk(path.join(dir, item.name), depth + 1)
  }
  await walk(root, 0)
  return { entries, totalBytes, close: () => undefined }
}

/** Opens the export at `exportPath` (a zip or a folder); `label` names it in messages. */
export async function openExport(exportPath: string, label: string): Promise<OpenedExport> {
  const stat = await fs.stat(exportPath)
  return stat.isDirectory() ? folderEntries(exportPath, label) : zipEntries(exportPath, label)
}
