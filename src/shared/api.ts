/**
 * The envelope every backend call returns, whichever door it came through
 * (Electron IPC, browser-mode HTTP, CLI). Errors travel as data, never as
 * thrown exceptions across a process boundary.
 */

export const ERROR_CODES = [
  'bad_request',
  'unknown_method',
  'not_found',
  'conflict',
  'db_too_new',
  'db_corrupt',
  'not_kith_db',
  'migration_failed',
  'io',
  'forbidden',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.ok === true) return 'data' in v
  if (v.ok !== false) return false
  const e = v.error
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as Record<string, unknown>).code === 'string' &&
    typeof (e as Record<string, unknown>).message === 'string'
  )
}
