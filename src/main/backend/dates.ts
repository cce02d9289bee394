/**
 * Checks of dates against the user's today. The argument schemas hold what
 * never changes (a real date, not before 1900); whether a date is in the
 * future depends on the day it is where the user is, which only the backend
 * knows (`Backend.today()`), so these checks run in the services.
 *
 * Every refusal names its field (`fieldError`: the message starts with the
 * field's name, and its `issues` carry the path apart, so a form shows it next
 * to that field) and says why the date is refused.
 */
import { fieldError } from './errors'

/** How far ahead a follow-up can be planned: further out, it is a typo or a wish, not a task. */
export const PLANNING_YEARS = 5

/** `date` plus whole years; 29 February becomes the 28th in a year without one. */
export function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const shifted = new Date(Date.UTC(2000, m - 1, d))
  shifted.setUTCFullYear(y + years)
  if (shifted.getUTCMonth() !== m - 1) shifted.setUTCDate(0)
  return shifted.toISOString().slice(0, 10)
}

/** Something that has happened: not after today. */
export function requireNotFuture(field: string, date: string, today: string, hint: string): void {
  if (date > today) throw fieldError(field, `${date} is in the future; ${hint}`)
}

/** When a past event (an interaction, a favor) happened: the schema has already refused dates before 1900. */
export function requireHappened(date: string, today: string): void {
  requireNotFuture('date', date, today, 'log things that have happened')
}

/** The last day a follow-up can be due or snoozed to. */
export function lastPlanningDay(today: string): string {
  return addYears(today, PLANNING_YEARS)
}

/** A day to plan for: not more than five years from today. */
export function requireWithinPlanning(field: string, date: string, today: string): void {
  const last = lastPlanningDay(today)
  if (date > last) {
    throw fieldError(field, `${date} is more than ${PLANNING_YEARS} years away; plan up to ${last}`)
  }
}
