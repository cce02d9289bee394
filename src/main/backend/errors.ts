import type { ApiError, ErrorCode, FieldIssue } from '../../shared/api'

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

  /** The error an envelope carries, thrown again on this side with everything it says. */
  static from(error: ApiError): KithError {
    const { code, message, ...details } = error
    return new KithError(code, message, details)
  }
}

/** What an error may carry besides its code and message. */
export type KithErrorDetails = Omit<ApiError, 'code' | 'message'>

/**
 * A refused argument named by its path (`'due'`, `'favor.date'` or
 * `['emails', 0]`): the message reads "due: …", as every door has always
 * shown it, and `issues` carries the path and the rest apart, so a form puts
 * it next to the field without reading the text.
 */
export function fieldError(path: string | FieldIssue['path'], message: string, code: ErrorCode = 'bad_request'): KithError {
  const parts = typeof path === 'string' ? path.split('.') : path
  return new KithError(code, `${parts.join('.')}: ${message}`, { issues: [{ path: parts, message }] })
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** What every refused write says while the database is damaged. */
export const DAMAGED_MESSAGE =
  'Kith found damage in your data, so it changes nothing until it is repaired. Nothing was changed. ' +
  'Restore a backup (Settings, Backups; or "kith restore"), or export what can still be read.'
