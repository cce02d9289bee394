import { STRENGTH_WORDS, type Strength } from '../../../shared/vocab'

export function strengthWord(strength: number): string {
  return STRENGTH_WORDS[strength as Strength]
}

export function todayIso(): string {
  const d = new Date()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** "today", "3 days ago", "5 months ago", from a YYYY-MM-DD date. */
export function ago(date: string | null): string {
  if (date === null) return 'never'
  const then = new Date(`${date}T00:00:00`)
  const days = Math.round((new Date(`${todayIso()}T00:00:00`).getTime() - then.getTime()) / 86_400_000)
  if (days <= 0) return days === 0 ? 'today' : 'in the future'
  if (days === 1) return 'yesterday'
  if (days < 45) return `${days} days ago`
  const months = Math.round(days / 30.4)
  if (months < 18) return `${months} months ago`
  return `${Math.round(days / 365)} years ago`
}

export function formatDate(date: string): string {
  return new Date(`${date}T00:00:00`).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
