import type { z } from 'zod'
import type { ApiResponse, FieldIssue } from '../../shared/api'
import { METHOD_ACCESS, contract, isMethodName, type MethodName } from '../../shared/contract'
import { wellFormedDeep } from '../../shared/text'
import { totalChanges } from './db/pragma'
import { diskFullError, isCorruptionError, isDiskFullError, retryWhileBusy } from './db/busy'
import { DAMAGED_MESSAGE, KithError, errorMessage } from './errors'
import type { AnyHandler } from './handlers'
import type { BackendState } from './state'

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'arguments'
      return `${where}: ${issue.message}`
    })
    .join('; ')
}

/** zod's issues as the envelope carries them: a path of keys and indexes, and the message alone. */
function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }))
}

/**
 * The path of the first text in the arguments that holds a NUL character, or
 * null. SQLite's text functions stop at a NUL, so "\u0000Acme" would pass
 * every check here and then read as empty to the database's own.
 */
function nulAt(value: unknown, path: FieldIssue['path'] = []): FieldIssue['path'] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, [...path, Array.isArray(value) ? Number(key) : key])
    if (found !== null) return found
  }
  return null
}

const PROGRESS_METHODS: ReadonlySet<string> = new Set(['imports.job'])

/**
 * Read methods that need to know whether the file is damaged before they
 * start: a copy of a sound file is verified, one of a damaged file is not
 * (and is refused for backups/).
 */
const SETTLED_FIRST: ReadonlySet<MethodName> = new Set(['backup.create', 'backup.saveCopy'])

/** Restoring replaces the damaged file whole instead of writing into it. */
const ALLOWED_WHEN_DAMAGED: ReadonlySet<MethodName> = new Set(['backup.restore', 'backup.restoreFile'])

export { DAMAGED_MESSAGE }

/** Rows this connection has written since it opened (rolled-back ones included). */
function changesSoFar(backend: BackendState): number {
  try {
    return totalChanges(backend.sqlite)
  } catch {
    // A file whose schema cannot be read refuses every statement, this one too; the handler
    // still runs (doctor reports, export saves what it can), and nothing there can be busy.
    return -1
  }
}

/**
 * SQLite's failures that the user can act on, as typed errors; anything else
 * is left as it is. Damage found by a call turns the backend read-only.
 */
function typedFailure(backend: BackendState, err: unknown): KithError | null {
  if (err instanceof KithError) return err
  if (isDiskFullError(err)) return diskFullError()
  if (isCorruptionError(err)) {
    backend.markDamaged(errorMessage(err))
    return new KithError('db_corrupt', `${DAMAGED_MESSAGE} (SQLite: ${errorMessage(err)})`)
  }
  return null
}

/**
 * The single entry point of the backend (`Backend.dispatch` calls it with
 * every method's handler). Makes the arguments' text
 * well-formed, validates them against the contract, runs the handler, and
 * turns every outcome into an envelope: nothing is thrown back to the caller.
 */
export async function dispatch(handlers: ReadonlyMap<MethodName, AnyHandler>, backend: BackendState, method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : typeof method
    return { ok: false, error: { code: 'unknown_method', message: `There is no method ${shown}.` } }
  }
  // Text is made well-formed here, once for every door: a lone surrogate becomes U+FFFD before anything reads it.
  const parsed = contract[method].args.safeParse(wellFormedDeep(args ?? {}))
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad_request', message: `Invalid arguments for ${method}: ${describeIssues(parsed.error)}`, issues: fieldIssues(parsed.error) },
    }
  }
  const nul = nulAt(parsed.data)
  if (nul !== null) {
    const where = nul.length > 0 ? nul.join('.') : 'arguments'
    const said = 'text must not contain a NUL character'
    return { ok: false, error: { code: 'bad_request', message: `Invalid arguments for ${method}: ${where}: ${said}`, issues: [{ path: nul, message: said }] } }
  }
  // A write, or a copy of the whole file, waits for the check for damage if it was left for after opening (state.ts).
  if (METHOD_ACCESS[method] === 'write' || SETTLED_FIRST.has(method)) {
    try {
      backend.checked()
    } catch (err) {
      const typed = typedFailure(backend, err)
      // Restoring a backup (it replaces the file whole) and saving a copy elsewhere (unverified, as of a damaged
      // file) stay the ways out while the check cannot finish.
      if (!(typed?.code === 'io' && (ALLOWED_WHEN_DAMAGED.has(method) || method === 'backup.saveCopy'))) {
        return { ok: false, error: typed?.toApiError() ?? { code: 'internal', message: `${method} failed: ${errorMessage(err)}` } }
      }
    }
  }
  if (backend.damage.length > 0 && METHOD_ACCESS[method] === 'write' && !ALLOWED_WHEN_DAMAGED.has(method)) {
    return { ok: false, error: { code: 'db_corrupt', message: DAMAGED_MESSAGE } }
  }
  if (backend.damage.length > 0 && method === 'backup.create') {
    // A copy would carry the damage into the backups, beside the sound ones.
    return { ok: false, error: { code: 'db_corrupt', message: `${DAMAGED_MESSAGE} A new backup now would hold the damage too.` } }
  }
  const handler = handlers.get(method)
  if (handler === undefined) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no handler for ${method}.` } }
  }
  try {
    // Another process writing (the CLI importing beside the app) makes SQLite
    // answer "busy" at once; the call is tried again after a pause, with the
    // event loop free, as long as the failed try wrote nothing.
    let changes = 0
    const data = await retryWhileBusy(
      async () => {
        // Progress of a running import is read from memory; everything else waits for it to end.
        if (!PROGRESS_METHODS.has(method)) await backend.idle()
        changes = changesSoFar(backend)
        return handler(parsed.data, backend)
      },
      backend.busyBudgetMs,
      () => changesSoFar(backend) === changes,
    )
    return { ok: true, data }
  } catch (err) {
    const typed = typedFailure(backend, err)
    if (typed !== null) return { ok: false, error: typed.toApiError() }
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${errorMessage(err)}` } }
  }
}
