import type { PersonRef, SuggestionStatus, SuggestionView, WeekView } from '../../../shared/types'
import { isIntroState } from '../../../shared/intro-states'
import type { PathGraph } from '../paths/graph'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { parseJsonColumn, storedReasons } from '../db/json-column'
import { journalMode, pragmaNumber } from '../db/pragma'
import { connectPeople, updateDetails } from '../introductions/service'
import { requirePeople, type Db } from '../people/records'
import { readSuggestionSettings } from '../settings/service'
import { weekAfter, weeksBefore } from '../week/weeks'
import { describeGain, GainRules, gainMeasure } from './gains'
import { suggest, SUGGESTION_DEFAULTS, type SuggestSources } from './suggest'
import { describePeople, readNodeTraits } from './traits'

const COOLDOWN_WEEKS = 4

const pairKey = (a: number, b: number): number => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a)

interface NeedsAndOffers {
  needs: Map<number, Map<string, string>>
  offers: Map<number, Map<string, string>>
}

/** What these people (or everyone) need and offer, by person, keyed by the label's normal form. */
export async function readLabels(backend: BackendState, ids?: number[]): Promise<NeedsAndOffers> {
  let query = backend.db.selectFrom('person_label').select(['person_id', 'kind', 'label', 'label_norm']).where('kind', 'in', ['need', 'offer'])
  if (ids !== undefined) query = query.where('person_id', 'in', ids)
  const labels: NeedsAndOffers = { needs: new Map(), offers: new Map() }
  for (const r of await query.execute()) {
    const into = r.kind === 'need' ? labels.needs : labels.offers
    let map = into.get(r.person_id)
    if (map === undefined) {
      map = new Map()
      into.set(r.person_id, map)
    }
    map.set(r.label_norm, r.label)
  }
  return labels
}

/**
 * What each of two people gains from the other, in words addressed to them
 * (for their opt-in), worked out from what Kith knows now; and who gains more,
 * who is the one to take the next step once they are introduced (the first on
 * a tie).
 */
function gainsBetween(backend: BackendState, a: number, b: number): { a: string; b: string; schedules: 'a' | 'b' } {
  const rules = new GainRules(readSuggestionSettings(backend))
  const people = describePeople(backend.sqlite, [a, b], rules)
  const [x, y] = [people.get(a), people.get(b)]
  if (x === undefined || y === undefined) return { a: '', b: '', schedules: 'a' }
  const first = (name: string): string => name.trim().split(/\s+/)[0] ?? ''
  const [gainA, gainB] = [rules.gain(x.traits, y.traits), rules.gain(y.traits, x.traits)]
  const weight = { interest: SUGGESTION_DEFAULTS.interestWeight, role: SUGGESTION_DEFAULTS.roleWeight }
  const [shareA, shareB] = [gainMeasure(gainA, x.traits.needs?.size ?? 0, weight), gainMeasure(gainB, y.traits.needs?.size ?? 0, weight)]
  return {
    a: describeGain(gainA, x.name, first(y.name), 'second'),
    b: describeGain(gainB, y.name, first(x.name), 'second'),
    schedules: shareB > shareA ? 'b' : 'a',
  }
}

/**
 * Pairs not to suggest this week: ever dismissed; suggested in the last four
 * weeks, unless snoozed (a snoozed pair is held back until the week it was
 * snoozed to, and from then on that suggestion does not count); and any two
 * people I have already started introducing, whatever became of it (a "no"
 * stays a no).
 */
