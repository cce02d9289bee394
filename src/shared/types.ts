/** Domain types shared by the backend, the renderer and the CLI. */

export interface TableCounts {
  people: number
  relationships: number
}

export interface AppStatus {
  dataDir: string
  dbPath: string
  schemaVersion: number
  counts: TableCounts
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
}

export type BackupKind = 'manual' | 'pre-migrate' | 'pre-restore'

export interface BackupInfo {
  file: string
  name: string
  kind: BackupKind
  bytes: number
  createdAt: string
}

export interface RestoreResult {
  restoredFrom: string
  safetyCopy: BackupInfo
  schemaVersion: number
  counts: TableCounts
}

export interface DemoSummary {
  counts: TableCounts
}

export interface PersonSummary {
  id: number
  name: string
  company: string | null
  title: string | null
  isMe: boolean
  relationshipCount: number
}

export interface PeoplePage {
  total: number
  people: PersonSummary[]
}
