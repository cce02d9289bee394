/**
 * Writes what the learning step planned, in one transaction, as one import
 * in the history: people created, links to me with estimated strengths,
 * what it saw of each tie (its tally, for later estimates), interactions,
 * the keys of the messages they came from, and what waits for review. An
 * import that learned nothing is not kept in the history.
 * `imports.undo` takes all of it back (see `undo.ts`).
 */
import type { ArchiveFormat, ArchiveResult } from '../../../../shared/imports'
import { ARCHIVE_FORMAT_LABELS } from '../../../../shared/imports'
import type { BackendState } from '../../state'
import { normalizeEmail, normalizeLabel } from '../../people/records'
import type { PersonChange } from '../apply'
import { yieldToEventLoop } from '../yield'
import { ESTIMABLE_SQL, PROPOSED_STRENGTH, type LearnPlan } from './learn'
import type { Exchange } from './strength'

/** What an estimate replaced in a relationship, for undo (an `import_item` change). */
export interface EstimateChange {
  before: { strength: number; kind: string; confidence: string; contexts: string; estimate: string | null; updatedAt: string }
  after: { strength: number; kind: string; confidence: string; contexts: string; estimate: string | null; updatedAt: string }
}

const SLICE = 2_000

export async function applyLearning(
  backend: BackendState,
  plan: LearnPlan,
  options: { format: ArchiveFormat; fileName: string; onProgress?: (done: number, total: number) => void },
): Promise<ArchiveResult> {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const tag = `import ${ARCHIVE_FORMAT_LABELS[options.format].replace(/ \(.*\)$/, '')} ${backend.today()}`
  const s = {
    batch: sqlite.prepare(
      `INSERT INTO import_batch (format, file_name, tag, strength, created_count, updated_count, skipped_count, error_count, created_at)
       VALUES (?, ?, ?, NULL, 0, 0, 0, 0, ?)`,
    ),
    counts: sqlite.prepare('UPDATE import_batch SET created_count = ?, updated_count = ? WHERE id = ?'),
    wrote: sqlite.prepare(
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM import_item WHERE batch_id = ?) OR EXISTS (SELECT 1 FROM archive_tally WHERE batch_id = ?)
         OR EXISTS (SELECT 1 FROM review_item WHERE batch_id = ?) OR EXISTS (SELECT 1 FROM archive_source WHERE batch_id = ?)`,
    ),
    dropBatch: sqlite.prepare('DELETE FROM import_batch WHERE id = ?'),
    item: sqlite.prepare('INSERT INTO import_item (batch_id, entity, entity_id, action, change) VALUES (?, ?, ?, ?, ?)'),
    person: sqlite.prepare('INSERT INTO person (name, linkedin_url, company, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    me: sqlite.prepare('INSERT INTO person (name, is_me, created_at, updated_at) VALUES (?, 1, ?, ?)'),
    profile: sqlite.prepare('UPDATE person SET company = ?, title = ?, updated_at = ? WHERE id = ?'),
    job: sqlite.prepare('INSERT INTO employment (person_id, company, title, start_date, end_date) VALUES (?, ?, ?, ?, ?)'),
    email: sqlite.prepare('INSERT OR IGNORE INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)'),
    label: sqlite.prepare("INSERT OR IGNORE INTO person_label (person_id, kind, label, label_norm, position) VALUES (?, 'tag', ?, ?, 0)"),
    relationship: sqlite.prepare(`SELECT id, strength, kind, confidence, contexts, strength_estimate, updated_at, ${ESTIMABLE_SQL} AS estimable FROM relationship WHERE person_a = ? AND person_b = ?`),
    link: sqlite.prepare(
      `INSERT INTO relationship (person_a, person_b, strength, kind, confidence, source, contexts, strength_estimate, created_at, updated_at)
       VALUES (?, ?, ?, 'other', 'firsthand', 'imported', '[]', ?, ?, ?)`,
    ),
    estimate: sqlite.prepare('UPDATE relationship SET strength = ?, strength_estimate = ?, updated_at = ? WHERE id = ?'),
    interaction: sqlite.prepare('INSERT INTO interaction (occurred_on, kind, note, with_me, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)'),
    present: sqlite.prepare('INSERT OR IGNORE INTO interaction_person (interaction_id, person_id) VALUES (?, ?)'),
    source: sqlite.prepare('INSERT OR IGNORE INTO archive_source (source_key, batch_id) VALUES (?, ?)'),
    // Two addresses of one person add up.
    tally: sqlite.prepare(
      `INSERT INTO archive_tally (batch_id, person_id, sent, received, meetings, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET sent = sent + excluded.sent, received = received + excluded.received, meetings = meetings + excluded.meetings,
         first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
    ),
    review: sqlite.prepare(
      `INSERT INTO review_item (batch_id, kind, person_id, other_id, strength, relationship_kind, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET detail = excluded.detail`,
    ),
  }
  const result: ArchiveResult = { batchId: null, format: options.format, peopleCreated: 0, peopleMatched: plan.matched.length, interactions: 0, strengthsEstimated: 0, tiesProposed: 0 }
  const total = plan.created.length + plan.matched.length + plan.interactions.length + plan.ties.length
  let done = 0
  const step = async (): Promise<void> => {
    done++
    if (done % 500 === 0 || done === total) options.onProgress?.(done, total)
    if (done % SLICE === 0) await yieldToEventLoop()
  }

  await backend.writeLong('everything', async () => {
    // The history's formats are fixed in the database: a LinkedIn export is kept as a LinkedIn import.
    const batchId = Number(s.batch.run(options.format, options.fileName, tag, now).lastInsertRowid)
    result.batchId = batchId
    const ids = new Map(plan.existing)
    let updated = 0
    const me = writeOwner(s, plan, batchId, now)
    const meId = me.meId
    if (me.created) result.peopleCreated++
    if (me.updated) updated++
    const tally = (personId: number, seen: Exchange | null): void => {
      if (seen !== null) s.tally.run(batchId, personId, seen.sent, seen.received, seen.meetings, seen.first, seen.last)
    }
    const estimateFor = (personId: number, estimate: { strength: number; explanation: string } | null, isNew: boolean): void => {
      if (meId === null || estimate === null) return
      const [a, b] = [Math.min(meId, personId), Math.max(meId, personId)]
      const row = isNew
        ? undefined
        : (s.relationship.get(a, b) as
            | { id: number; strength: number; kind: string; confidence: string; contexts: string; strength_estimate: string | null; updated_at: string; estimable: number }
            | undefined)
      if (row === undefined) {
        const id = Number(s.link.run(a, b, estimate.strength, estimate.explanation, now, now).lastInsertRowid)
        // A new person's links go with them on undo; a link to someone already here is recorded.
        if (!isNew) s.item.run(batchId, 'relationship', id, 'created', null)
        result.strengthsEstimated++
        return
      }
      if (row.estimable === 0 || (row.strength === estimate.strength && row.strength_estimate === estimate.explanation)) return
      const kept = { kind: row.kind, confidence: row.confidence, contexts: row.contexts }
      const change: EstimateChange = {
        before: { strength: row.strength, ...kept, estimate: row.strength_estimate, updatedAt: row.updated_at },
        after: { strength: estimate.strength, ...kept, estimate: estimate.explanation, updatedAt: now },
      }
      s.estimate.run(estimate.strength, estimate.explanation, now, row.id)
      s.item.run(batchId, 'relationship', row.id, 'updated', JSON.stringify(change))
      updated++
      result.strengthsEstimated++
    }

    for (const p of plan.created) {
      const id = Number(s.person.run(p.name, p.linkedinUrl, p.company, p.title, now, now).lastInsertRowid)
      if (p.email !== null) s.email.run(id, p.email, normalizeEmail(p.email))
      s.label.run(id, tag, normalizeLabel(tag))
      s.item.run(batchId, 'person', id, 'created', null)
      ids.set(p.key, id)
      tally(id, p.tally)
      estimateFor(id, p.estimate, true)
      s.review.run(batchId, 'person', id, null, null, null, p.explanation, now)
      result.peopleCreated++
      await step()
    }
    for (const p of plan.matched) {
      if (p.personId === null) continue
      // Matched by name alone: the address is theirs from now on (taken off again by an undo).
      if (p.addEmail !== null && s.email.run(p.personId, p.addEmail, normalizeEmail(p.addEmail)).changes > 0) {
        const change: PersonChange = { fields: {}, emails: [p.addEmail], phones: [], aliases: [], tags: [] }
        s.item.run(batchId, 'person', p.personId, 'updated', JSON.stringify(change))
        updated++
      }
      tally(p.personId, p.tally)
      const before = result.strengthsEstimated
      estimateFor(p.personId, p.estimate, false)
      if (result.strengthsEstimated > before) s.review.run(batchId, 'strength', p.personId, null, null, null, p.explanation, now)
      await step()
    }
    for (const i of plan.interactions) {
      const people = i.people.flatMap((k) => {
        const id = ids.get(k)
        return id === undefined ? [] : [id]
      })
      if (people.length === 0) continue
      const id = Number(s.interaction.run(i.day, i.kind, i.subject, now, now).lastInsertRowid)
      for (const p of people) s.present.run(id, p)
      s.item.run(batchId, 'interaction', id, 'created', null)
      for (const key of i.keys) s.source.run(key, batchId)
      result.interactions++
      await step()
    }
    for (const t of plan.ties) {
      const [x, y] = [ids.get(t.a), ids.get(t.b)]
      if (x === undefined || y === undefined || x === y) continue
      s.review.run(batchId, 'tie', Math.min(x, y), Math.max(x, y), PROPOSED_STRENGTH, 'other', t.context, now)
      result.tiesProposed++
      await step()
    }
    // The history's "created" for an archive import is the people it added, the same number its result calls "people added".
    s.counts.run(result.peopleCreated, updated, batchId)
    // Nothing learned (no people, interactions, tallies or ties): no empty import in the history.
    if (!me.created && s.wrote.get(batchId, batchId, batchId, batchId) === undefined) {
      s.dropBatch.run(batchId)
      result.batchId = null
    }
  })
  return result
}

