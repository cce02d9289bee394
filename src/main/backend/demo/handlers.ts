import type { Handler } from '../handlers'
import { tableCounts } from '../status/counts'
import type { BackendState } from '../state'
import { moveIntroduction } from '../introductions/moves'
import { getIntroduction } from '../introductions/read'
import { answerOptIn, connectPeople, requestIntroduction, updateDetails } from '../introductions/service'
import { setTaskDone } from '../tasks/service'
import { findPaths } from '../paths/service'
import { logInteraction } from '../interactions/service'
import { KithError } from '../errors'
import { meId, normalizeEmail, normalizeLabel } from '../people/records'
import { demoState, recordSample, removeSample, undoSampleRemoval } from './removal'
import { hasSuggestionSettings, readSuggestionSettings, writeSuggestionSettings } from '../settings/service'
import { COMPANIES, SAMPLE_INTERESTS, buildSampleNetwork } from './sample-network'
import { LABEL_KINDS } from '../../../shared/vocab'

const CHUNK = 400

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The day `days` before `today` (YYYY-MM-DD, the user's own day), so nothing is dated after the day the sample loads. */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Loads the sample network into an empty database, or around you when you are
 * the only one here (the sample's own "me" is then you), all or nothing.
 */
const load: Handler<'demo.load'> = async (_args, backend) => {
  const before = await tableCounts(backend)
  const me = await meId(backend.db)
  if (before.people > (me === null ? 0 : 1)) {
    throw new KithError(
      'conflict',
      `The sample network loads only into an empty database, and this one holds ${before.people} people. ` +
        'Use a new data folder (--data DIR) to try it.',
    )
  }
  const network = buildSampleNetwork()
  const today = backend.today()
  const now = backend.now().toISOString()
  await backend.write('everything', async (trx) => {
    const ids: number[] = me === null ? [] : [me]
    const added = me === null ? network.people : network.people.slice(1)
    for (const batch of chunks(added, CHUNK)) {
      const rows = await trx
        .insertInto('person')
        .values(
          batch.map((p) => ({
            name: p.name,
            company: p.company,
            title: p.title,
            location: p.location,
            how_we_met: p.howWeMet,
            notes: null,
            introduced_by_id: null,
            linkedin_url: null,
            website: null,
            archived_at: null,
            is_me: p === network.people[0] ? 1 : 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute()
      ids.push(...rows.map((r) => r.id))
    }
    const idAt = (index: number): number => {
      const id = ids[index]
      if (id === undefined) throw new Error(`sample person ${index} has no id`)
      return id
    }

    // Your own record is yours: the sample adds nothing to it.
    const ownRecord = (i: number): boolean => me !== null && i === 0
    const emails = network.people.flatMap((p, i) =>
      p.email === null || ownRecord(i) ? [] : [{ person_id: idAt(i), email: p.email, email_norm: normalizeEmail(p.email), position: 0 }],
    )
    const labels = network.people.flatMap((p, i) =>
      ownRecord(i)
        ? []
        : LABEL_KINDS.flatMap((kind) =>
        (kind === 'tag' ? p.tags : kind === 'need' ? p.needs : p.offers).map((label, position) => ({
          person_id: idAt(i),
          kind,
          label,
          label_norm: normalizeLabel(label),
          position,
        })),
      ),
    )
    const employment = network.people.flatMap((p, i) => ownRecord(i) ? [] : [
      ...(p.company === null
        ? []
        : [{ person_id: idAt(i), company: p.company, title: p.title, start_date: p.since === null ? null : `${p.since}-01-01`, end_date: null }]),
      ...(p.previous === null
        ? []
        : [
            {
              person_id: idAt(i),
              company: p.previous.company,
              title: p.previous.title,
              start_date: `${p.previous.from}-01-01`,
              end_date: `${p.previous.to}-12-31`,
            },
          ]),
    ])
    for (const batch of chunks(emails, CHUNK)) await trx.insertInto('person_email').values(batch).execute()
    for (const batch of chunks(labels, CHUNK)) await trx.insertInto('person_label').values(batch).execute()
    for (const batch of chunks(employment, CHUNK)) await trx.insertInto('employment').values(batch).execute()

    for (const batch of chunks(network.relationships, CHUNK)) {
      await trx
        .insertInto('relationship')
        .values(
          batch.map((r) => {
            const [a, b] = [idAt(r.a), idAt(r.b)]
            return {
              person_a: Math.min(a, b),
              person_b: Math.max(a, b),
              strength: r.strength,
              kind: r.kind,
              confidence: r.confidence,
              source: 'entered',
              contexts: JSON.stringify(r.contexts),
              since: r.sinceYear === null ? null : `${r.sinceYear}-01-01`,
              created_at: now,
              updated_at: now,
            }
          }),
        )
        .execute()
    }

    for (const i of network.interactions) {
      const row = await trx
        .insertInto('interaction')
        .values({
          occurred_on: daysBefore(today, i.daysAgo),
          kind: i.kind,
          note: i.note,
          with_me: i.withMe ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('interaction_person')
        .values([...new Set(i.people)].map((p) => ({ interaction_id: row.id, person_id: idAt(p) })))
        .execute()
    }

    for (const batch of chunks(network.favors, CHUNK)) {
      await trx
        .insertInto('favor')
        .values(
          batch.map((f) => ({
            giver_id: idAt(f.giver),
            receiver_id: idAt(f.receiver),
            occurred_on: daysBefore(today, f.daysAgo),
            kind: f.kind,
            size: f.size,
            note: f.note,
            introduction_id: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute()
    }
  })
  // The sample user's interests, unless this data folder already has its own.
  if (!hasSuggestionSettings(backend)) await writeSuggestionSettings(backend, { ...readSuggestionSettings(backend), interests: [...SAMPLE_INTERESTS] })
  await sampleIntroductions(backend, today)
  // They were made through the workflow just now, with the dates of a history: each was started on its first
  // step's day and last changed on its last step's (the Introductions list's "Changed").
  // (Every ask has an "asked" step, which dates it for path scoring: the graph needs nothing read again.)
  await backend.writeSync('nothing', () =>
    backend.sqlite
      .prepare(
        `UPDATE introduction SET
           created_at = coalesce((SELECT min(e.on_date) FROM introduction_event e WHERE e.introduction_id = introduction.id) || 'T12:00:00.000Z', created_at),
           updated_at = coalesce((SELECT max(e.on_date) FROM introduction_event e WHERE e.introduction_id = introduction.id) || 'T12:00:00.000Z', updated_at)
         WHERE created_at >= ?`,
      )
      .run(now),
  )
  const sampleIds = (await backend.db.selectFrom('person').select('id').where('is_me', '=', 0).orderBy('id').execute()).map((r) => r.id)
  const introductions = (await backend.db.selectFrom('introduction').select('id').orderBy('id').execute()).map((r) => r.id)
  await recordSample(backend, { loadedAt: backend.now().toISOString(), people: sampleIds, introductions })
  return { counts: await tableCounts(backend) }
}

/**
 * Introductions in several states, made through the workflow itself: asks
 * along real paths, and introductions between people I know who do not know
 * each other. One was made three days ago, so its follow-ups are due.
 */
async function sampleIntroductions(backend: BackendState, today: string): Promise<void> {
  const g = backend.paths()
  const day = (ago: number): string => daysBefore(today, ago)
  const strangers = g.ids
    .map((id, i) => ({ id, i }))
    .filter(({ i }) => i !== g.me && !g.isMyContact(i))
    .sort((a, b) => a.id - b.id)
  // The sample's investor firm shows a colleague path: my closest contact
  // there had a coffee with me last week and is asked for nothing else, so
  // the way to their colleagues through them ranks well.
  const firm = g.orgByName(COMPANIES[0]?.name ?? '')
  const showcase = firm < 0 ? [] : (g.orgMembers[firm] ?? []).filter((c) => g.isMyContact(c))
  const closest = [...showcase].sort((a, b) => (g.edgeBetween(g.me, b)?.strength ?? 0) - (g.edgeBetween(g.me, a)?.strength ?? 0) || a - b)[0]
  if (closest !== undefined) {
    await logInteraction(backend, { date: day(6), kind: 'meeting', people: [g.ids[closest] ?? -1], note: 'Coffee: caught up on their new fund', withMe: true })
  }
  const asks: number[][] = []
  const usedConnectors = new Set<number>(showcase.map((c) => g.ids[c] ?? -1))
  for (const { id } of strangers) {
    if (asks.length === 4) break
    const found = findPaths(backend, { to: id, limit: 5, maxHops: 3, all: false })
    const path = found.paths.find((p) => p.people.length === 3 && !usedConnectors.has(p.people[1]?.id ?? -1))
    if (path === undefined) continue
    usedConnectors.add(path.people[1]?.id ?? -1)
    asks.push(path.people.map((p) => p.id))
  }
  const plans: [string, number][][] = [
    [['asked', 8]],
    [['asked', 12], ['agreed', 6], ['introduced', 3]],
    [['asked', 50], ['agreed', 45], ['introduced', 40], ['scheduled', 35], ['closed', 30]],
    [['asked', 25], ['declined', 20]],
  ]
  for (const [k, path] of asks.entries()) {
    const request = await requestIntroduction(backend, path)
    await updateDetails(backend, request.id, { why: 'They have done exactly what we are about to try.', offer: 'Our data on how field engineers choose work.', checksConfirmed: true })
    for (const [to, ago] of plans[k] ?? []) await moveIntroduction(backend, request.id, to, day(ago), false)
    if (k === 2) {
      // Long done: thanked and replied to; giving back is still open.
      const open = (await getIntroduction(backend, request.id)).tasks.filter((t) => t.status !== 'done' && t.kind !== 'give_back')
      for (const t of open) await setTaskDone(backend, t.id, true)
    }
  }

  const contacts = g.neighbours(g.me).filter((i) => g.archived[i] !== true).sort((a, b) => (g.ids[a] ?? 0) - (g.ids[b] ?? 0))
  const pairs: [number, number][] = []
  for (let x = 0; x < contacts.length && pairs.length < 3; x++) {
    for (let y = x + 1; y < contacts.length && pairs.length < 3; y++) {
      const [a, b] = [contacts[x] ?? -1, contacts[y] ?? -1]
      if (g.edgeBetween(a, b) !== undefined || pairs.some(([p, q]) => [p, q].includes(a) || [p, q].includes(b))) continue
      pairs.push([a, b])
    }
  }
  const gains = { context: 'hiring', aGain: 'a warm line to strong candidates', bGain: 'a trusted peer who has hired for the same role', aHow: 'and I met at a founders dinner', bHow: 'is a friend from my Northwind days' }
  // Days ago of each step, in order: asking both sides, both said yes, introduced, meeting scheduled.
  const connectPlans: number[][] = [[10], [9, 4, 1], [40, 35, 30, 25]]
  for (const [k, [a, b]] of pairs.entries()) {
    const [asking = 10, ready, introduced, scheduled] = connectPlans[k] ?? []
    const intro = await connectPeople(backend, g.ids[a] ?? -1, g.ids[b] ?? -1, 'hiring', true)
    await updateDetails(backend, intro.id, gains)
    await moveIntroduction(backend, intro.id, 'asking', day(asking), false)
    await answerOptIn(backend, intro.id, 'a', 'yes', day(asking))
    if (ready === undefined) continue
    await answerOptIn(backend, intro.id, 'b', 'yes', day(ready))
    if (introduced !== undefined) await moveIntroduction(backend, intro.id, 'introduced', day(introduced), false)
    if (scheduled !== undefined) await moveIntroduction(backend, intro.id, 'scheduled', day(scheduled), false)
  }
}

const state: Handler<'demo.get'> = (_args, backend) => demoState(backend)
const remove: Handler<'demo.remove'> = (_args, backend) => removeSample(backend)
const undoRemove: Handler<'demo.undoRemove'> = (_args, backend) => undoSampleRemoval(backend)

export const demoHandlers = { 'demo.load': load, 'demo.get': state, 'demo.remove': remove, 'demo.undoRemove': undoRemove }
