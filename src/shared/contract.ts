/**
 * The one contract: every backend method, declared once with its argument
 * schema and result type. The backend's handler map must satisfy it, and the
 * renderer client, the CLI and the HTTP server are all typed from it.
 */
import { z } from 'zod'
import type {
  AppStatus,
  BackupInfo,
  DemoSummary,
  DoctorReport,
  PeoplePage,
  RestoreResult,
} from './types'

interface MethodSpec<A extends z.ZodType, R> {
  args: A
  /** Phantom: carries the result type, never read at run time. */
  result?: R
}

/** Declare a method: `method<Result>()(argsSchema)`. */
const method =
  <R>() =>
  <A extends z.ZodType>(args: A): MethodSpec<A, R> => ({ args })

const noArgs = z.strictObject({})

const absolutePath = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'is too long')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
    message: 'must be an absolute path',
  })

export const contract = {
  status: method<AppStatus>()(noArgs),
  doctor: method<DoctorReport>()(noArgs),
  'backup.create': method<BackupInfo>()(z.strictObject({ to: absolutePath.optional() })),
  'backup.list': method<BackupInfo[]>()(noArgs),
  'backup.restore': method<RestoreResult>()(z.strictObject({ file: absolutePath })),
  'demo.load': method<DemoSummary>()(noArgs),
  'people.list': method<PeoplePage>()(
    z.strictObject({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
  ),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (defaults may be left out). */
export type ArgsIn<M extends MethodName> = z.input<Contract[M]['args']>
/** What a handler receives after validation. */
export type Args<M extends MethodName> = z.output<Contract[M]['args']>
export type Result<M extends MethodName> = NonNullable<Contract[M]['result']>

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
