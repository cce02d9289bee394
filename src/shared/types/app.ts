/** What Kith reports about itself and its data folder: status, doctor, backups, the sample network. */

export interface TableCounts {
  people: number
  relationships: number
  interactions: number
  favors: number
}

export interface AppStatus {
  dataDir: string
  dbPath: string
  schemaVersion: number
  counts: TableCounts
  /** What the check for damage found; when not empty, Kith changes nothing until a backup is restored. */
  damage: string[]
  /**
   * The check for damage is still running (the app checks in the background
   * after opening; nothing is written until it ends): ask again for its
   * finding.
   */
  checking: boolean
}

export interface DoctorReport {
  ok: boolean
  integrity: string[]
  foreignKeyProblems: { table: string; rowid: number | null; parent: string }[]
  schemaVersion: number
  appSchemaVersion: number
  dataDir: string
  dbPath: string
  sqliteVersion: string
  journalMode: string
  counts: TableCounts
  /** rows holding a value Kith would not have written: JSON that does not fit its shape, an email that is not an address (at most 100) */
  storedValueProblems: StoredValueProblem[]
}

/** One stored value that does not read back as Kith wrote it: where it is and what is wrong. */
export interface StoredValueProblem {
  table: string
  column: string
  /** the row's rowid; for person_email (a table without rowids), the person's id */
  rowid: number
  problem: string
}

export type BackupKind = 'manual' | 'auto' | 'pre-migrate' | 'pre-restore' | 'pre-merge'

export interface BackupInfo {
  /** The backup's file name, and its id in backups/ (never a path on disk). */
  name: string
  kind: BackupKind
  bytes: number
  createdAt: string
}

export interface RestoreResult {
  /** The name of the backup or file restored (never its folder). */
  restoredFrom: string
  safetyCopy: BackupInfo
  schemaVersion: number
  counts: TableCounts
}

export interface DemoSummary {
  counts: TableCounts
}
