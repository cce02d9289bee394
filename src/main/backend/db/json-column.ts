/**
 * Columns that hold JSON (a person's aliases and phones, an introduction's
 * details, a suggestion's reasons, an import's undo record, an organisation
 * merge's snapshot) are read back through a zod schema, never cast. A value
 * that is not JSON, or not the shape Kith wrote, is a damaged row: readers
 * that can go on without it use a fallback (no aliases), readers that cannot
 * (undo) fail with a plain message, and `doctor` lists such rows
 * (`jsonColumnProblems`).
 */
import type Database from 'better-sqlite3'
import { z } from 'zod'
import { archiveSettings } from '../../../shared/imports'
import { introDetails, profileInput, weeklySettings } from '../../../shared/schemas'
import { scoringSettings } from '../../../shared/scoring'
import { suggestionSettings } from '../../../shared/suggestions'
import { KithError } from '../errors'

export type JsonColumnRead<T> = { ok: true; value: T } | { ok: false; problem: string }

/** Reads one JSON value and checks it against the schema, saying what is wrong when it does not fit. */
export function readJsonColumn<S extends z.ZodType>(schema: S, text: string): JsonColumnRead<z.output<S>> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'is not valid JSON' }
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.map(String).join('.')}`
  return { ok: false, problem: `does not have the expected shape${where}: ${issue?.message ?? 'unknown shape'}` }
}

/** The value, or the fallback when the stored text is damaged. */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, fallback: z.output<S>): z.output<S> {
  const read = readJsonColumn(schema, text)
  return read.ok ? read.value : fallback
}

/** The value, or a `db_corrupt` error naming what was being read ("the undo record of import 3"). */
export function requireJsonColumn<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  const read = readJsonColumn(schema, text)
  if (read.ok) return read.value
  throw new KithError('db_corrupt', `The stored ${where} ${read.problem}, so Kith cannot use it. Run "doctor" to list damaged rows.`)
}

// ---- The shapes Kith writes --------------------------------------------------------

export const stringList = z.array(z.string())
export const idList = z.array(z.number().int())

/** An introduction's details as stored: the fields of `introDetails`, and any older ones, as text or flags. */
export const storedIntroDetails = z.record(z.string(), z.union([z.string(), z.boolean()]))

/** The fields of those details that drafts read, each with its own type; other keys are ignored. */
export const storedIntroFields = z.object(introDetails.shape)

/** A suggestion's reasons: the factors its score is the product of. */
export const storedReasons = z.array(z.strictObject({ label: z.string(), value: z.number() }))

/** What merging a file into a person changed, for undo. */
export const storedPersonChange = z.object({
  fields: z.record(z.string(), z.object({ before: z.string().nullable(), after: z.string() })),
  emails: stringList,
  phones: stringList,
  aliases: stringList,
  tags: stringList,
  /** work history rows the import added (a LinkedIn export's jobs, on "me") */
  employment: z.array(z.number().int()).optional(),
})

const relationshipState = z.object({
  strength: z.number(),
  kind: z.string(),
  confidence: z.string(),
  contexts: z.string(),
  /** present when an archive import estimated the strength: the reason before and after, and when it was last changed */
  estimate: z.string().nullable().optional(),
  updatedAt: z.string().optional(),
})
/** What an import changed in a relationship, for undo. */
export const storedRelationshipChange = z.object({ before: relationshipState, after: relationshipState })

/** What an organisation merge moved, for undo. */
export const storedOrgSnapshot = z.object({
  organisation: z.object({ id: z.number().int(), name: z.string(), created_at: z.string(), updated_at: z.string() }),
  names: z.array(z.object({ name_norm: z.string(), name: z.string(), source: z.enum(['data', 'user']) })),
  domains: z.array(z.object({ domain: z.string(), source: z.enum(['learned', 'user']) })),
})

/** What an introduction's move replaced, for taking it back. */
export const storedEffectChange = z.record(z.string(), z.unknown())

export interface JsonColumn {
  table: string
  column: string
  /** an SQL condition on the row, when the shape depends on it */
  where?: string
  /** the same condition on a row outside the database (a file being imported), when it is an equality */
  rowMatches?: Readonly<Record<string, string>>
  schema: z.ZodType
}

/** A setting's value, read by its key. */
function setting(key: string, schema: z.ZodType): JsonColumn {
  return { table: 'setting', column: 'value', where: `key = '${key}'`, rowMatches: { key }, schema }
}

/** Every JSON column Kith reads, with its schema: what `doctor` checks. */
export const JSON_COLUMNS: readonly JsonColumn[] = [
  { table: 'person', column: 'aliases', schema: stringList },
  { table: 'person', column: 'phones', schema: stringList },
  { table: 'relationship', column: 'contexts', schema: stringList },
  { table: 'introduction', column: 'details', schema: storedIntroDetails },
  { table: 'introduction', column: 'path', schema: idList },
  { table: 'introduction_effect', column: 'change', where: 'change IS NOT NULL', schema: storedEffectChange },
  { table: 'suggestion', column: 'reasons', schema: storedReasons },
  { table: 'import_item', column: 'change', where: "change IS NOT NULL AND entity = 'person'", schema: storedPersonChange },
  { table: 'import_item', column: 'change', where: "change IS NOT NULL AND entity = 'relationship'", schema: storedRelationshipChange },
  { table: 'organisation_merge', column: 'snapshot', schema: storedOrgSnapshot },
  setting('scoring', scoringSettings),
  setting('weekly', weeklySettings),
  setting('suggestions', suggestionSettings),
  setting('profile', profileInput),
  setting('archive', archiveSettings),
]

export interface JsonColumnProblem {
  table: string
  column: string
  rowid: number
  problem: string
}

/** The rows whose JSON does not read back through its schema, at most `limit` of them. */
export function jsonColumnProblems(sqlite: Database.Database, limit = 100): JsonColumnProblem[] {
  const out: JsonColumnProblem[] = []
  for (const { table, column, where, schema } of JSON_COLUMNS) {
    const rows = sqlite.prepare<unknown[], { rowid: number; value: unknown }>(`SELECT rowid AS rowid, ${column} AS value FROM ${table}${where === undefined ? '' : ` WHERE ${where}`}`).iterate()
    for (const row of rows) {
      const read = typeof row.value === 'string' ? readJsonColumn(schema, row.value) : ({ ok: false, problem: 'is not text' } as const)
      if (!read.ok) out.push({ table, column, rowid: row.rowid, problem: read.problem })
      if (out.length >= limit) return out
    }
  }
  return out
}
