/**
 * What an import would do, worked out against the people already in Kith:
 * which records are new, which match someone (by email, LinkedIn profile,
 * or name and company), which repeat an earlier row of the same file, and
 * which relationships are new. Reads only; the preview and the apply both
 * start here, so what is applied is what was previewed.
 */
import type Database from 'better-sqlite3'
import type { FieldConflict, MatchKind } from '../../../shared/imports'
import { normalizeEmail } from '../people/records'
import type { RecordProblem } from './errors'
import { foldCompany, foldName, normalizeLinkedin, type ImportedPerson } from './person-record'
import type { ReadResult } from './read-result'
import { pace } from './yield'
import type { ImportedRelationship, SheetPerson } from './read-result'

export interface ExistingPerson {
  id: number
  name: string
  company: string | null
  title: string | null
  location: string | null
  notes: string | null
  linkedin_url: string | null
  website: string | null
  birthday: string | null
  archived: boolean
}

export interface PlannedPerson {
  index: number
  record: ImportedPerson
  match: { person: ExistingPerson; by: MatchKind } | null
  /** rows of the file folded into this one */
  duplicates: number
  /**
   * For a new person: people already in Kith with the same name (not archived,
   * no other LinkedIn profile), at another company or none. Perhaps the same
   * person after a move; Kith does not guess, the preview names them.
   */
  namesakes: ExistingPerson[]
}

/** One side of a planned relationship: someone already here, or someone to create. */
export type RelationshipSide = { kind: 'existing'; id: number; name: string } | { kind: 'create'; key: string; name: string; email: string | null }

export interface PlannedRelationship {
  line: number
  a: RelationshipSide
  b: RelationshipSide
  input: ImportedRelationship
  existing: { id: number; strength: number; kind: string; confidence: string; contexts: string } | null
}

export interface Plan {
  people: PlannedPerson[]
  duplicates: number
  relationships: PlannedRelationship[]
  /** problems found while matching (an ambiguous name, say) */
  problems: RecordProblem[]
  meId: number | null
}

/** The scalar fields an import can fill or change, with their columns. */
export const SCALARS = [
  ['company', 'company'],
  ['title', 'title'],
  ['location', 'location'],
  ['notes', 'notes'],
  ['linkedinUrl', 'linkedin_url'],
  ['website', 'website'],
  ['birthday', 'birthday'],
] as const satisfies readonly (readonly [keyof ImportedPerson, keyof ExistingPerson])[]

const nameKey = (name: string, company: string | null): string => `${foldName(name)}|${foldCompany(company)}`

class PeopleIndex {
  readonly byEmail = new Map<string, number>()
  readonly byLinkedin = new Map<string, number>()
  readonly byNameCompany = new Map<string, number>()
  /** folded names, without the company: namesakes to point out */
  readonly byFoldedName = new Map<string, number[]>()
  /** exact names, lower-cased, for the relationship sheet */
  readonly byName = new Map<string, number[]>()
  readonly people = new Map<number, ExistingPerson>()

  constructor(sqlite: Database.Database) {
    const rows = sqlite
      .prepare<[], Omit<ExistingPerson, 'archived'> & { archived: number }>(
        'SELECT id, name, company, title, location, notes, linkedin_url, website, birthday, archived_at IS NOT NULL AS archived FROM person ORDER BY archived_at IS NOT NULL, id',
      )
      .all()
    for (const r of rows) {
      const person: ExistingPerson = { ...r, archived: r.archived === 1 }
      this.people.set(r.id, person)
      if (r.linkedin_url !== null) {
        const key = normalizeLinkedin(r.linkedin_url)
        if (key !== null && !this.byLinkedin.has(key)) this.byLinkedin.set(key, r.id)
      }
      const nk = nameKey(r.name, r.company)
      if (!this.byNameCompany.has(nk)) this.byNameCompany.set(nk, r.id)
      if (!person.archived) {
        const folded = foldName(r.name)
        this.byFoldedName.set(folded, [...(this.byFoldedName.get(folded) ?? []), r.id])
        const exact = r.name.trim().toLowerCase()
        this.byName.set(exact, [...(this.byName.get(exact) ?? []), r.id])
      }
    }
    for (const e of sqlite.prepare<unknown[], { person_id: number; email_norm: string }>('SELECT person_id, email_norm FROM person_email ORDER BY person_id, position').iterate()) {
      if (!this.byEmail.has(e.email_norm)) this.byEmail.set(e.email_norm, e.person_id)
    }
  }