async function excludedPairs(backend: BackendState, week: string): Promise<Set<number>> {
  const recent = weeksBefore(week, COOLDOWN_WEEKS)
  const rows = await backend.db.selectFrom('suggestion').select(['person_a', 'person_b', 'week', 'status', 'snoozed_until']).execute()
  const excluded = new Set<number>()
  for (const r of rows) {
    const key = pairKey(r.person_a, r.person_b)
    if (r.status === 'dismissed') excluded.add(key)
    else if (r.status === 'snoozed') {
      if ((r.snoozed_until ?? '') > week) excluded.add(key)
    } else if (recent.includes(r.week)) excluded.add(key)
  }
  const introduced = await backend.db
    .selectFrom('introduction')
    .select(['person_a_id', 'person_b_id'])
    .where('kind', '=', 'connect')
    .where('person_a_id', 'is not', null)
    .where('person_b_id', 'is not', null)
    .execute()
  for (const r of introduced) if (r.person_a_id !== null && r.person_b_id !== null) excluded.add(pairKey(r.person_a_id, r.person_b_id))
  return excluded
}

/**
 * The week's stored list as it stands now: a suggestion still open is left
 * out once the two are recorded as knowing each other or either is archived
 * (the list is kept for the week, what it says about them is not); the rest
 * are numbered again in order.
 */
async function storedSuggestions(backend: BackendState, week: string): Promise<SuggestionView[]> {
  const rows = await backend.db
    .selectFrom('suggestion as s')
    .innerJoin('person as a', 'a.id', 's.person_a')
    .innerJoin('person as b', 'b.id', 's.person_b')
    .leftJoin('introduction as i', 'i.id', 's.introduction_id')
    .select(['s.id', 's.rank', 's.person_a', 'a.name as a_name', 's.person_b', 'b.name as b_name', 's.score', 's.reasons', 's.status', 's.introduction_id', 'i.state as introduction_state'])
    .select((eb) => eb.exists(eb.selectFrom('relationship as k').select('k.id').whereRef('k.person_a', '=', 's.person_a').whereRef('k.person_b', '=', 's.person_b')).as('known_now'))
    .where('s.week', '=', week)
    .where((eb) =>
      eb.or([
        eb('s.status', '!=', 'open'),
        eb.and([
          eb('a.archived_at', 'is', null),
          eb('b.archived_at', 'is', null),
          eb.not(eb.exists(eb.selectFrom('relationship as r').select('r.id').whereRef('r.person_a', '=', 's.person_a').whereRef('r.person_b', '=', 's.person_b'))),
        ]),
      ]),
    )
    .orderBy('s.rank')
    .execute()
  return rows.map((r, k) => ({
    id: r.id,
    rank: k + 1,
    a: { id: r.person_a, name: r.a_name },
    b: { id: r.person_b, name: r.b_name },
    score: r.score,
    reasons: parseJsonColumn(storedReasons, r.reasons, []),
    status: r.status,
    introductionId: r.introduction_id,
    introductionState: isIntroState(r.introduction_state) ? r.introduction_state : null,
    canStartAgain: r.status === 'started' && (r.introduction_id === null || r.introduction_state === 'abandoned') && !r.known_now,
  }))
}

/**
 * Stores a week's list, in rank order, in one transaction; returns how many
 * rows that changed. The list is
 * derived data (week.get works it out again when the week has none), so
 * under WAL this one commit does not wait for the disk (synchronous=NORMAL):
 * a power cut right after it can at worst lose this list, never what the
 * user entered nor the database's soundness (docs/suggestions.md, "Speed").
 */
