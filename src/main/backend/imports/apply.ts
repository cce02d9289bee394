/**
 * Applies a planned import in one SQLite transaction: all of it or none of
 * it. Every person and relationship it creates or changes is written to the
 * import history with what changed, so the import can be undone.
 */
import type Database from 'better-sqlite3'
import type { ImportDecision, ImportFormat, ImportResult } from '../../../shared/imports'
import type { BackendState } from '../state'
import { normalizeEmail, normalizeLabel, parseJsonList } from '../people/records'
import { mergeChanges, type Plan, type PlannedPerson, type RelationshipSide } from './plan'
import type { ImportedPerson } from './person-record'
import type { ReadResult } from './read-result'
import { yieldToEventLoop } from './yield'

export interface ApplyOptions {
  fileName: string
  strength: number | null
  decisions: readonly ImportDecision[]
  /** called as records are written; the transaction is still open */
  onProgress?: (done: number, total: number) => void
}

/** What an update to a person added and replaced, kept for undo. */
export interface PersonChange {
  fields: Record<string, { before: string | null; after: string }>
  emails: string[]
  phones: string[]
  aliases: string[]
  tags: string[]
  /** work history rows added (a LinkedIn export's jobs, on "me") */
  employment?: number[]
}

export interface RelationshipChange {
  before: { strength: number; kind: string; confidence: string; contexts: string }
  after: { strength: number; kind: string; confidence: string; contexts: string }
}

const SOURCE_CONTEXT: Partial<Record<ImportFormat, string>> = { linkedin: 'LinkedIn' }

/**
 * The tag an import gives everyone it adds or merges: its source and day
 * ("import spreadsheet 2026-11-30"), numbered when another import kept from
 * the same source that day has it ("… (2)"), so that each import's people
 * are found by its tag alone.
 */
export function sourceTag(sqlite: Database.Database, format: ImportFormat, today: string): string {
  const names: Record<ImportFormat, string> = { linkedin: 'LinkedIn', google: 'Google', outlook: 'Outlook', csv: 'spreadsheet', vcard: 'vCard', relationships: 'sheet', json: 'Kith' }
  const base = `import ${names[format]} ${today}`
  const taken = sqlite.prepare<[string], number>('SELECT 1 FROM import_batch WHERE tag = ? AND undone_at IS NULL').pluck()
  let tag = base
  for (let n = 2; taken.get(tag) !== undefined; n++) tag = `${base} (${n})`
  return tag
}

