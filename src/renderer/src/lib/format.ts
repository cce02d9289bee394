import { daysAgo } from '../../../shared/format'
import { STATE_WORDS, type IntroState } from '../../../shared/intro-states'
import { STRENGTH_WORDS, type Strength } from '../../../shared/vocab'

export function strengthWord(strength: number): string {
  return STRENGTH_WORDS[strength as Strength]
}

/** An introduction's state in words ('asked', 'introduced'…). */
export function stateWord(state: string): string {
  return STATE_WORDS[state as IntroState]
}

export function todayIso(): string {
  const d = new Date()
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
