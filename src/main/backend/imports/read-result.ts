import type { ImportFormat } from '../../../shared/imports'
import type { RecordProblem } from './errors'
import type { ImportedPerson } from './person-record'
import type { ImportedRelationship } from './relationships'

/** Everything a reader took from one file. */
export interface ReadResult {
  format: ImportFormat
  /** records seen, readable or not */
  records: number
  people: ImportedPerson[]
  relationships: ImportedRelationship[]
  /** records that could not be read: they are not imported */
  problems: RecordProblem[]
  /** values left out of records that were read */
  warnings: RecordProblem[]
  /** records left out on purpose (say, address book group cards) */
  ignored: RecordProblem[]
}

export function emptyResult(format: ImportFormat): ReadResult {
  return { format, records: 0, people: [], relationships: [], problems: [], warnings: [], ignored: [] }
}

export interface ReadOptions {
  maxRecords: number
  onProgress?: (fraction: number) => void
}
