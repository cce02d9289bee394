/**
 * Mail dates, read leniently: the RFC 5322 shape (`Tue, 3 Mar 2026 09:15:00 +0100 (CET)`),
 * the shapes mbox `From ` lines carry (`Wed Nov  1 06:04:52 2017`, `Wed Feb  9 22:02 MET 2000`,
 * `14-Jun-2010 20:03:53 +0000`, Gmail's `Mon Jan 01 00:00:00 +0000 2024`), and ISO 8601.
 * A date that cannot be read, or that is absurd (before 1970, or after "now"), is null:
 * it must never become a "last talked" date.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Offsets of the zone names old mailers write, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, met: 60, cet: 60, mez: 60, mest: 120, cest: 120, mesz: 120,
  eet: 120, eest: 180, msk: 180, ist: 330, jst: 540, kst: 540, aest: 600, aedt: 660,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, hst: -600,
}

/** Dates more than this far past "now" are taken for a broken clock. */
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000
const EARLIEST_MS = Date.UTC(1970, 0, 2)

/** Reads a mail date, or returns null. `now` bounds it (a date after now plus two days is refused). */
export function parseMailDate(text: string, now: number): number | null {
  const trimmed = text.replace(/\([^)]*\)/g, ' ').trim()
  if (trimmed === '') return null
  const ms = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(trimmed) ? Date.parse(trimmed.replace(' ', 'T')) : (common(trimmed) ?? fromTokens(trimmed))
  if (ms === null || !Number.isFinite(ms)) return null
  if (ms < EARLIEST_MS || ms > now + FUTURE_SLACK_MS) return null
  return ms
}

/** The shape nearly every mailer writes (`Tue, 3 Mar 2026 09:15:00 +0100`), read in one match. */
const RFC5322 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-])(\d{2})(\d{2})$/

function common(text: string): number | null {
  const m = RFC5322.exec(text)
  if (m === null) return null
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase())
  const [day, hour, minute, second] = [m[1], m[4], m[5], m[6] ?? '0'].map(Number)
  if (month < 0 || day === undefined || hour === undefined || minute === undefined || second === undefined) return null
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]))
  return Date.UTC(Number(m[3]), month, day, hour, minute, Math.min(second, 59)) - offset * 60_000
}

function fromTokens(text: string): number | null {
  let year: number | null = null
  let month: number | null = null
  let day: number | null = null
  let time: [number, number, number] | null = null
  let offset: number | null = null
  const tokens = text.split(/[\s,]+/).flatMap((t) => (/^\d{1,2}-[a-z]{3}-\d{2,4}$/i.test(t) ? t.split('-') : [t]))
  for (const token of tokens) {
    const lower = token.toLowerCase()
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(token)
    if (clock !== null && time === null) {
      time = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? '0')]
    } else if (/^[+-]\d{4}$/.test(token) && offset === null) {
      const sign = token.startsWith('-') ? -1 : 1
      offset = sign * (Number(token.slice(1, 3)) * 60 + Number(token.slice(3, 5)))
    } else if (/^\d{4}$/.test(token) && year === null) {
      year = Number(token)
    } else if (/^\d{1,2}$/.test(token)) {
      if (day === null) day = Number(token)
      else if (year === null) year = Number(token) + (Number(token) < 50 ? 2000 : 1900)
    } else if (month === null && MONTHS.includes(lower.slice(0, 3)) && /^[a-z]+\.?$/.test(lower)) {
      month = MONTHS.indexOf(lower.slice(0, 3))
    } else if (offset === null && lower in ZONES) {
      offset = ZONES[lower] ?? 0
    }
  }
  if (year === null || month === null || day === null || day < 1 || day > 31) return null
  const [h, m, s] = time ?? [0, 0, 0]
  if (h > 23 || m > 59 || s > 60) return null
  return Date.UTC(year, month, day, h, m, Math.min(s, 59)) - (offset ?? 0) * 60_000
}
