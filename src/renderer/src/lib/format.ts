import { daysAgo } from '../../../shared/format'

export { stateWord } from '../../../shared/intro-states'
export { strengthWord } from '../../../shared/vocab'

export function todayIso(): string {
  const d = new Date()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The day `days` after today (local time), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** How long ago a YYYY-MM-DD date was, in the words the backend's explanations use too ("never" for none). */
export function ago(date: string | null, today: string = todayIso()): string {
  if (date === null) return 'never'
  const days = Math.round((new Date(`${today}T00:00:00`).getTime() - new Date(`${date}T00:00:00`).getTime()) / 86_400_000)
  return daysAgo(days)
}

export function formatDate(date: string): string {
  return new Date(`${date}T00:00:00`).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
