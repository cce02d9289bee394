import type { z } from 'zod'
import { ApiCallError } from './client'
import { errorText } from './errors'

/** zod's issues as `{ 'field.path': message }`, the shape Mantine's form shows next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    out[key] ??= issue.message
  }
  return out
}

/**
 * The backend's validation message names the field ("strength: ..."): put it
 * next to that field when the form has it, else return it for the form's top.
 */
export function placeServerError(err: unknown, fields: readonly string[]): { field: string | null; message: string } {
  const message = errorText(err)
  if (err instanceof ApiCallError && err.code === 'bad_request') {
    const match = /(?:Invalid arguments for [\w.]+: )?([\w.]+): (.*)$/.exec(message)
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const field = fields.find((f) => match[1] === f || match[1]?.startsWith(`${f}.`))
      if (field !== undefined) return { field, message: match[2] }
    }
  }
  return { field: null, message }
}