async function storeWeek(backend: BackendState, week: string, now: string, rows: { a: number; b: number; score: number; reasons: string }[]): Promise<number> {
  const sqlite = backend.sqlite
  return backend.withConnection(() => {
    const changesBefore = totalChanges(sqlite)
    const relaxed = journalMode(sqlite) === 'wal'
    const before = pragmaNumber(sqlite, 'synchronous')
    if (relaxed) sqlite.pragma('synchronous = NORMAL')
    try {
      sqlite
        .transaction(() => {
          sqlite.prepare('INSERT INTO suggestion_week (week, computed_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(week, now)
          // Another opening (a second window, the CLI) stored a list for the week meanwhile: that one stands.
          if (sqlite.prepare('SELECT 1 FROM suggestion WHERE week = ? LIMIT 1').get(week) !== undefined) return
          const insert = sqlite.prepare(
            `INSERT INTO suggestion (week, rank, person_a, person_b, score, reasons, snoozed_until, introduction_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?) ON CONFLICT DO NOTHING`,
          )
          rows.forEach((r, k) => insert.run(week, k + 1, r.a, r.b, r.score, r.reasons, now))
        })
        .immediate()
    } finally {
      if (relaxed) {
        // SQLite refuses the setting inside a transaction: one whose rollback failed is ended first.
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
        sqlite.pragma(`synchronous = ${before}`)
      }
    }
    // The rows it wrote (nothing else can write while the connection is held).
    return totalChanges(sqlite) - changesBefore
  })
}

/**
 * What a stored week's list was shown with last (the pairs to ask about are
 * not stored: they follow what the user records), and the state it was
 * worked out from: the same connection, the same path graph (another
 * process's commit makes a new one) on the same day, and no row changed by
 * this connection since (total_changes counts every insert, update and
 * delete, whichever way it was written), counted before anything was read
 * for it: a write that lands while the list is worked out or stored moves
 * the count past it. At 50,000 people, opening the week again took 90 to
 * 140 ms to work the list out again only for them.
 */
interface ShownWeek {
  sqlite: BackendState['sqlite']
  graph: PathGraph
  today: string
  changes: number
  week: string
  maybeKnown: WeekView['maybeKnown']
}

const shownWeeks = new WeakMap<BackendState, ShownWeek>()

function totalChanges(sqlite: BackendState['sqlite']): number {
  return sqlite.prepare<[], number>('SELECT total_changes()').pluck().get() ?? -1
}

function shownAgain(backend: BackendState, graph: PathGraph, week: string, today: string, changes: number): WeekView['maybeKnown'] | null {
  const shown = shownWeeks.get(backend)
  if (shown === undefined) return null
  const same = shown.sqlite === backend.sqlite && shown.graph === graph && shown.week === week && shown.today === today && shown.changes === changes
  return same ? copyOf(shown.maybeKnown) : null
}

/** A copy for each caller: one that changes its answer must not change the next. */
const copyOf = (asked: WeekView['maybeKnown']): WeekView['maybeKnown'] => asked.map((m) => ({ ...m, a: { ...m.a }, b: { ...m.b } }))

/**
 * The week's introductions to make: computed once for the week, stored, and
 * the same list every time it is opened again that week.
 */
export async function weekSuggestions(backend: BackendState, week: string): Promise<{ suggestions: SuggestionView[]; maybeKnown: WeekView['maybeKnown'] }> {
  // What the list is worked out from, as it is before anything is read for it (see `ShownWeek`).
  const changes = totalChanges(backend.sqlite)
  const today = backend.today()
  const g = backend.paths()
  const computed = await backend.db.selectFrom('suggestion_week').select('week').where('week', '=', week).executeTakeFirst()
  // A week whose list came out empty is no list to keep: it is worked out again until it has one.
  const kept = computed !== undefined && (await backend.db.selectFrom('suggestion').select('id').where('week', '=', week).limit(1).executeTakeFirst()) !== undefined
  const again = computed === undefined ? null : shownAgain(backend, g, week, today, changes)
  if (again !== null) return { suggestions: await storedSuggestions(backend, week), maybeKnown: again }
  const rules = new GainRules(readSuggestionSettings(backend))
  const sources: SuggestSources = {
    traits: (eligible) => readNodeTraits(backend.sqlite, g.indexOf, g.ids, eligible, rules),
    describe: (ids) => describePeople(backend.sqlite, ids, rules),
  }
  const result = suggest(g, sources, await excludedPairs(backend, week), rules)
  const ref = (i: number): PersonRef => ({ id: g.ids[i] ?? -1, name: g.names[i] ?? '' })
  const maybeKnown = result.maybeKnown.map((m) => ({ a: ref(m.a), b: ref(m.b), shared: m.shared, index: m.index }))
  let stored = 0
  // An empty list is stored once, to mark the week as worked out; worked out again and still empty, nothing is written.
  if (!kept && g.me >= 0 && (computed === undefined || result.suggestions.length > 0)) {
    const now = backend.now().toISOString()
    stored = await storeWeek(
      backend,
      week,
      now,
      result.suggestions.map((c) => {
        const [a, b] = [g.ids[c.a] ?? -1, g.ids[c.b] ?? -1]
        return { a: Math.min(a, b), b: Math.max(a, b), score: c.score, reasons: JSON.stringify(c.reasons) }
      }),
    )
  }
  // The list's own rows count as read: the next opening finds the same count unless something else was written.
  shownWeeks.set(backend, { sqlite: backend.sqlite, graph: g, today, changes: changes + stored, week, maybeKnown: copyOf(maybeKnown) })
  return { suggestions: await storedSuggestions(backend, week), maybeKnown }
}

/** Whether the introduction a suggestion started is gone or was abandoned. */
async function startedIntroductionEnded(backend: BackendState, introductionId: number | null): Promise<boolean> {
  if (introductionId === null) return true
  const intro = await backend.db.selectFrom('introduction').select('state').where('id', '=', introductionId).executeTakeFirst()
  return intro === undefined || intro.state === 'abandoned'
}

/** What the user does with a suggestion; for "known", the relationship it recorded (null when one was there already), for Undo. */
export async function actOnSuggestion(
  backend: BackendState,
  id: number,
  action: 'start' | 'dismiss' | 'snooze' | 'known',
  strength: number,
): Promise<SuggestionView & { relationshipId: number | null }> {
  const row = await backend.db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new KithError('not_found', `There is no suggestion with id ${id}.`)
  // An introduction started from it and abandoned (or deleted) since may be started again.
  const again = action === 'start' && row.status === 'started' && (await startedIntroductionEnded(backend, row.introduction_id))
  if (row.status !== 'open' && !again) throw new KithError('conflict', `This suggestion is already ${row.status}.`)
  if (action === 'start') {
    const known = await backend.db.selectFrom('relationship').select('id').where('person_a', '=', row.person_a).where('person_b', '=', row.person_b).executeTakeFirst()
    if (known !== undefined) {
      const people = await requirePeople(backend.db, [row.person_a, row.person_b])
      throw new KithError('conflict', `${[...people.values()].map((p) => p.name).join(' and ')} already know each other: there is no one to introduce.`)
    }
  }
  const now = backend.now().toISOString()
  let introductionId: number | null = null
  if (action === 'start') {
    // Kith's own proposal: two people I know, never introduced (the list leaves out any pair introduced before, and
    // those who know each other): nothing to ask about first, and the week has no place to ask it.
    const intro = await connectPeople(backend, row.person_a, row.person_b, '', true)
    // Each side's opt-in pitches that side's own gain, and whoever gains more takes the next step.
    const gains = gainsBetween(backend, row.person_a, row.person_b)
    await updateDetails(backend, intro.id, { aGain: gains.a, bGain: gains.b, schedules: gains.schedules })
    introductionId = intro.id
  }
  const status: SuggestionStatus = action === 'start' ? 'started' : action === 'dismiss' ? 'dismissed' : action === 'snooze' ? 'snoozed' : 'known'
  let relationshipId: number | null = null
  await backend.write(action === 'known' ? { people: [row.person_a, row.person_b] } : 'nothing', async (trx) => {
    if (action === 'known') {
      const made = await trx
        .insertInto('relationship')
        .values({ person_a: row.person_a, person_b: row.person_b, strength, confidence: 'firsthand', source: 'entered', contexts: '[]', since: null, created_at: now, updated_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst()
      relationshipId = made?.id ?? null
    }
    await trx
      .updateTable('suggestion')
      .set({ status, introduction_id: introductionId, snoozed_until: action === 'snooze' ? weekAfter(row.week) : null })
      .where('id', '=', id)
      .execute()
  })
  const [view] = (await storedSuggestions(backend, row.week)).filter((s) => s.id === id)
  if (view === undefined) throw new Error('suggestion vanished')
  return { ...view, relationshipId }
}

/**
 * Undo for dismiss, snooze and "they already know each other": the
 * suggestion is open again. For "known", the relationship it recorded
 * (`relationshipId`, as suggestions.act answered) is taken back as
 * unconfirmKnown takes one back: only while unchanged, or nothing is.
 */
export async function reopenSuggestion(backend: BackendState, id: number, relationshipId: number | null, strength: number): Promise<SuggestionView> {
  const row = await backend.db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new KithError('not_found', `There is no suggestion with id ${id}.`)
  if (row.status !== 'dismissed' && row.status !== 'snoozed' && row.status !== 'known') {
    throw new KithError('conflict', row.status === 'open' ? 'This suggestion is open already.' : `This suggestion is ${row.status}: it cannot be reopened.`)
  }
  await backend.write({ people: [row.person_a, row.person_b] }, async (trx) => {
    if (row.status === 'known' && relationshipId !== null) await takeBackRelationship(trx, relationshipId, row.person_a, row.person_b, strength)
    await trx.updateTable('suggestion').set({ status: 'open', snoozed_until: null }).where('id', '=', id).execute()
  })
  const [view] = (await storedSuggestions(backend, row.week)).filter((s) => s.id === id)
  if (view === undefined) throw new Error('suggestion vanished')
  return view
}

/**
 * "They already know each other": from the maybe-known list, records the
 * relationship. Answers its id, for undo; null when one was already recorded
 * (then nothing changed, and there is nothing to take back).
 */
export async function confirmKnown(backend: BackendState, a: number, b: number, strength: number): Promise<number | null> {
  const [x, y] = [Math.min(a, b), Math.max(a, b)]
  const now = backend.now().toISOString()
  await requirePeople(backend.db, [x, y])
  return backend.write({ people: [x, y] }, async (trx) => {
    const made = await trx
      .insertInto('relationship')
      .values({ person_a: x, person_b: y, strength, confidence: 'firsthand', source: 'entered', contexts: '[]', since: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst()
    return made?.id ?? null
  })
}

/**
 * Undo for confirmKnown: deletes the relationship it made, if it still is
 * that one: between the same two people, as it was made (entered firsthand at
 * that strength, with no contexts or date, never updated since). An id SQLite
 * gave to another relationship since, or one whose strength or details were
 * changed meanwhile, is left as it is, and the caller told why.
 */
export async function unconfirmKnown(backend: BackendState, relationshipId: number, a: number, b: number, strength: number): Promise<void> {
  const [x, y] = [Math.min(a, b), Math.max(a, b)]
  await requirePeople(backend.db, [x, y])
  await backend.write({ people: [x, y] }, (trx) => takeBackRelationship(trx, relationshipId, x, y, strength))
}

/** Deletes the relationship between x < y that Kith recorded with this strength, if it is still as recorded; else says why not. */
async function takeBackRelationship(trx: Db, relationshipId: number, x: number, y: number, strength: number): Promise<void> {
  const row = await trx.selectFrom('relationship').selectAll().where('id', '=', relationshipId).executeTakeFirst()
  if (row === undefined || row.person_a !== x || row.person_b !== y) {
    throw new KithError('conflict', 'That relationship is no longer recorded: there is nothing to take back.')
  }
  const asMade = row.strength === strength && row.source === 'entered' && row.confidence === 'firsthand' && row.contexts === '[]' && row.since === null
  if (!asMade || row.updated_at !== row.created_at) {
    throw new KithError('conflict', "That relationship was changed after it was recorded, so it stays. Delete it on either person's page if it is wrong.")
  }
  await trx.deleteFrom('relationship').where('id', '=', relationshipId).execute()
}
