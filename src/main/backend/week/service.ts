import { sql } from 'kysely'
import type { ColdTie, TaskView, WeekView } from '../../../shared/types'
import type { PathGraph } from '../paths/graph'
import type { BackendState } from '../state'
import { favorStandings, nudges } from '../reciprocity/service'
import { weekSuggestions } from '../suggestions/service'
import { compareCodeUnits } from '../../../shared/text'
import { foldText } from '../search/normalize'
import { listTasks } from '../tasks/service'
import { readSuggestionSettings } from '../settings/service'
import { meId } from '../people/records'
import { SUGGESTION_DEFAULTS } from '../suggestions/suggest'
import { addDays } from 'date-fns'
import { isoDay, mondayOf, weekOf } from './weeks'

/** How long a strong tie may go without a word, by strength, unless the person has their own cadence. */
export const DEFAULT_CADENCE: Record<number, number | null> = { 1: null, 2: null, 3: 120, 4: 60, 5: 30 }

/**
 * Strong relationships with no interaction for longer than their cadence.
 * My ties, their strength and my last interaction with each come from the
 * path graph (which `week.get` has just brought up to date for the
 * suggestions; see `pack` for how a relationship is packed); only the people
 * with a cadence of their own are read from SQLite. The week never waits for
 * the people directory.
 */
export function coldTies(backend: BackendState, g: PathGraph): ColdTie[] {
  const me = g.me
  if (me < 0) return []
  const own = new Map(
    backend.sqlite.prepare<[], [number, number]>('SELECT id, cadence_days FROM person WHERE cadence_days IS NOT NULL').raw().all(),
  )
  const today = Math.floor(Date.parse(`${backend.today()}T00:00:00Z`) / 86_400_000)
  // Only the first COLD_TIES in order are shown: kept in order as they come, the rest never sorted
  // (nearly all of them may tie on strength and on never having talked, and so be compared by name).
  const top: Overdue[] = []
  const to = (g.start[me] ?? 0) + (g.degree[me] ?? 0)
  for (let k = g.start[me] ?? 0; k < to; k++) {
    const i = g.adj[k] ?? -1
    if (i < 0 || i === me || g.archived[i] === true) continue
    const code = g.codes[k] ?? 0
    const strength = code & 7
    const id = g.ids[i] ?? -1
    const cadence = own.get(id) ?? DEFAULT_CADENCE[strength] ?? null
    if (cadence === null) continue
    // the day number of my last interaction with them, plus one (0: none)
    const lastPlusOne = Math.floor(code / 32)
    const days = lastPlusOne === 0 ? null : today - (lastPlusOne - 1)
    if (days !== null && days <= cadence) continue
    const worst = top[top.length - 1]
    // Most ties fall behind the last of a full list on strength or on how overdue they are: no names compared.
    if (top.length === COLD_TIES && worst !== undefined && behind(strength, days === null ? Infinity : days / cadence, worst)) continue
    const name = g.names[i] ?? ''
    const tie: Overdue = { id, name, sortName: foldText(name), strength, cadence, days, lastPlusOne }
    if (top.length === COLD_TIES && worst !== undefined && colder(tie, worst) >= 0) continue
    let at = top.length
    while (at > 0 && colder(tie, top[at - 1] ?? tie) < 0) at--
    top.splice(at, 0, tie)
    if (top.length > COLD_TIES) top.pop()
  }
  return top.map((t) => ({
    person: { id: t.id, name: t.name },
    strength: t.strength,
    lastTalked: t.lastPlusOne === 0 ? null : new Date((t.lastPlusOne - 1) * 86_400_000).toISOString().slice(0, 10),
    cadenceDays: t.cadence,
    daysSince: t.days,
  }))
}

/** How many cold ties the week shows. */
const COLD_TIES = 15

/** A cold tie before it is put into words. */
/** Open follow-ups due by the end of this week (Sunday), a snoozed one by the day it was snoozed to: overdue first. */
async function dueThisWeek(backend: BackendState): Promise<TaskView[]> {
  const sunday = isoDay(addDays(mondayOf(weekOf(backend.now())), 6))
  const open = await listTasks(backend, { due: false, includeDone: false })
  return open.filter((t) => (t.snoozedUntil !== null && t.snoozedUntil > t.dueOn ? t.snoozedUntil : t.dueOn) <= sunday)
}

interface Overdue {
  id: number
  name: string
  /** the name as the People list orders it (folded: no case, no accents) */
  sortName: string
  strength: number
  cadence: number
  days: number | null
  lastPlusOne: number
}

const overdue = (t: Overdue): number => (t.days === null ? Infinity : t.days / t.cadence)

/** Whether a tie of this strength and overdue comes after `worst` whatever their names. */
const behind = (strength: number, due: number, worst: Overdue): boolean => strength < worst.strength || (strength === worst.strength && due < overdue(worst))

/** Stronger first, then the longer overdue (never talked: most), then by name as the People list has them, then id. */
const colder = (a: Overdue, b: Overdue): number => b.strength - a.strength || overdue(b) - overdue(a) || compareCodeUnits(a.sortName, b.sortName) || a.id - b.id

export async function weekView(backend: BackendState, week: string | undefined): Promise<WeekView> {
  const label = week ?? weekOf(backend.now())
  const { suggestions, maybeKnown } = await weekSuggestions(backend, label)
  const standings = await favorStandings(backend)
  const settings = readSuggestionSettings(backend)
  // Of people who could be suggested: my ties strong enough to be paired (not archived, not me).
  const me = await meId(backend.db)
  const labelled =
    me === null
      ? undefined
      : await backend.db
          .selectFrom('person_label as l')
          .innerJoin('person as p', 'p.id', 'l.person_id')
          .innerJoin('relationship as r', (j) =>
            j.on((eb) =>
              eb.or([
                eb.and([eb('r.person_a', '=', me), eb('r.person_b', '=', eb.ref('l.person_id'))]),
                eb.and([eb('r.person_b', '=', me), eb('r.person_a', '=', eb.ref('l.person_id'))]),
              ]),
            ),
          )
          .select('l.person_id')
          .where('l.kind', 'in', ['need', 'offer'])
          .where('p.archived_at', 'is', null)
          .where(sql<boolean>`r.strength >= ${SUGGESTION_DEFAULTS.minStrength}`)
          .limit(1)
          .executeTakeFirst()
  return {
    week: label,
    suggestions,
    // (Roles are not counted: the defaults name two pairs of roles, whether or not anyone carries them.)
    suggestionsFromSomething: labelled !== undefined || settings.interests.length > 0,
    maybeKnown,
    followUps: await dueThisWeek(backend),
    favorsToReturn: await nudges(backend, standings),
    coldTies: coldTies(backend, backend.paths()),
  }
}
