/**
 * What every CLI command shares: the option table, the command shape, the
 * context a command runs with, and small helpers for reading options and
 * printing. Each command is a module in commands/; registry.ts lists them.
 */
import type { ArgsIn, MethodName, Result } from '../../shared/contract'
import type { PersonRef } from '../../shared/types'
import { isOneOf } from '../../shared/vocab'
import type { Backend } from '../backend/backend'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilStopped?(): Promise<void>
  /** Starts a program (serve's browser launcher); tests watch what it is given. Spawns it detached by default. */
  launch?(command: string, args: readonly string[]): void
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** An option's shape: a flag, or one that takes a value (`multiple`: may be given several times). */
export interface OptionShape {
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
}

/** Every option any command takes; each command lists the ones it accepts. */
export const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  to: { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  name: { type: 'string' },
  company: { type: 'string' },
  title: { type: 'string' },
  email: { type: 'string', multiple: true },
  phone: { type: 'string', multiple: true },
  alias: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  untag: { type: 'string', multiple: true },
  need: { type: 'string', multiple: true },
  offer: { type: 'string', multiple: true },
  location: { type: 'string' },
  note: { type: 'string' },
  linkedin: { type: 'string' },
  sort: { type: 'string' },
  archived: { type: 'boolean' },
  limit: { type: 'string' },
  strength: { type: 'string' },
  context: { type: 'string', multiple: true },
  kind: { type: 'string' },
  confidence: { type: 'string' },
  date: { type: 'string' },
  'without-me': { type: 'boolean' },
  size: { type: 'string' },

  'max-hops': { type: 'string' },
  state: { type: 'string' },
  week: { type: 'string' },
  /** a flag when listing tasks; `tasks add` reads it as a date (see Command.types) */
  due: { type: 'boolean' },
  all: { type: 'boolean' },
  format: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'my-address': { type: 'string', multiple: true },
  'allow-duplicate': { type: 'boolean' },
  via: { type: 'string', multiple: true },
  why: { type: 'string' },
  confirm: { type: 'boolean' },
  intro: { type: 'string' },
  role: { type: 'string' },
  org: { type: 'string' },
  credibility: { type: 'string' },
  'sign-off': { type: 'string' },
} as const satisfies Record<string, OptionShape>

export type OptionName = keyof typeof OPTIONS

export type OptionValues = Partial<Record<OptionName, string | boolean | string[]>>

export interface CommandContext {
  backend: Backend
  values: OptionValues
  /** the arguments after the command's own words ("tasks add") */
  positionals: string[]
  io: CliIo
  call: <M extends MethodName>(method: M, args: ArgsIn<M>) => Promise<Result<M>>
  /**
   * A person named by id, exact name, alias or email. With `label` (the
   * argument's name as the user typed it, "--to"), a failure names it.
   */
  person(ref: string, label?: string): Promise<PersonRef>
}

/** What a command that runs the backend on its own thread (serve) gets instead of an open backend. */
export interface HostCommandContext {
  /** the data folder, as --data or the environment chose it; the command starts the backend host on it */
  dataDir: string
  values: OptionValues
  positionals: string[]
  io: CliIo
}

/**
 * A command. Most run with the backend open in this process (`run`); one
 * that serves others (`serve`) says `host: true` and starts the backend on
 * its own thread itself, so the database is not opened twice.
 */
export type Command = InProcessCommand | HostCommand

export interface InProcessCommand extends CommandShape {
  host?: false
  run(ctx: CommandContext): Promise<number>
}

export interface HostCommand extends CommandShape {
  host: true
  run(ctx: HostCommandContext): Promise<number>
}

export interface CommandShape {
  /** the words that name it: "doctor", "tasks add" */
  name: string
  /** other words for the same command ("tasks list" for "tasks") */
  aliases?: readonly string[]
  /**
   * Its entry in the global usage, as the user types it, without the leading
   * indent: the usage line(s), then the description indented to the column
   * of the others. `kith --help` is these entries in registry order.
   */
  usage: string
  options: readonly OptionName[]
  /** how many positional arguments: exactly n, or [min, max] */
  positionals: number | readonly [number, number]
  /** options this command reads with another type than OPTIONS gives (`tasks add --due DATE`) */
  types?: Partial<Record<OptionName, 'string' | 'boolean'>>
  /**
   * The backend's argument paths in the user's words, so an error names the
   * flag or positional: `{ due: '--due', personId: 'PERSON' }`. Longer paths
   * fall back to their prefixes ('patch.emails.0' → 'patch.emails').
   */
  fields?: Readonly<Record<string, string>>
  /** what `kith COMMAND --help` adds below the usage lines */
  help?: string
}

/** An option as this command reads it: the shared table, with the command's own type where it differs. */
export function optionShape(command: Command, name: OptionName): OptionShape {
  const base: OptionShape = OPTIONS[name]
  const type = command.types?.[name]
  return type === undefined ? base : { ...base, type }
}

/** Bad usage: exits 2, with the command's usage. */
export class UsageError extends Error {}

export function emit(ctx: CommandContext, json: unknown, text: string): void {
  ctx.io.out(ctx.values.json === true ? JSON.stringify(json, null, 2) : text)
}

export function text(values: OptionValues, name: OptionName): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

export function texts(values: OptionValues, name: OptionName): string[] | undefined {
  const v = values[name]
  return Array.isArray(v) ? v : undefined
}

/** One value of an option that may be given several times elsewhere (`--offer` is a list for people, one text for ask). */
export function single(values: OptionValues, name: OptionName): string | undefined {
  const v = values[name]
  if (!Array.isArray(v)) return typeof v === 'string' ? v : undefined
  if (v.length > 1) throw new UsageError(`--${name}: give it once.`)
  return v[0]
}

export function wholeNumber(values: OptionValues, name: OptionName): number | undefined {
  const v = text(values, name)
  if (v === undefined) return undefined
  if (!/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, not "${v}".`)
  return Number(v)
}

export function oneOf<T extends string>(values: OptionValues, name: OptionName, allowed: readonly T[]): T | undefined {
  const v = text(values, name)
  if (v === undefined) return undefined
  if (!isOneOf(allowed, v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${v}".`)
  return v
}

export function required<T>(value: T | undefined, name: OptionName): T {
  if (value === undefined) throw new UsageError(`--${name} is required.`)
  return value
}

/** A positional id ("ID", "KEEP"): a positive whole number. */
export function idArgument(value: string | undefined, name: string, what: string): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name}: "${value ?? ''}" is not an id; give the number of ${what}.`)
  }
  return Number(value)
}

/** Indents every line of a block of text. */
export function indent(block: string, by = '    '): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? line : `${by}${line}`))
    .join('\n')
}
