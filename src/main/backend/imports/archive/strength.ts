/**
 * The strength of a tie, estimated from what an archive shows of it, and the
 * reason in words. The formula and its defaults are in docs/scoring.md
 * ("Tie strength estimated from archives"): recency and intensity weigh most
 * (Gilbert and Karahalios 2009), then reciprocity and how long it has lasted.
 */
import { strengthWord } from '../../../../shared/vocab'

/** Only this recent a past counts. */
export const WINDOW_YEARS = 3
const DAY_MS = 24 * 60 * 60 * 1000
const YEAR_DAYS = 365.25

/** What the archive shows of one tie, within the window. */
export interface Exchange {
  /** messages the user sent them, and received from them */
  sent: number
  received: number
  meetings: number
  /** first and last exchange, UTC ISO 8601 */
  first: string
  last: string
}

export interface Estimate {
  strength: number
  explanation: string
  terms: { volume: number; reciprocity: number; recency: number; span: number }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS))
}

function ago(days: number): string {
  if (days === 0) return 'today'
  if (days < 60) return `${plural(days, 'day')} ago`
  if (days < 730) return `${plural(Math.round(days / 30.44), 'month')} ago`
  return `${plural(Math.round(days / YEAR_DAYS), 'year')} ago`
}

function over(days: number): string {
  if (days < 1) return 'in one day'
  if (days < 60) return `over ${plural(days, 'day')}`
  if (days < 730) return `over ${plural(Math.round(days / 30.44), 'month')}`
  return `over ${plural(Math.round(days / YEAR_DAYS), 'year')}`
}

/** "31 emails both ways", "4 emails from you, none back", "2 messages to you, none back". */
function messagesInWords(sent: number, received: number): string | null {
  const total = sent + received
  if (total === 0) return null
  const noun = plural(total, 'message')
  if (sent > 0 && received > 0) return `${noun} both ways (${sent} from you, ${received} to you)`
  return sent > 0 ? `${noun} from you, none back` : `${noun} to you, none back`
}

/** The estimate for one tie as of `now` (UTC ISO 8601). */
export function estimateStrength(x: Exchange, now: string): Estimate {
  const messages = x.sent + x.received
  const volume = Math.min(1, Math.log2(1 + messages + 3 * x.meetings) / Math.log2(1 + 200))
  const reciprocity = x.sent === 0 || x.received === 0 ? 0 : Math.min(x.sent, x.received) / Math.max(x.sent, x.received)
  const sinceLast = daysBetween(x.last, now)
  const recency = 2 ** (-sinceLast / 180)
  const spanDays = daysBetween(x.first, x.last)
  const span = Math.min(1, spanDays / YEAR_DAYS / WINDOW_YEARS)
  const raw = 0.35 * volume + 0.25 * reciprocity + 0.25 * recency + 0.15 * span
  const strength = Math.min(5, 1 + Math.floor(4.999 * raw))
  const parts = [messagesInWords(x.sent, x.received), x.meetings > 0 ? plural(x.meetings, 'meeting') : null].filter((p): p is string => p !== null)
  const what = `${parts.join(', ')} ${over(spanDays)}`
  const explanation = `${what}, last ${ago(sinceLast)}: ${strengthWord(strength).toLowerCase()} (${strength})`
  return { strength, explanation, terms: { volume, reciprocity, recency, span } }
}

/** Two views of one tie added up (what earlier imports saw and what this one adds); null when neither saw anything. */
export function addExchanges(a: Exchange | null, b: Exchange | null): Exchange | null {
  if (a === null) return b === null ? null : { ...b }
  if (b === null) return { ...a }
  return {
    sent: a.sent + b.sent,
    received: a.received + b.received,
    meetings: a.meetings + b.meetings,
    first: a.first < b.first ? a.first : b.first,
    last: a.last > b.last ? a.last : b.last,
  }
}

/** The start of the window that counts, as of `now`. */
export function windowStart(now: string): string {
  return new Date(Date.parse(now) - WINDOW_YEARS * YEAR_DAYS * DAY_MS).toISOString()
}
