import fs from 'node:fs'
import { KithError, errorMessage } from '../errors'
import { errnoCode } from '../files'
import { KITH_APPLICATION_ID } from './constants'

const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface DbFileHeader {
  /** false when the file does not exist or is empty: a new database */
  exists: boolean
  userVersion: number
  applicationId: number
  /** Whether the schema page lists anything (a table, index, view or trigger). */
  hasSchema: boolean
}

/** The b-tree page types SQLite's first page can have: a leaf or an interior table page. */
const LEAF_TABLE_PAGE = 0x0d
const INTERIOR_TABLE_PAGE = 0x05

/**
 * Reads the database header straight from the file, without SQLite, so that a
 * file we must refuse (not SQLite, not Kith's, too new) is never opened for
 * writing and stays byte-for-byte as it was.
 */
export function readDbFileHeader(file: string): DbFileHeader {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') {
      return { exists: false, userVersion: 0, applicationId: 0, hasSchema: false }
    }
    throw new KithError('io', `Cannot read the database file ${file}: ${errorMessage(err)}`)
  }
  try {
    const size = fs.fstatSync(fd).size
    if (size === 0) return { exists: false, userVersion: 0, applicationId: 0, hasSchema: false }
    // The 100-byte file header, then the first page's b-tree header (the schema table).
    const header = Buffer.alloc(108)
    const read = fs.readSync(fd, header, 0, 108, 0)
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new KithError(
        'db_corrupt',
        `${file} is not a readable database (its header is damaged or it is not an SQLite file). ` +
          'Nothing was changed. Restore a backup with "kith restore FILE", or move the file away to start fresh.',
      )
    }
    return {
      exists: true,
      userVersion: header.readUInt32BE(60),
      applicationId: header.readUInt32BE(68),
      hasSchema: schemaPageHasEntries(header, read),
    }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * A file that is only its header (SQLite leaves page 1 out until it writes)
 * lists nothing; otherwise the schema page's cell count tells, and an
 * interior page means the schema spans several pages.
 */
function schemaPageHasEntries(bytes: Buffer, read: number): boolean {
  if (read < 108) return false
  const pageType = bytes.readUInt8(100)
  if (pageType === INTERIOR_TABLE_PAGE) return true
  if (pageType !== LEAF_TABLE_PAGE) return true
  return bytes.readUInt16BE(103) > 0
}

/**
 * Refuses files that belong to another program or to a newer Kith. A file
 * without Kith's stamp is Kith's to set up only while it holds nothing at all:
 * an SQLite file with tables and no stamp is some other program's data.
 */
export function assertOpenable(file: string, header: DbFileHeader, latestVersion: number): void {
  if (!header.exists) return
  const foreign = header.applicationId !== KITH_APPLICATION_ID && (header.applicationId !== 0 || header.hasSchema)
  if (foreign) {
    throw new KithError(
      'not_kith_db',
      `${file} is an SQLite database of another program, not Kith's. Nothing was changed.`,
    )
  }
  if (header.userVersion > latestVersion) {
    throw new KithError(
      'db_too_new',
      `${file} was written by a newer version of Kith (schema ${header.userVersion}; this Kith knows up to ` +
        `${latestVersion}). Update Kith to open it. Nothing was changed.`,
    )
  }
}
