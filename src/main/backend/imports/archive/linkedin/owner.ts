/**
 * The owner of a LinkedIn export and their work history, planned against
 * Kith: with no "me" yet, the owner becomes "me"; with one of another name,
 * the preview warns (the export may be someone else's). Jobs already in my
 * work history (same company and start) are not added again. When "me" has
 * neither company nor title, the most recent current job gives them.
 */
import type Database from 'better-sqlite3'
import { plural } from '../../../../../shared/format'
import { foldCompany, foldName } from '../../person-record'
import type { OwnerFact, PositionFact } from '../observation'

export interface OwnerPlan {
  /** "me" to create, when there is none yet */
  create: { name: string } | null
  /** jobs to add to my work history */
  positions: PositionFact[]
  /** my company and title, from my current job, when "me" has neither */
  profile: { company: string; title: string | null } | null
  /** what the preview says about it */
  notes: string[]
}

const jobKey = (company: string, startDate: string | null): string => `${foldCompany(company)}|${startDate ?? ''}`

/** The job I hold now: no end date, the latest start first (an unknown start counts as oldest). */
function currentJob(positions: readonly PositionFact[]): PositionFact | null {
  let best: PositionFact | null = null
  for (const p of positions) {
    if (p.endDate !== null) continue
    if (best === null || (p.startDate ?? '') > (best.startDate ?? '')) best = p
  }
  return best
}

/** `ownerFrom`: where the owner's name comes from, for the preview ("from Profile.csv"). */
export function planOwner(sqlite: Database.Database, meId: number | null, owner: OwnerFact | null, positions: readonly PositionFact[], ownerFrom = 'from Profile.csv'): OwnerPlan {
  const plan: OwnerPlan = { create: null, positions: [], profile: null, notes: [] }
  const known = new Set<string>()
  let hasProfile = false
  if (meId === null) {
    if (owner === null) {
      if (positions.length > 0) plan.notes.push('This export has no Profile.csv and you have not said who you are, so the jobs in Positions.csv were not added. Set "me" first.')
      return plan
    }
    plan.create = { name: owner.name }
    plan.notes.push(`${owner.name} (${ownerFrom}) becomes "me".`)
  } else {
    const me = sqlite.prepare<[number], { name: string; company: string | null; title: string | null }>('SELECT name, company, title FROM person WHERE id = ?').get(meId)
    if (owner !== null && me !== undefined && foldName(me.name) !== foldName(owner.name)) {
      plan.notes.push(`Warning: this export is ${owner.name}'s (Profile.csv), but "me" in Kith is ${me.name}. Its messages and jobs are taken as yours; cancel if the export is someone else's.`)
    }
    hasProfile = me === undefined || me.company !== null || me.title !== null
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
  if (plan.positions.length > 0) plan.notes.push(`${plural(plan.positions.length, 'job')} from Positions.csv ${plan.positions.length === 1 ? 'goes' : 'go'} into your work history.`)
  const now = hasProfile ? null : currentJob(positions)
  if (now !== null) {
    plan.profile = { company: now.company, title: now.title }
    plan.notes.push(`Your current job in Positions.csv, ${now.title === null ? now.company : `${now.title} at ${now.company}`}, becomes your company and title.`)
  }
  return plan
}
