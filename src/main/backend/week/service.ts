import type { ColdTie, WeekView } from '../../../shared/types'
import type { BackendState } from '../state'
import { favorStandings, nudges } from '../reciprocity/service'
import { weekSuggestions } from '../suggestions/service'
import { listTasks } from '../tasks/service'
import { weekOf } from './weeks'

/** How long a strong tie may go without a word, by strength, unless the person has their own cadence. */
export const DEFAULT_CADENCE: Record<number, number | null> = { 1: null, 2: null, 3: 120, 4: 60, 5: 30 }

/** Strong relationships with no interaction for longer than their cadence. */
export async function coldTies(backend: BackendState): Promise<ColdTie[]> {
  const directory = backend.directory()
  const cadences = new Map((await backend.db.selectFrom('person').select(['id', 'cadence_days']).where('cadence_days', 'is not', null).execute()).map((r) => [r.id, r.cadence_days ?? 0]))
  const today = Date.parse(`${backend.today()}T00:00:00Z`)
  const out: ColdTie[] = []
  for (const e of directory.entries.values()) {
    if (e.archived || e.isMe || e.myStrength === null) continue
    const cadence = cadences.get(e.id) ?? DEFAULT_CADENCE[e.myStrength] ?? null
    if (cadence === null) continue
    const days = e.lastInteractionOn === null ? null : Math.round((today - Date.parse(`${e.lastInteractionOn}T00:00:00Z`)) / 86_400_000)
    if (days !== null && days <= cadence) continue
    out.push({ person: { id: e.id, name: e.name }, strength: e.myStrength, lastTalked: e.lastInteractionOn, cadenceDays: cadence, daysSince: days })
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
    coldTies: await coldTies(backend),
  }
}
