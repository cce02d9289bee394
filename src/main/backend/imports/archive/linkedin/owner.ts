/**
 * The owner of a LinkedIn export and their work history, planned against
 * Kith: with no "me" yet, the owner becomes "me"; with one of another name,
 * the preview warns (the export may be someone else's). Jobs already in my
 * work history (same company and start) are not added again.
 */
import type Database from 'better-sqlite3'
import { foldCompany, foldName } from '../../person-record'
import type { OwnerFact, PositionFact } from '../observation'

export interface OwnerPlan {
  /** "me" to create, when there is none yet */
  create: { name: string } | null
  /** jobs to add to my work history */
  positions: PositionFact[]
  /** what the preview says about it */
  notes: string[]
}

const jobKey = (company: string, startDate: string | null): string => `${foldCompany(company)}|${startDate ?? ''}`

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

export function planOwner(sqlite: Database.Database, meId: number | null, owner: OwnerFact | null, positions: readonly PositionFact[]): OwnerPlan {
  const plan: OwnerPlan = { create: null, positions: [], notes: [] }
  const known = new Set<string>()
  if (meId === null) {
    if (owner === null) {
      if (positions.length > 0) plan.notes.push('This export has no Profile.csv and you have not said who you are, so the jobs in Positions.csv were not added. Set "me" first.')
      return plan
    }
    plan.create = { name: owner.name }
    plan.notes.push(`${owner.name} (from Profile.csv) becomes "me".`)
  } else {
    const me = sqlite.prepare<[number], string>('SELECT name FROM person WHERE id = ?').pluck().get(meId)
    if (owner !== null && me !== undefined && foldName(me) !== foldName(owner.name)) {
      plan.notes.push(`Warning: this export is ${owner.name}'s (Profile.csv), but "me" in Kith is ${me}. Its messages and jobs are taken as yours; cancel if the export is someone else's.`)
    }
    for (const r of sqlite.prepare<[number], { company: string; start_date: string | null }>('SELECT company, start_date FROM employment WHERE person_id = ?').all(meId)) {
      known.add(jobKey(r.company, r.start_date))
    }
  }
  for (const p of positions) {
    const key = jobKey(p.company, p.startDate)
    if (known.has(key)) continue
    known.add(key)
    plan.positions.push(p)
  }
  if (plan.positions.length > 0) plan.notes.push(`${plural(plan.positions.length, 'job', 'jobs')} from Positions.csv ${plan.positions.length === 1 ? 'goes' : 'go'} into your work history.`)
  return plan
}
