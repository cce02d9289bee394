import type { z } from 'zod'
import type { ApiResponse } from '../../shared/api'
import { contract, isMethodName } from '../../shared/contract'
import { wellFormedDeep } from '../../shared/text'
import type { Backend } from './backend'
import { KithError, errorMessage } from './errors'
import { handlers } from './handlers'

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'arguments'
      return `${where}: ${issue.message}`
    })
    .join('; ')
}

/**
 * The path of the first text in the arguments that holds a NUL character, or
 * null. SQLite's text functions stop at a NUL, so "\u0000Acme" would pass
 * every check here and then read as empty to the database's own.
 */
function nulAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, [...path, key])
    if (found !== null) return found
  }
  return null
}

const PROGRESS_METHODS: ReadonlySet<string> = new Set(['imports.job'])

/**
 * The single entry point of the backend. Makes the arguments' text
 * well-formed, validates them against the contract, runs the handler, and
 * turns every outcome into an envelope: nothing is thrown back to the caller.
 */
export async function dispatch(backend: Backend, method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : typeof method
    return { ok: false, error: { code: 'unknown_method', message: `There is no method ${shown}.` } }
  }
  // Text is made well-formed here, once for every door: a lone surrogate becomes U+FFFD before anything reads it.
  const parsed = contract[method].args.safeParse(wellFormedDeep(args ?? {}))
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad_request', message: `Invalid arguments for ${method}: ${describeIssues(parsed.error)}` },
    }
  }
  const nul = nulAt(parsed.data)
  if (nul !== null) {
    const where = nul.length > 0 ? nul.join('.') : 'arguments'
    return { ok: false, error: { code: 'bad_request', message: `Invalid arguments for ${method}: ${where}: text must not contain a NUL character` } }
  }
  try {
    // Progress of a running import is read from memory; everything else waits for it to end.
    if (!PROGRESS_METHODS.has(method)) await backend.idle()
    const handler = handlers[method] as (a: unknown, b: Backend) => unknown
    const data = await handler(parsed.data, backend)
    return { ok: true, data }
  } catch (err) {
    if (err instanceof KithError) return { ok: false, error: err.toApiError() }
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${errorMessage(err)}` } }
  }
}
