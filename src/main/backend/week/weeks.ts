import { addWeeks, format, getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns'
import { fieldError } from '../errors'

/** "2026-W48" for the ISO week of a date. */
export function weekOf(date: Date): string {
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`
}

/** The Monday (local) that starts an ISO week label. */
export function mondayOf(week: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(week)
  if (match?.[1] === undefined || match[2] === undefined) throw fieldError('week', `"${week}" is not like 2026-W48`)
  const year = Number(match[1])
  const number = Number(match[2])
  // Jan 4th is always in week 1 of its ISO year.
  const monday = startOfISOWeek(setISOWeek(new Date(year, 0, 4), number))
  if (weekOf(monday) !== week) throw fieldError('week', `${week} does not exist`)
  return monday
}

export function weeksBefore(week: string, count: number): string[] {
  const monday = mondayOf(week)
  return Array.from({ length: count }, (_, k) => weekOf(addWeeks(monday, -(k + 1))))
}

export function weekAfter(week: string, count = 1): string {
  return weekOf(addWeeks(mondayOf(week), count))
}

export function isoDay(date: Date): string {
  return format(date, 'yyyy-MM-dd')
}
