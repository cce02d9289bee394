/**
 * Wall-clock times to UTC when ical.js could not: a TZID with no VTIMEZONE in
 * the file. Olson names go through Intl; the Windows names Outlook writes
 * (`W. Europe Standard Time`, `(UTC-05:00) Eastern Time (US & Canada)`) are
 * mapped to an Olson zone, or failing that read as the fixed offset in their
 * prefix. Anything else (a blank TZID, a floating time) is taken as UTC.
 */

const WINDOWS: Record<string, string> = {
  'utc': 'UTC', 'gmt standard time': 'Europe/London', 'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin', 'romance standard time': 'Europe/Paris', 'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw', 'e. europe standard time': 'Europe/Chisinau', 'fle standard time': 'Europe/Kiev',
  'gtb standard time': 'Europe/Bucharest', 'russian standard time': 'Europe/Moscow', 'israel standard time': 'Asia/Jerusalem',
  'south africa standard time': 'Africa/Johannesburg', 'arabian standard time': 'Asia/Dubai', 'india standard time': 'Asia/Kolkata',
  'china standard time': 'Asia/Shanghai', 'singapore standard time': 'Asia/Singapore', 'tokyo standard time': 'Asia/Tokyo',
  'korea standard time': 'Asia/Seoul', 'aus eastern standard time': 'Australia/Sydney', 'new zealand standard time': 'Pacific/Auckland',
  'eastern standard time': 'America/New_York', 'central standard time': 'America/Chicago', 'mountain standard time': 'America/Denver',
  'us mountain standard time': 'America/Phoenix', 'pacific standard time': 'America/Los_Angeles', 'alaskan standard time': 'America/Anchorage',
  'hawaiian standard time': 'Pacific/Honolulu', 'atlantic standard time': 'America/Halifax', 'e. south america standard time': 'America/Sao_Paulo',
}

/** Outlook's long display names, by the words after their `(UTC±hh:mm)` prefix. */
const DISPLAY: [RegExp, string][] = [
  [/eastern time \(us/i, 'America/New_York'], [/central time \(us/i, 'America/Chicago'], [/mountain time \(us/i, 'America/Denver'],
  [/pacific time \(us/i, 'America/Los_Angeles'], [/amsterdam, berlin/i, 'Europe/Berlin'], [/brussels, copenhagen/i, 'Europe/Paris'],
  [/dublin, edinburgh/i, 'Europe/London'], [/helsinki, kyiv|helsinki, kiev/i, 'Europe/Kiev'], [/tokyo/i, 'Asia/Tokyo'],
]

const formats = new Map<string, Intl.DateTimeFormat | null>()

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone)
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      })
    } catch {
      format = null
    }
    formats.set(zone, format)
  }
  return format
}

/** The zone's offset from UTC at instant `ms`, in milliseconds. */
function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {}
  for (const p of format.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** Offsets found so far, by zone and quarter hour of wall-clock time: a zone's offset is a whole number of quarter hours and changes only on one. */
const offsets = new Map<string, Map<number, number>>()
const QUARTER_MS = 15 * 60_000

/** The UTC instant of wall-clock time `naive` (its fields read as if UTC) in the zone a TZID names (see the top of this file). */
export function wallClockToUtc(naive: number, tzid: string | null): number {
  const name = (tzid ?? '').trim().replace(/^"|"$/g, '')
  if (name === '') return naive
  let known = offsets.get(name)
  if (known === undefined) offsets.set(name, (known = new Map<number, number>()))
  const quarter = Math.floor(naive / QUARTER_MS)
  let offset = known.get(quarter)
  if (offset === undefined) {
    if (known.size >= 100_000) known.clear()
    offset = offsetOf(naive, name)
    known.set(quarter, offset)
  }
  return naive - offset
}

function offsetOf(naive: number, name: string): number {
  const zone = WINDOWS[name.toLowerCase()] ?? DISPLAY.find(([pattern]) => pattern.test(name))?.[1] ?? name
  const format = formatFor(zone)
  if (format !== null) {
    const guess = naive - offsetAt(format, naive)
    return offsetAt(format, guess)
  }
  const fixed = /\(UTC([+-])(\d{2}):(\d{2})\)/.exec(name)
  if (fixed !== null) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000
  return 0
}
