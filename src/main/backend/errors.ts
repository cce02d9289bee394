import type { ApiError, ErrorCode } from '../../shared/api'

/** An expected failure with a code and a message meant for the user. */
export class KithError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'KithError'
    this.code = code
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message }
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
