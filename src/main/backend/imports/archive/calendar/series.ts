/**
 * Occurrences of a calendar series, worked out without ical.js's rule
 * iterator where that is safe, and ical.js times turned into UTC instants
 * with each zone's offset worked out once per quarter hour.
 */
import type ICAL from 'ical.js'
import { LazyModule } from '../../../lazy-module'
import { param } from './people'
import { wallClockToUtc } from './zones'

type Time = InstanceType<typeof ICAL.Time>
type Component = InstanceType<typeof ICAL.Component>

const ical = new LazyModule<typeof ICAL>('ical.js')

/** Steps one series may take through its recurrence before it is cut. */
export const MAX_STEPS = 100_000

/** One occurrence: its component, its key (the original start) and its start, both UTC milliseconds. */
export type Emit = (component: Component, uid: string, key: number, at: number) => void

const DAY_MS = 86_400_000

/** A series that is its start repeated every `everyDays` days of wall-clock time, `count` times at most (or until `until`, UTC), but for the wall-clock times in `excluded`. */
export interface Steps {
  start: Time
  everyDays: number
  count: number | null
  until: number | null
  excluded: Set<number>
}

/** A time's wall clock, its fields read as if UTC. */
function naiveOf(t: Time): number {
  return t.isDate ? Date.UTC(t.year, t.month - 1, t.day) : Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)
}

/**
 * The EXDATE wall-clock times, when every one is written as the start is (a
 * date for a date; a time in the same zone for a time), so that comparing
 * wall clocks is what ical.js's comparison would do; else null.
 */
function exdatesLike(master: Component, start: Time, tzid: string | null): Set<number> | null {
  const out = new Set<number>()
  for (const prop of master.getAllProperties('exdate')) {
    const own = param(prop, 'tzid')
    for (const value of prop.getValues()) {
      if (!(value instanceof ical.get().Time) || value.isDate !== start.isDate) return null
      if (!start.isDate && (value.zone !== start.zone || own !== tzid)) return null
      out.add(naiveOf(value))
    }
  }
  return out
}

/**
 * The commonest series (daily or weekly, on the start's own weekday, with an
 * interval and COUNT or a UTC UNTIL, and no EXDATE, RDATE or overrides) are
 * stepped through with arithmetic on the wall-clock time instead of ical.js's
 * rule iterator: the same occurrences at a fraction of the cost. Anything
 * else is left to ical.js.
 */
export function quickSteps(master: Component, overrides: number, tzid: string | null): Steps | null {
  if (overrides > 0 || master.hasProperty('rdate')) return null
  const rules = master.getAllProperties('rrule')
  const rule: unknown = rules.length === 1 ? rules[0]?.getFirstValue() : null
  const start: unknown = master.getFirstPropertyValue('dtstart')
  if (!(rule instanceof ical.get().Recur) || !(start instanceof ical.get().Time)) return null
  if (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY') return null
  const parts = Object.entries(rule.parts)
  if (parts.length > 0) {
    // Weekly on the start's weekday (as Google writes it) is the same series.
    const [name, days] = parts[0] ?? []
    const own = ical.get().Recur.numericDayToIcalDay(start.dayOfWeek())
    if (parts.length > 1 || rule.freq !== 'WEEKLY' || name !== 'BYDAY' || !Array.isArray(days) || days.length !== 1 || days[0] !== own) return null
  }
  const interval = Number.isInteger(rule.interval) && rule.interval > 0 ? rule.interval : 1
  let until: number | null = null
  if (rule.until !== null) {
    if (rule.count !== null || start.isDate || rule.until.isDate || rule.until.zone !== ical.get().Timezone.utcTimezone) return null
    until = toUtc(rule.until, null)
  }
  const excluded = exdatesLike(master, start, tzid)
  if (excluded === null) return null
  return { start, everyDays: (rule.freq === 'WEEKLY' ? 7 : 1) * interval, count: rule.count, until, excluded }
}

/**
 * The quick expansion: the latest `keep` occurrences up to today, as the
 * general loop would find them; null (the general loop then runs) for a
 * series with exclusions so long it would reach the step limit.
 */
export function stepThrough(steps: Steps, master: Component, uid: string, tzid: string | null, today: number, keep: number, emit: Emit): boolean | null {
  const s = steps.start
  const naive = naiveOf(s)
  const every = steps.everyDays * DAY_MS
  const instant = (k: number): number => (k === 0 ? toUtc(s, tzid) : s.isDate ? naive + k * every : naiveToUtc(s, naive + k * every, tzid))
  const limit = steps.count ?? Number.POSITIVE_INFINITY
  // Occurrences whose start is at most today (and at most UNTIL): the first n. Found by a jump and a few steps.
  const last = Math.min(today, steps.until ?? today)
  let n = Math.max(0, Math.min(limit, Math.floor((last - naive) / every) - 1))
  while (n > 0 && instant(n - 1) > last) n--
  while (n < limit && instant(n) <= last) n++
  if (steps.excluded.size === 0) {
    const seen = Math.min(n, MAX_STEPS)
    for (let k = Math.max(0, seen - keep); k < seen; k++) {
      const at = instant(k)
      emit(master, uid, at, at)
    }
    return n > MAX_STEPS || seen > keep
  }
  if (n > MAX_STEPS) return null
  // An excluded occurrence is no step and no meeting: the latest `keep` of the others count.
  const kept: number[] = []
  let k = n - 1
  for (; k >= 0 && kept.length < keep; k--) if (!steps.excluded.has(naive + k * every)) kept.push(k)
  let more = false
  for (; k >= 0 && !more; k--) more = !steps.excluded.has(naive + k * every)
  for (let i = kept.length - 1; i >= 0; i--) {
    const at = instant(kept[i] ?? 0)
    emit(master, uid, at, at)
  }
  return more
}

/** The UTC instant of an ical.js time: through its VTIMEZONE when the file has one, else through the TZID's name. */
export function toUtc(time: Time, tzid: string | null): number {
  if (time.isDate) return Date.UTC(time.year, time.month - 1, time.day)
  return naiveToUtc(time, Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second), tzid)
}

type Zone = Time['zone']
/** Offsets of each VTIMEZONE (in milliseconds, by quarter hour of wall-clock time), so a zone's rules are worked out once per quarter hour, not once per meeting. */
const offsets = new WeakMap<Zone, Map<number, number>>()
const QUARTER_MS = 15 * 60_000

/** The UTC instant of wall-clock time `naive` (its fields read as if UTC) in the zone of `time`. */
function naiveToUtc(time: Time, naive: number, tzid: string | null): number {
  const zone = time.zone
  if (zone === ical.get().Timezone.utcTimezone || zone.tzid === 'UTC') return naive
  if (zone === ical.get().Timezone.localTimezone || zone.tzid === 'floating') return wallClockToUtc(naive, tzid)
  // Zone offsets are whole quarter hours and change at whole quarter hours, so one quarter hour has one offset.
  let known = offsets.get(zone)
  if (known === undefined) offsets.set(zone, (known = new Map<number, number>()))
  const quarter = Math.floor(naive / QUARTER_MS)
  let offset = known.get(quarter)
  if (offset === undefined) {
    const d = new Date(naive)
    const at = new (ical.get().Time)({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() }, zone)
    offset = naive - at.toUnixTime() * 1000
    known.set(quarter, offset)
  }
  return naive - offset
}
