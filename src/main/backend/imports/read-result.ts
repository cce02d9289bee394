import type { ImportFormat } from '../../../shared/imports'
import type { Confidence, RelationshipKind } from '../../../shared/vocab'
import type { RecordProblem } from './errors'
import type { ImportedPerson } from './person-record'

/** One side of a relationship as the sheet names it. */
export interface SheetPerson {
  /** what the cell says */
  text: string
  /** set when the cell is an email address */
  email: string | null
}

export interface ImportedRelationship {
  line: number
  a: SheetPerson
  b: SheetPerson
  strength: number
  contexts: string[]
  kind: RelationshipKind | null
  confidence: Confidence | null
}

/** Everything a reader took from one file. */
export interface ReadResult {
  format: ImportFormat
  /** records seen, readable or not */
  records: number
  people: ImportedPerson[]
  relationships: ImportedRelationship[]
  /** records that could not be read: they are not imported */
  problems: RecordProblem[]
  /** values left out of records that were read, names turned round, lines outside any record skipped */
  warnings: RecordProblem[]
  /** records left out on purpose (say, address book group cards) */
  ignored: RecordProblem[]
  /** system groups (My Contacts, starred) that were not made tags, each once, as the file spells them */
  groupsLeftOut: string[]
}

export function emptyResult(format: ImportFormat): ReadResult {
  return { format, records: 0, people: [], relationships: [], problems: [], warnings: [], ignored: [], groupsLeftOut: [] }
}

export interface ReadOptions {
  maxRecords: number
  onProgress?: (fraction: number) => void
}
