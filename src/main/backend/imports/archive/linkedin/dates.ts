/**
 * The dates LinkedIn's export writes: months of a job ("Jan 2024", or only
 * "2017"), message times ("2024-12-16 18:24:37 UTC") and invitation times
 * ("12/15/24, 7:47 AM", taken as UTC).
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The last day of a month (1 to 12), as a number. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A job's month as YYYY-MM-DD: its first day for a start, its last for an end; a year alone is its first or last day. */
export function parseMonthYear(value: string, side: 'start' | 'end'): string | null {
  const t = value.trim()
  const year = /^(\d{4})$/.exec(t)
  if (year !== null) return side === 'start' ? `${year[1]}-01-01` : `${year[1]}-12-31`
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t)
  const month = m === null ? -1 : MONTHS.indexOf((m[1] ?? '').toLowerCase())
  if (m === null || month === -1) return null
  const y = Number(m[2])
  const day = side === 'start' ? 1 : lastDay(y, month + 1)
  return `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function iso(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null
  return d.toISOString()
}

/** "2024-12-16 18:24:37 UTC" (or with a T, or a Z) as UTC ISO 8601. */
export function parseMessageTime(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:UTC|Z|\+00:?00)?$/i.exec(value.trim())
  if (m === null) return null
  return iso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
}

/** "12/15/24, 7:47 AM" (month first, as LinkedIn writes it) as UTC ISO 8601; message times are taken too. */
export function parseInvitationTime(value: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})\s*([AP]M)?$/i.exec(value.trim())
  if (m === null) return parseMessageTime(value)
  const short = Number(m[3])
  const year = (m[3] ?? '').length === 2 ? 2000 + short : short
  let hour = Number(m[4])
  const half = (m[6] ?? '').toUpperCase()
  if (half !== '' && (hour < 1 || hour > 12)) return null
  if (half === 'PM' && hour < 12) hour += 12
  if (half === 'AM' && hour === 12) hour = 0
  return iso(year, Number(m[1]), Number(m[2]), hour, Number(m[5]), 0)
}
