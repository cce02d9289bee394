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
 * The backend names each refused argument by its path (`issues`): put the
 * first one next to its field when the form has that field (the path is the
 * field or lies inside it, as `emails.1` lies in `emails`), else return the
 * whole message for the form's top.
 */
export function placeServerError(err: unknown, fields: readonly string[]): { field: string | null; message: string } {
  const message = errorText(err)
  const [first] = err instanceof ApiCallError ? err.issues : []
  if (first !== undefined) {
    const where = first.path.map(String).join('.')
    const field = fields.find((f) => where === f || where.startsWith(`${f}.`))
    if (field !== undefined) return { field, message: first.message }
  }
  return { field: null, message }
}

/**
 * Shows a refusal from the backend: next to its field when the form has it,
 * else through `showTop` at the form's top.
 */
export function showServerError(err: unknown, fields: readonly string[], form: { setFieldError: (field: string, message: string) => void }, showTop: (message: string) => void): void {
  const placed = placeServerError(err, fields)
  if (placed.field === null) showTop(placed.message)
  else form.setFieldError(placed.field, placed.message)
}
