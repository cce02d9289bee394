import { KithError } from '../errors'

/** A file that cannot be imported at all: nothing is read from it and nothing written. */
export class ImportFileError extends KithError {
  constructor(
    message: string,
    /** the line the problem is on, when there is one */
    readonly line: number | null = null,
  ) {
    super('bad_request', message)
  }
}

/** One record the importer could not read; the rest of the file can still be imported. */
export interface RecordProblem {
  line: number
  message: string
}
