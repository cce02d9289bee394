import { compareCodeUnits } from '../../../shared/text'
import type { FavorStanding, Nudge, PersonRef } from '../../../shared/types'
import { FAVOR_POINTS } from '../../../shared/vocab'
import type { BackendState } from '../state'
import { meId } from '../people/records'
import { distinctLabels } from '../people/labels'
import { readLabels } from '../suggestions/service'
import { byStrengthThenName } from '../people/order'
import { isoDay } from '../week/weeks'
import { introducedTo } from '../introductions/pairs'

export async function favorStandings(backend: BackendState): Promise<FavorStanding[]> {
  const me = await meId(backend.db)
  if (me === null) return []
  const rows = await backend.db
    .selectFrom('favor as f')
    .innerJoin('person as g', 'g.id', 'f.giver_id')
    .innerJoin('person as r', 'r.id', 'f.receiver_id')
    .select(['f.giver_id', 'g.name as giver', 'f.receiver_id', 'r.name as receiver', 'f.size', 'f.occurred_on'])
    .where((eb) => eb.or([eb('f.giver_id', '=', me), eb('f.receiver_id', '=', me)]))
    .execute()
  const since = isoDay(new Date(backend.now().getTime() - 90 * 86_400_000))
  const by = new Map<number, FavorStanding>()
  for (const f of rows) {
    const mine = f.giver_id === me
    const other: PersonRef = mine ? { id: f.receiver_id, name: f.receiver } : { id: f.giver_id, name: f.giver }
    const s = by.get(other.id) ?? { person: other, label: other.name, givenByMe: 0, receivedByMe: 0, pointsGivenByMe: 0, pointsReceivedByMe: 0, balance: 0, lastFavor: f.occurred_on, trend: 0 }
    const points = FAVOR_POINTS[f.size]
    if (mine) {
      s.givenByMe++
      s.pointsGivenByMe += points
    } else {
      s.receivedByMe++
      s.pointsReceivedByMe += points
    }
    s.balance = s.pointsGivenByMe - s.pointsReceivedByMe
    if (f.occurred_on > s.lastFavor) s.lastFavor = f.occurred_on
    if (f.occurred_on >= since) s.trend += mine ? points : -points
    by.set(other.id, s)
  }
  const labels = await distinctLabels(backend.db, [...by.keys()])
  for (const s of by.values()) s.label = labels.get(s.person.id) ?? s.person.name
  return [...by.values()].sort((a, b) => a.balance - b.balance || compareCodeUnits(b.lastFavor, a.lastFavor))
}

/** How many of the people who can help a nudge names. */
const SHOWN_HELPERS = 5

/** Favors to return: the people I owe, what they are looking for, and who I know that offers it (and is new to them). */
export async function nudges(backend: BackendState, standings: FavorStanding[]): Promise<Nudge[]> {
  const owed = standings.filter((s) => s.balance < 0).slice(0, 10)
  if (owed.length === 0) return []
  const g = backend.paths()
  const labels = await readLabels(backend)
  const introduced = new Map<number, Set<number>>()
  for (const s of owed) introduced.set(s.person.id, await introducedTo(backend.db, s.person.id))
  return owed.map((s) => {
    const needs = labels.needs.get(s.person.id) ?? new Map<string, string>()
    const found: { id: number; name: string; strength: number }[] = []
    const them = g.indexOf.get(s.person.id) ?? -1
    const already = introduced.get(s.person.id)
    for (const c of g.neighbours(g.me)) {
      const id = g.ids[c] ?? -1
      if (id === s.person.id || g.archived[c] === true) continue
      // Someone they know already, or were introduced to (or said no to), is no way to help them.
      if ((them >= 0 && g.edgeBetween(them, c) !== undefined) || already?.has(id) === true) continue
      const offers = labels.offers.get(id)
      if (offers !== undefined && [...needs.keys()].some((k) => offers.has(k))) found.push({ id, name: g.names[c] ?? '', strength: g.edgeBetween(g.me, c)?.strength ?? 0 })
    }
    // The same people every time (the graph's order of my ties is not), strongest first: the order the give-back
    // follow-up names them in (it leaves out ties under 2/5, and names three).
    const helpers: PersonRef[] = byStrengthThenName(found).map(({ id, name }) => ({ id, name }))
    // The full name (and company for namesakes): three Graces must be told apart.
    const who = s.label
    const received = `You have received ${s.receivedByMe} ${s.receivedByMe === 1 ? 'favor' : 'favors'} from ${who} and given ${s.givenByMe === 0 ? 'none' : s.givenByMe}`
    const want =
      needs.size === 0
        ? 'ask what they are looking for.'
        : `they are looking for ${[...needs.values()].join(', ')}${helpers.length === 0 ? '.' : `, and you know ${helpers.length === 1 ? 'one person' : `${helpers.length} people`} who can help${helpers.length > SHOWN_HELPERS ? ` (the ${SHOWN_HELPERS} you know best are named)` : ''}.`}`
    return { person: s.person, label: s.label, text: `${received}; ${want}`, helpers: helpers.slice(0, SHOWN_HELPERS) }
  })
}