  find(record: ImportedPerson): { id: number; by: MatchKind } | null {
    for (const e of record.emails) {
      const id = this.byEmail.get(e.toLowerCase())
      if (id !== undefined) return { id, by: 'email' }
    }
    if (record.linkedinUrl !== null) {
      const key = normalizeLinkedin(record.linkedinUrl)
      const id = key === null ? undefined : this.byLinkedin.get(key)
      if (id !== undefined) return { id, by: 'linkedin' }
    }
    const id = this.byNameCompany.get(nameKey(record.name, record.company))
    const known = id === undefined ? undefined : this.people.get(id)
    // Different LinkedIn profiles are different people, whatever their names.
    if (id === undefined || known === undefined || otherProfiles(known.linkedin_url, record.linkedinUrl)) return null
    return { id, by: 'name and company' }
  }

  /** People here with this record's name, at most three: not matched, since the company differs (see `PlannedPerson.namesakes`). */
  namesakes(record: ImportedPerson): ExistingPerson[] {
    const out: ExistingPerson[] = []
    for (const id of this.byFoldedName.get(foldName(record.name)) ?? []) {
      const person = this.people.get(id)
      if (person === undefined || otherProfiles(person.linkedin_url, record.linkedinUrl)) continue
      out.push(person)
      if (out.length === 3) break
    }
    return out
  }
}

/** Whether two LinkedIn addresses name two different profiles (both given, and not the same). */
function otherProfiles(a: string | null, b: string | null): boolean {
  const [ka, kb] = [a === null ? null : normalizeLinkedin(a), b === null ? null : normalizeLinkedin(b)]
  return ka !== null && kb !== null && ka !== kb
}

/** Folds a later row of the file into an earlier one for the same person. */
function fold(into: ImportedPerson, from: ImportedPerson): void {
  const union = (a: string[], b: readonly string[]): string[] => {
    const seen = new Set(a.map((x) => x.toLowerCase()))
    return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()) && (seen.add(x.toLowerCase()), true))]
  }
  into.emails = union(into.emails, from.emails)
  into.phones = union(into.phones, from.phones)
  into.aliases = union(into.aliases, from.aliases)
  into.tags = union(into.tags, from.tags)
  for (const [field] of SCALARS) {
    if (into[field] === null && from[field] !== null) into[field] = from[field]
  }
  into.since ??= from.since
}

/**
 * `myAddresses`: the user's own addresses (Settings, the archive imports):
 * a row with one of them is the user, matched to them as by their email,
 * never a second "me".
 */
export async function planImport(sqlite: Database.Database, read: ReadResult, onProgress?: (fraction: number) => void, myAddresses: readonly string[] = []): Promise<Plan> {
  const index = new PeopleIndex(sqlite)
  const meRow = sqlite.prepare<[], { id: number }>('SELECT id FROM person WHERE is_me = 1').get()
  if (meRow !== undefined) for (const address of myAddresses) if (!index.byEmail.has(normalizeEmail(address))) index.byEmail.set(normalizeEmail(address), meRow.id)
  const plan: Plan = { people: [], duplicates: 0, relationships: [], problems: [], meId: meRow?.id ?? null }

  // Rows of this file, by the same keys, to fold repeats together.
  const inFile = { email: new Map<string, PlannedPerson>(), linkedin: new Map<string, PlannedPerson>(), name: new Map<string, PlannedPerson>() }
  for (const [i, record] of read.people.entries()) {
    await pace(i, read.people.length, onProgress)
    const emailKeys = record.emails.map((e) => e.toLowerCase())
    const linkedinKey = record.linkedinUrl === null ? null : normalizeLinkedin(record.linkedinUrl)
    const nk = nameKey(record.name, record.company)
    const earlier =
      emailKeys.map((k) => inFile.email.get(k)).find((p) => p !== undefined) ??
      (linkedinKey === null ? undefined : inFile.linkedin.get(linkedinKey)) ??
      [inFile.name.get(nk)].find((p) => p !== undefined && !otherProfiles(p.record.linkedinUrl, record.linkedinUrl))
    if (earlier !== undefined) {
      fold(earlier.record, record)
      earlier.duplicates++
      plan.duplicates++
      continue
    }
    const found = index.find(record)
    const person = found === null ? undefined : index.people.get(found.id)
    const planned: PlannedPerson = {
      index: plan.people.length,
      record: { ...record },
      match: found === null || person === undefined ? null : { person, by: found.by },
      duplicates: 0,
      namesakes: found === null ? index.namesakes(record) : [],
    }
    plan.people.push(planned)
    for (const k of emailKeys) if (!inFile.email.has(k)) inFile.email.set(k, planned)
    if (linkedinKey !== null && !inFile.linkedin.has(linkedinKey)) inFile.linkedin.set(linkedinKey, planned)
    if (!inFile.name.has(nk)) inFile.name.set(nk, planned)
  }

  if (read.relationships.length > 0) planRelationships(sqlite, index, read.relationships, plan)
  return plan
}