type Statements = Record<'me' | 'profile' | 'job' | 'item', { run: (...args: (string | number | null)[]) => { lastInsertRowid: number | bigint } }>

/**
 * "Me" from a LinkedIn export's profile, when there is none yet, my jobs
 * from it and my company and title from my current job, recorded so that
 * undo removes the jobs and puts the company and title back.
 */
function writeOwner(s: Statements, plan: LearnPlan, batchId: number, now: string): { meId: number | null; created: boolean; updated: boolean } {
  let meId = plan.meId
  const created = meId === null && plan.owner.create !== null
  if (meId === null && plan.owner.create !== null) {
    // Not recorded as created: undo never deletes "me".
    meId = Number(s.me.run(plan.owner.create.name, now, now).lastInsertRowid)
  }
  if (meId === null || (plan.owner.positions.length === 0 && plan.owner.profile === null)) return { meId, created, updated: false }
  const jobs = plan.owner.positions.map((p) => Number(s.job.run(meId, p.company, p.title, p.startDate, p.endDate).lastInsertRowid))
  const fields: PersonChange['fields'] = {}
  const profile = plan.owner.profile
  if (profile !== null) {
    s.profile.run(profile.company, profile.title, now, meId)
    fields.company = { before: null, after: profile.company }
    if (profile.title !== null) fields.title = { before: null, after: profile.title }
  }
  const change: PersonChange = { fields, emails: [], phones: [], aliases: [], tags: [], employment: jobs }
  s.item.run(batchId, 'person', meId, 'updated', JSON.stringify(change))
  return { meId, created, updated: !created }
}
