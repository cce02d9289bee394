import type { ColdTie, WeekView } from '../../../shared/types'
import type { PathGraph } from '../paths/graph'
import type { BackendState } from '../state'
import { favorStandings, nudges } from '../reciprocity/service'
import { weekSuggestions } from '../suggestions/service'
import { listTasks } from '../tasks/service'
import { weekOf } from './weeks'

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
  const out: ColdTie[] = []
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
    const last = lastPlusOne === 0 ? null : new Date((lastPlusOne - 1) * 86_400_000).toISOString().slice(0, 10)
    out.push({ person: { id, name: g.names[i] ?? '' }, strength, lastTalked: last, cadenceDays: cadence, daysSince: days })
  }
  const overdue = (t: ColdTie): number => (t.daysSince === null ? Infinity : t.daysSince / t.cadenceDays)
  return out.sort((a, b) => b.strength - a.strength || overdue(b) - overdue(a) || a.person.name.localeCompare(b.person.name) || a.person.id - b.person.id).slice(0, 15)
}

export async function weekView(backend: BackendState, week: string | undefined): Promise<WeekView> {
  const label = week ?? weekOf(backend.now())
  const { suggestions, maybeKnown } = await weekSuggestions(backend, label)
  const standings = await favorStandings(backend)
  return {
    week: label,
    suggestions,
    maybeKnown,
    followUps: await listTasks(backend, true, false),
    favorsToReturn: await nudges(backend, standings),
    coldTies: coldTies(backend, backend.paths()),
  }
}
