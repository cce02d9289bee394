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
  /** another process holds the database for longer than Kith waits; nothing was changed */
  'busy',
  /** the disk is full; nothing was changed */
  'disk_full',
  /** the call would throw data away (restoring an empty backup); it runs only when asked again with its confirmation */
  'needs_confirmation',
  /** the backend's worker thread stopped while answering; it was restarted (or, stopping again and again, was not), and what was committed before is safe */
  'worker_stopped',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Someone already in Kith who looks like the person being added, and why. */
export interface DuplicateMatch {
  id: number
  name: string
  company: string | null
  /** what they share, in words: "the same email ana@example.com" */
  reason: string
}

/**
 * One refused argument: where it is (as the method's arguments name it, say
 * `['emails', 0]`) and what is wrong with it, in the words of the message.
 */
export interface FieldIssue {
  path: (string | number)[]
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  /** bad_request (and a few conflicts): each refused argument with its path, so a form puts the message next to its field without reading the text */
  issues?: FieldIssue[]
  /** people.create: the people already in Kith the new person seems to be */
  duplicates?: DuplicateMatch[]
  /** imports.start: the import already open in this data folder; its jobId only when this backend holds it (so it can be cancelled from here) */
  openImport?: OpenImport
}

export interface OpenImport {
  jobId: string | null
  fileName: string
  phase: string
  /** which kind of import it is, so the page cancels it the right way */
  kind: 'contacts' | 'archive'
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.ok === true) return 'data' in v
  if (v.ok !== false) return false
  const e = v.error
  if (typeof e !== 'object' || e === null) return false
  const error = e as Record<string, unknown>
  return typeof error.code === 'string' && typeof error.message === 'string' && (error.duplicates === undefined || isDuplicateList(error.duplicates)) &&
    (error.openImport === undefined || isOpenImport(error.openImport)) && (error.issues === undefined || isIssueList(error.issues))
}

function isIssueList(value: unknown): value is FieldIssue[] {
  return (
    Array.isArray(value) &&
    value.every((i: unknown) => {
      if (typeof i !== 'object' || i === null) return false
      const issue = i as Record<string, unknown>
      return (
        typeof issue.message === 'string' &&
        Array.isArray(issue.path) &&
        issue.path.every((part: unknown) => typeof part === 'string' || typeof part === 'number')
      )
    })
  )
}

function isDuplicateList(value: unknown): value is DuplicateMatch[] {
  return (
    Array.isArray(value) &&
    value.every((d: unknown) => {
      if (typeof d !== 'object' || d === null) return false
      const m = d as Record<string, unknown>
      return typeof m.id === 'number' && typeof m.name === 'string' && (m.company === null || typeof m.company === 'string') && typeof m.reason === 'string'
    })
  )
}

function isOpenImport(value: unknown): value is OpenImport {
  if (typeof value !== 'object' || value === null) return false
  const o = value as Record<string, unknown>
  return (o.jobId === null || typeof o.jobId === 'string') && typeof o.fileName === 'string' && typeof o.phase === 'string'
}
