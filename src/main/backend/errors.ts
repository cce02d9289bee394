import type { ApiError, ErrorCode } from '../../shared/api'

/** An expected failure with a code and a message meant for the user. */
export class KithError extends Error {
  readonly code: ErrorCode
  /** Structured facts the caller can act on (say, the duplicates a new person would make), sent beside the message. */
  readonly details: KithErrorDetails | undefined

  constructor(code: ErrorCode, message: string, details?: KithErrorDetails) {
    super(message)
    this.name = 'KithError'
    this.code = code
    this.details = details
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.details }
  }
}

/** What an error may carry besides its code and message. */
export type KithErrorDetails = Omit<ApiError, 'code' | 'message'>

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** What every refused write says while the database is damaged. */
export const DAMAGED_MESSAGE =
  'Kith found damage in your data, so it changes nothing until it is repaired. Nothing was changed. ' +
  'Restore a backup (Settings, Backups; or "kith restore"), or export what can still be read.'