function planRelationships(sqlite: Database.Database, index: PeopleIndex, rows: readonly ImportedRelationship[], plan: Plan): void {
  const existingPair = sqlite.prepare<[number, number], NonNullable<PlannedRelationship['existing']>>(
    'SELECT id, strength, kind, confidence, contexts FROM relationship WHERE person_a = ? AND person_b = ?',
  )
  const resolve = (side: SheetPerson, line: number): RelationshipSide | null => {
    if (side.email !== null) {
      const id = index.byEmail.get(side.email.toLowerCase())
      const person = id === undefined ? undefined : index.people.get(id)
      if (person !== undefined) return { kind: 'existing', id: person.id, name: person.name }
      return { kind: 'create', key: side.email.toLowerCase(), name: side.email, email: side.email }
    }
    const ids = index.byName.get(side.text.toLowerCase()) ?? []
    if (ids.length > 1) {
      plan.problems.push({ line, message: `"${side.text}" could be ${ids.length} people (${ids.map((i) => `#${i}`).join(', ')}); name them by email instead` })
      return null
    }
    const person = ids[0] === undefined ? undefined : index.people.get(ids[0])
    if (person !== undefined) return { kind: 'existing', id: person.id, name: person.name }
    return { kind: 'create', key: side.text.toLowerCase(), name: side.text, email: null }
  }
  const seenPairs = new Set<string>()
  for (const input of rows) {
    const a = resolve(input.a, input.line)
    const b = resolve(input.b, input.line)
    if (a === null || b === null) continue
    const sideKey = (s: RelationshipSide): string => (s.kind === 'existing' ? `#${s.id}` : `+${s.key}`)
    if (sideKey(a) === sideKey(b)) {
      plan.problems.push({ line: input.line, message: `both sides are ${a.name}; a relationship needs two people` })
      continue
    }
    const pair = [sideKey(a), sideKey(b)].sort().join(' ')
    if (seenPairs.has(pair)) {
      plan.problems.push({ line: input.line, message: `${a.name} and ${b.name} are already paired on an earlier line; this line is left out` })
      continue
    }
    seenPairs.add(pair)
    const existing =
      a.kind === 'existing' && b.kind === 'existing'
        ? (existingPair.get(Math.min(a.id, b.id), Math.max(a.id, b.id)) ?? null)
        : null
    plan.relationships.push({ line: input.line, a, b, input, existing })
  }
}

/** The values a merge would set, and the conflicts it would settle. */
export interface MergeChanges {
  fields: Partial<Record<(typeof SCALARS)[number][1], { before: string | null; after: string }>>
  conflicts: FieldConflict[]
}

const FIELD_LABELS: Record<string, string> = {
  company: 'Company',
  title: 'Title',
  location: 'Location',
  notes: 'Notes',
  linkedinUrl: 'LinkedIn',
  website: 'Website',
  birthday: 'Birthday',
}

/** A column's name as the user knows it. */
export function columnLabel(column: string): string {
  const field = SCALARS.find(([, c]) => c === column)?.[0]
  return field === undefined ? column : (FIELD_LABELS[field] ?? column)
}

export function mergeChanges(existing: ExistingPerson, record: ImportedPerson, prefer: 'mine' | 'file'): MergeChanges {
  const out: MergeChanges = { fields: {}, conflicts: [] }
  for (const [field, column] of SCALARS) {
    const incoming = record[field]
    const current = existing[column]
    if (typeof incoming !== 'string' || incoming === '') continue
    const same =
      current !== null &&
      (field === 'linkedinUrl' ? normalizeLinkedin(current) === normalizeLinkedin(incoming) : current.trim().toLowerCase() === incoming.trim().toLowerCase())
    if (current === null) out.fields[column] = { before: null, after: incoming }
    else if (!same) {
      out.conflicts.push({ field: FIELD_LABELS[field] ?? field, mine: current, file: incoming })
      if (prefer === 'file') out.fields[column] = { before: current, after: incoming }
    }
  }
  return out
}