function statements(sqlite: Database.Database) {
  return {
    batch: sqlite.prepare(
      `INSERT INTO import_batch (format, file_name, tag, strength, created_count, updated_count, skipped_count, error_count, created_at)
       VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?)`,
    ),
    batchCounts: sqlite.prepare('UPDATE import_batch SET created_count = ?, updated_count = ?, skipped_count = ?, error_count = ? WHERE id = ?'),
    item: sqlite.prepare('INSERT INTO import_item (batch_id, entity, entity_id, action, change) VALUES (?, ?, ?, ?, ?)'),
    person: sqlite.prepare(
      `INSERT INTO person (name, company, title, aliases, phones, location, notes, linkedin_url, website, birthday, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    email: sqlite.prepare('INSERT OR IGNORE INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, ?)'),
    label: sqlite.prepare("INSERT OR IGNORE INTO person_label (person_id, kind, label, label_norm, position) VALUES (?, 'tag', ?, ?, ?)"),
    emailsOf: sqlite.prepare<[number], string>('SELECT email_norm FROM person_email WHERE person_id = ?').pluck(),
    emailPosition: sqlite.prepare<[number], number>('SELECT coalesce(max(position) + 1, 0) FROM person_email WHERE person_id = ?').pluck(),
    tagsOf: sqlite.prepare<[number], string>("SELECT label_norm FROM person_label WHERE person_id = ? AND kind = 'tag'").pluck(),
    tagPosition: sqlite.prepare<[number], number>("SELECT coalesce(max(position) + 1, 0) FROM person_label WHERE person_id = ? AND kind = 'tag'").pluck(),
    listsOf: sqlite.prepare<[number], { phones: string; aliases: string }>('SELECT phones, aliases FROM person WHERE id = ?'),
    link: sqlite.prepare(
      `INSERT INTO relationship (person_a, person_b, strength, kind, confidence, source, contexts, since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'imported', ?, ?, ?, ?) ON CONFLICT (person_a, person_b) DO NOTHING`,
    ),
    relationshipExists: sqlite.prepare('SELECT 1 FROM relationship WHERE person_a = ? AND person_b = ?').pluck(),
    relationshipOf: sqlite.prepare<[number, number], NonNullable<Plan['relationships'][number]['existing']>>(
      'SELECT id, strength, kind, confidence, contexts FROM relationship WHERE person_a = ? AND person_b = ?',
    ),
    setLists: sqlite.prepare('UPDATE person SET phones = ?, aliases = ?, updated_at = ? WHERE id = ?'),
    updateRelationship: sqlite.prepare('UPDATE relationship SET strength = ?, kind = ?, confidence = ?, contexts = ?, updated_at = ? WHERE id = ?'),
  }
}

type Statements = ReturnType<typeof statements>

function unionNew(current: readonly string[], incoming: readonly string[], norm: (s: string) => string): string[] {
  const seen = new Set(current.map(norm))
  const added: string[] = []
  for (const value of incoming) {
    const key = norm(value)
    if (seen.has(key)) continue
    seen.add(key)
    added.push(value)
  }
  return added
}

/**
 * Writes the plan in one transaction. It is long for a large file, so it
 * yields between slices; the caller holds other calls back meanwhile
 * (`BackendState.exclusive`), so nothing else runs inside the transaction.
 */
export async function applyImport(backend: BackendState, read: ReadResult, plan: Plan, options: ApplyOptions): Promise<ImportResult> {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const today = backend.today()
  const tag = read.format === 'json' ? null : sourceTag(sqlite, read.format, today)
  const s = statements(sqlite)
  const decisions = new Map(options.decisions.map((d) => [d.index, d]))
  const strength = plan.meId === null ? null : options.strength
  const contexts = JSON.stringify(SOURCE_CONTEXT[read.format] === undefined ? [] : [SOURCE_CONTEXT[read.format]])
  const result: ImportResult = {
    batchId: null,
    format: read.format,
    created: 0,
    updated: 0,
    skipped: read.ignored.length,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    errors: [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line),
  }
  const total = plan.people.length + plan.relationships.length
  let done = 0
  const progress = async (): Promise<void> => {
    done++
    if (done % 500 === 0 || done === total) options.onProgress?.(done, total)
    if (done % 2_000 === 0) await yieldToEventLoop()
  }

  await backend.writeLong('everything', async () => {
    const batchId = Number(s.batch.run(read.format, options.fileName, tag, strength, now).lastInsertRowid)
    result.batchId = batchId
    const record = (entity: string, id: number, action: 'created' | 'updated', change: unknown): void => {
      s.item.run(batchId, entity, id, action, change === null ? null : JSON.stringify(change))
    }
    const linkToMe = (personId: number, since: string | null, isNew = false): boolean => {
      if (strength === null || plan.meId === null || personId === plan.meId) return false
      const [a, b] = [Math.min(plan.meId, personId), Math.max(plan.meId, personId)]
      if (!isNew && s.relationshipExists.get(a, b) !== undefined) return false
      const id = Number(s.link.run(a, b, strength, 'other', 'firsthand', contexts, since, now, now).lastInsertRowid)
      // A new person's relationships go with them on undo; only links to people already here are recorded.
      if (!isNew) record('relationship', id, 'created', null)
      return true
    }

    for (const planned of plan.people) {
      const decision = decisions.get(planned.index)
      const action = planned.match === null ? 'new' : (decision?.action ?? 'merge')
      if (action === 'skip') result.skipped++
      else if (action === 'new') {
        const id = createPerson(s, planned, tag, now)
        record('person', id, 'created', null)
        linkToMe(id, planned.record.since, true)
        result.created++
      } else if (planned.match !== null) {
        const changed = mergeInto(s, planned, decision?.prefer ?? 'mine', tag, now)
        if (changed !== null) record('person', planned.match.person.id, 'updated', changed)
        const linked = linkToMe(planned.match.person.id, planned.record.since)
        if (changed !== null || linked) result.updated++
        else result.skipped++
      }
      await progress()
    }

    const created = new Map<string, number>()
    const sideId = (side: RelationshipSide): number => {
      if (side.kind === 'existing') return side.id
      const known = created.get(side.key)
      if (known !== undefined) return known
      const name = side.email === null ? side.name : side.email.split('@')[0] || side.email
      const id = Number(s.person.run(name, null, null, '[]', '[]', null, null, null, null, null, now, now).lastInsertRowid)
      if (side.email !== null) s.email.run(id, side.email, normalizeEmail(side.email), 0)
      if (tag !== null) s.label.run(id, tag, normalizeLabel(tag), 0)
      record('person', id, 'created', null)
      linkToMe(id, null, true)
      created.set(side.key, id)
      result.created++
      return id
    }
    for (const r of plan.relationships) {
      const [x, y] = [sideId(r.a), sideId(r.b)]
      const [a, b] = [Math.min(x, y), Math.max(x, y)]
      const existing = r.existing ?? s.relationshipOf.get(a, b) ?? null
      if (existing === null) {
        const id = Number(
          s.link.run(a, b, r.input.strength, r.input.kind ?? 'other', r.input.confidence ?? 'firsthand', JSON.stringify(r.input.contexts), null, now, now).lastInsertRowid,
        )
        record('relationship', id, 'created', null)
        result.relationshipsCreated++
        result.created++
      } else {
        const contextsAfter = [...parseJsonList(existing.contexts), ...unionNew(parseJsonList(existing.contexts), r.input.contexts, (c) => c.toLowerCase())]
        const after = {
          strength: r.input.strength,
          kind: r.input.kind ?? existing.kind,
          confidence: r.input.confidence ?? existing.confidence,
          contexts: JSON.stringify(contextsAfter),
        }
        const before = { strength: existing.strength, kind: existing.kind, confidence: existing.confidence, contexts: existing.contexts }
        if (JSON.stringify(before) === JSON.stringify(after)) result.skipped++
        else {
          s.updateRelationship.run(after.strength, after.kind, after.confidence, after.contexts, now, existing.id)
          record('relationship', existing.id, 'updated', { before, after } satisfies RelationshipChange)
          result.relationshipsUpdated++
          result.updated++
        }
      }
      await progress()
    }
    s.batchCounts.run(result.created, result.updated, result.skipped, result.errors.length, batchId)
  })
  return result
}

function createPerson(s: Statements, planned: PlannedPerson, tag: string | null, now: string): number {
  const r = planned.record
  const id = Number(
    s.person.run(r.name, r.company, r.title, JSON.stringify(r.aliases), JSON.stringify(r.phones), r.location, r.notes, r.linkedinUrl, r.website, r.birthday, now, now)
      .lastInsertRowid,
  )
  r.emails.forEach((e, i) => s.email.run(id, e, normalizeEmail(e), i))
  const tags = tag === null ? r.tags : [...r.tags, tag]
  tags.forEach((t, i) => s.label.run(id, t, normalizeLabel(t), i))
  return id
}

/** A person's lists as stored: emails and tags normalised, phones and other names as written. */
export interface PersonLists {
  emails: readonly string[]
  phones: readonly string[]
  aliases: readonly string[]
  tags: readonly string[]
}

/** What a merge of this record adds to each list (a different spelling of their name becomes another name). */
export function listAdditions(now: PersonLists, name: string, r: ImportedPerson): { emails: string[]; phones: string[]; aliases: string[]; tags: string[] } {
  return {
    emails: unionNew(now.emails, r.emails, normalizeEmail),
    phones: unionNew(now.phones, r.phones, (p) => p.replace(/[^\d+]/g, '')),
    aliases: unionNew([...now.aliases, name], [r.name, ...r.aliases], (a) => a.toLowerCase()),
    tags: unionNew(now.tags, r.tags, normalizeLabel),
  }
}

/** The lists of people already here, read as a merge would read them: for a preview to say what a merge adds. */
export function listsReader(sqlite: Database.Database): (id: number) => PersonLists {
  const emailsOf = sqlite.prepare<[number], string>('SELECT email_norm FROM person_email WHERE person_id = ?').pluck()
  const tagsOf = sqlite.prepare<[number], string>("SELECT label_norm FROM person_label WHERE person_id = ? AND kind = 'tag'").pluck()
  const listsOf = sqlite.prepare<[number], { phones: string; aliases: string }>('SELECT phones, aliases FROM person WHERE id = ?')
  return (id) => {
    const lists = listsOf.get(id) ?? { phones: '[]', aliases: '[]' }
    return { emails: emailsOf.all(id), phones: parseJsonList(lists.phones), aliases: parseJsonList(lists.aliases), tags: tagsOf.all(id) }
  }
}

/** Fills and (if preferred) replaces fields, adds what is new; null when nothing changes. */
function mergeInto(s: Statements, planned: PlannedPerson, prefer: 'mine' | 'file', tag: string | null, now: string): PersonChange | null {
  if (planned.match === null) return null
  const id = planned.match.person.id
  const r = planned.record
  const { fields } = mergeChanges(planned.match.person, r, prefer)
  const lists = s.listsOf.get(id) ?? { phones: '[]', aliases: '[]' }
  const tagsNow = s.tagsOf.all(id)
  const { emails, phones, aliases, tags: newTags } = listAdditions({ emails: s.emailsOf.all(id), phones: parseJsonList(lists.phones), aliases: parseJsonList(lists.aliases), tags: tagsNow }, planned.match.person.name, r)
  const changed = Object.keys(fields).length > 0 || emails.length > 0 || phones.length > 0 || aliases.length > 0 || newTags.length > 0
  if (!changed) return null
  const tags = tag === null ? newTags : [...newTags, ...unionNew([...tagsNow, ...newTags.map(normalizeLabel)], [tag], normalizeLabel)]

  const set = Object.entries(fields)
  if (set.length > 0) {
    // Column names come from the fixed SCALARS list, never from the file.
    s.person.database
      .prepare(`UPDATE person SET ${set.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...set.map(([, v]) => v.after), now, id)
  }
  if (phones.length > 0 || aliases.length > 0) {
    s.setLists.run(JSON.stringify([...parseJsonList(lists.phones), ...phones]), JSON.stringify([...parseJsonList(lists.aliases), ...aliases]), now, id)
  }
  let position = s.emailPosition.get(id) ?? 0
  for (const e of emails) s.email.run(id, e, normalizeEmail(e), position++)
  position = s.tagPosition.get(id) ?? 0
  for (const t of tags) s.label.run(id, t, normalizeLabel(t), position++)
  return { fields, emails, phones, aliases, tags }
}
