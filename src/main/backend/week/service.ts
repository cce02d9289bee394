import type { ColdTie, WeekView } from '../../../shared/types'
import type { BackendState } from '../state'
import { favorStandings, nudges } from '../reciprocity/service'
import { weekSuggestions } from '../suggestions/service'
import { listTasks } from '../tasks/service'
import { weekOf } from './weeks'

/** How long a strong tie may go without a word, by strength, unless the person has their own cadence. */
export const DEFAULT_CADENCE: Record<number, number | null> = { 1: null, 2: null, 3: 120, 4: 60, 5: 30 }

/**
 * Strong relationships with no interaction for longer than their cadence.
 * Read in one query (my ties with a cadence, and my last interaction with
 * each), so the week never waits for the people directory.
 */
export function coldTies(backend: BackendState): ColdTie[] {
  const withCadence = Object.entries(DEFAULT_CADENCE).flatMap(([strength, days]) => (days === null ? [] : [Number(strength)]))
  const rows = backend.sqlite
    .prepare<number[], [number, string, number, number | null, string | null]>(
      `SELECT p.id, p.name, r.strength, p.cadence_days,
         (SELECT max(i.occurred_on) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
          WHERE ip.person_id = p.id AND i.with_me = 1)
       FROM person m
       JOIN relationship r ON r.person_a = m.id OR r.person_b = m.id
       JOIN person p ON p.id = CASE WHEN r.person_a = m.id THEN r.person_b ELSE r.person_a END
       WHERE m.is_me = 1 AND p.is_me = 0 AND p.archived_at IS NULL
         AND (p.cadence_days IS NOT NULL OR r.strength IN (${withCadence.map(() => '?').join(', ') || 'NULL'}))
       ORDER BY p.id`,
    )
    .raw()
    .all(...withCadence)
  const today = Date.parse(`${backend.today()}T00:00:00Z`)
  const out: ColdTie[] = []
  for (const [id, name, strength, own, last] of rows) {
    const cadence = own ?? DEFAULT_CADENCE[strength] ?? null
    if (cadence === null) continue
    const days = last === null ? null : Math.round((today - Date.parse(`${last}T00:00:00Z`)) / 86_400_000)
    if (days !== null && days <= cadence) continue
    out.push({ person: { id, name }, strength, lastTalked: last, cadenceDays: cadence, daysSince: days })
  }
  const overdue = (t: ColdTie): number => (t.daysSince === null ? Infinity : t.daysSince / t.cadenceDays)
  return out.sort((a, b) => b.strength - a.strength || overdue(b) - overdue(a) || a.person.name.localeCompare(b.person.name)).slice(0, 15)
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
    coldTies: coldTies(backend),
  }
}
