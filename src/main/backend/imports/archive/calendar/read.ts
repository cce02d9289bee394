/**
 * The calendar reader: an `.ics` export (Google, Outlook, Apple) to one
 * Observation per meeting that took place, parsed with ical.js. Recurring
 * events are expanded from their start up to `today`, with EXDATE and
 * RECURRENCE-ID overrides honoured (a moved occurrence keeps its original
 * key). Cancelled events and occurrences, declined attendees, rooms and
 * resources, group calendars, and METHOD:CANCEL/REPLY objects are left out.
 * A series counts at most its latest `maxOccurrences` occurrences up to today,
 * and stops after a fixed number of steps (a minutely event since 1990), which
 * the summary counts as `capped`.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import ICAL from 'ical.js'
import { KithError } from '../../../errors'
import { fileFailure } from '../../../files'
import { yieldToEventLoop } from '../../yield'
import type { Observation } from '../observation'
import { param, participantsOf, tzidOf, type Attendance } from './people'
import { wallClockToUtc } from './zones'

type Time = InstanceType<typeof ICAL.Time>
type Component = InstanceType<typeof ICAL.Component>

export interface CalendarProgress {
  events: number
  totalEvents: number
  meetings: number
}

export interface CalendarReadOptions {
  onObservation: (observation: Observation) => void
  onProgress?: (progress: CalendarProgress) => void
  signal?: AbortSignal
  /** occurrences after this instant are not meetings yet; default: now */
  today?: number
  /** a meeting with more people than this is 'crowd' noise; default 15 */
  crowdLimit?: number
  /** the latest occurrences of one series that count; default 500 */
  maxOccurrences?: number
}

export interface CalendarReadSummary {
  calendars: number
  /** VEVENTs in the file, overrides included */
  events: number
  /** meetings passed on */
  observations: number
  skipped: { cancelled: number; notMeeting: number; noPeople: number; unreadable: number }
  /** series whose expansion was cut at the cap */
  capped: number
  cancelled: boolean
}

export const DEFAULT_MAX_OCCURRENCES = 500
/** Steps one series may take through its recurrence before it is cut. */
const MAX_STEPS = 100_000
const MAX_FILE_BYTES = 512 * 1024 * 1024

export async function readCalendar(file: string, options: CalendarReadOptions): Promise<CalendarReadSummary> {
  const label = `the calendar file "${path.basename(file)}"`
  let text: string
  try {
    const stat = await fs.stat(file)
    if (stat.size > MAX_FILE_BYTES) throw new KithError('bad_request', `${label} is larger than 512 MB; Kith reads calendars up to that size.`)
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    throw fileFailure(err, label, 'read')
  }
  return readCalendarText(text, label, options)
}

/** The same, over the text of an `.ics` file; `label` names it in errors. */
export async function readCalendarText(text: string, label: string, options: CalendarReadOptions): Promise<CalendarReadSummary> {
  const today = options.today ?? Date.now()
  const crowdLimit = options.crowdLimit ?? 15
  const keep = options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES
  const calendars = splitCalendars(text.replace(/^\uFEFF/, ''), label)
  const summary: CalendarReadSummary = {
    calendars: calendars.length, events: 0, observations: 0, skipped: { cancelled: 0, notMeeting: 0, noPeople: 0, unreadable: 0 }, capped: 0, cancelled: false,
  }
  const totalEvents = calendars.reduce((sum, c) => sum + c.getAllSubcomponents('vevent').length, 0)
  let done = 0
  // A series' occurrences share their master's people, title and status: read them once.
  const facts = new WeakMap<Component, Facts>()
  const emit = (component: Component, uid: string, key: number, at: number): void => {
    if (at > today) return
    let known = facts.get(component)
    if (known === undefined) facts.set(component, (known = factsOf(component)))
    if (known.cancelled) {
      summary.skipped.cancelled++
      return
    }
    const people = known.people
    if (people.from === null && people.to.length === 0) {
      summary.skipped.noPeople++
      return
    }
    summary.observations++
    const start = new Date(at).toISOString()
    options.onObservation({
      kind: 'meeting',
      sourceKey: `${uid}#${key === at ? start : new Date(key).toISOString()}`,
      at: start,
      threadKey: uid,
      subject: known.subject,
      from: people.from,
      to: people.to,
      noise: people.to.length > crowdLimit ? 'crowd' : null,
    })
  }

  for (const calendar of calendars) {
    const vevents = calendar.getAllSubcomponents('vevent')
    summary.events += vevents.length
    const method = calendar.getFirstPropertyValue('method')
    if (typeof method === 'string' && /^(cancel|reply)$/i.test(method.trim())) {
      summary.skipped.notMeeting += vevents.length
      done += vevents.length
      continue
    }
    for (const [uid, series] of bySeries(vevents)) {
      if (options.signal?.aborted === true) break
      try {
        const capped = expand(series, uid, today, keep, emit)
        if (capped) summary.capped++
      } catch {
        summary.skipped.unreadable += series.exceptions.length + (series.master === null ? 0 : 1)
      }
      done += series.exceptions.length + (series.master === null ? 0 : 1)
      if (done % 200 < series.exceptions.length + 1) {
        options.onProgress?.({ events: done, totalEvents, meetings: summary.observations })
        await yieldToEventLoop()
      }
    }
  }
  summary.cancelled = options.signal?.aborted === true
  options.onProgress?.({ events: done, totalEvents, meetings: summary.observations })
  return summary
}

function splitCalendars(text: string, label: string): Component[] {
  const starts = [...text.matchAll(/^BEGIN:VCALENDAR\s*$/gim)].map((m) => m.index)
  if (starts.length === 0) throw new KithError('bad_request', `${upperFirst(label)} holds no calendar (no BEGIN:VCALENDAR line).`)
  return starts.map((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length)
    try {
      return ICAL.Component.fromString(chunk)
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      throw new KithError('bad_request', `${upperFirst(label)} could not be read as a calendar (calendar ${i + 1}): ${why}`)
    }
  })
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

interface Series {
  master: Component | null
  exceptions: Component[]
}

/** VEVENTs grouped by UID: the master and its RECURRENCE-ID overrides. An event with no UID gets a key from what it says. */
function bySeries(vevents: Component[]): Map<string, Series> {
  const out = new Map<string, Series>()
  for (const vevent of vevents) {
    const raw = vevent.getFirstPropertyValue('uid')
    const uid = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : `sha1:${fingerprint(vevent)}`
    let series = out.get(uid)
    if (series === undefined) out.set(uid, (series = { master: null, exceptions: [] }))
    if (vevent.hasProperty('recurrence-id')) series.exceptions.push(vevent)
    else series.master ??= vevent
  }
  return out
}

function fingerprint(vevent: Component): string {
  const parts = ['dtstart', 'summary', 'organizer'].map((name) => vevent.getFirstProperty(name)?.toICALString() ?? '')
  return createHash('sha1').update(parts.join('\u0000')).digest('hex')
}

/** One occurrence: its component, its key (the original start) and its start, both UTC milliseconds. */
type Emit = (component: Component, uid: string, key: number, at: number) => void

/** Emits the series' occurrences up to today; returns true when it was cut at the cap. */
function expand(series: Series, uid: string, today: number, keep: number, emit: Emit): boolean {
  if (series.master === null) {
    // Overrides whose master is not in the file: each is one meeting, keyed as the master would key it.
    for (const exception of series.exceptions) {
      const event = new ICAL.Event(exception)
      const tzid = tzidOf(exception, 'dtstart')
      emit(exception, uid, toUtc(event.recurrenceId, tzidOf(exception, 'recurrence-id') ?? tzid), toUtc(event.startDate, tzid))
    }
    return false
  }
  const master = series.master
  const masterTzid = tzidOf(master, 'dtstart')
  if ((!master.hasProperty('rrule') && !master.hasProperty('rdate')) || isCancelled(master)) {
    // One meeting (an event that does not recur needs none of ical.js's Event).
    const start: unknown = master.getFirstPropertyValue('dtstart')
    if (!(start instanceof ICAL.Time)) throw new Error('an event without a start')
    const at = toUtc(start, masterTzid)
    emit(master, uid, at, at)
    return false
  }
  const steps = quickSteps(master, series, masterTzid)
  const quick = steps === null ? null : stepThrough(steps, master, uid, masterTzid, today, keep, emit)
  if (quick !== null) return quick
  const event = new ICAL.Event(master, { strictExceptions: false, exceptions: series.exceptions })
  const latest: { component: Component; key: number; at: number }[] = []
  const iterator = event.iterator()
  let capped = false
  for (let step = 0; ; step++) {
    // typed as always a Time, but it is null once the series has ended
    const next: unknown = iterator.next()
    if (!(next instanceof ICAL.Time)) break
    if (step >= MAX_STEPS) {
      capped = true
      break
    }
    // (the bare rule iterator hands back the same Time each step, so only numbers are kept)
    const key = toUtc(next, masterTzid)
    if (key > today) break
    if (series.exceptions.length === 0) {
      // No overrides: the occurrence is the master at this time (what getOccurrenceDetails would say, without its copies).
      latest.push({ component: master, key, at: key })
    } else {
      const details = event.getOccurrenceDetails(next)
      const item = details.item.component
      latest.push({ component: item, key, at: item === master ? key : toUtc(details.startDate, tzidOf(item, 'dtstart')) })
    }
    if (latest.length > keep) {
      latest.shift()
      capped = true
    }
  }
  for (const o of latest) emit(o.component, uid, o.key, o.at)
  return capped
}

const DAY_MS = 86_400_000

/** A series that is its start repeated every `everyDays` days of wall-clock time, `count` times at most (or until `until`, UTC), but for the wall-clock times in `excluded`. */
interface Steps {
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
      if (!(value instanceof ICAL.Time) || value.isDate !== start.isDate) return null
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
function quickSteps(master: Component, series: Series, tzid: string | null): Steps | null {
  if (series.exceptions.length > 0 || master.hasProperty('rdate')) return null
  const rules = master.getAllProperties('rrule')
  const rule: unknown = rules.length === 1 ? rules[0]?.getFirstValue() : null
  const start: unknown = master.getFirstPropertyValue('dtstart')
  if (!(rule instanceof ICAL.Recur) || !(start instanceof ICAL.Time)) return null
  if (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY') return null
  const parts = Object.entries(rule.parts)
  if (parts.length > 0) {
    // Weekly on the start's weekday (as Google writes it) is the same series.
    const [name, days] = parts[0] ?? []
    const own = ICAL.Recur.numericDayToIcalDay(start.dayOfWeek())
    if (parts.length > 1 || rule.freq !== 'WEEKLY' || name !== 'BYDAY' || !Array.isArray(days) || days.length !== 1 || days[0] !== own) return null
  }
  const interval = Number.isInteger(rule.interval) && rule.interval > 0 ? rule.interval : 1
  let until: number | null = null
  if (rule.until !== null) {
    if (rule.count !== null || start.isDate || rule.until.isDate || rule.until.zone !== ICAL.Timezone.utcTimezone) return null
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
function stepThrough(steps: Steps, master: Component, uid: string, tzid: string | null, today: number, keep: number, emit: Emit): boolean | null {
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

/** What every occurrence of one component shares. */
interface Facts {
  cancelled: boolean
  people: Attendance
  subject: string | null
}

function factsOf(component: Component): Facts {
  const cancelled = isCancelled(component)
  const summaryText = component.getFirstPropertyValue('summary')
  return {
    cancelled,
    people: cancelled ? { from: null, to: [] } : participantsOf(component),
    subject: typeof summaryText === 'string' && summaryText.trim() !== '' ? summaryText.trim() : null,
  }
}

function isCancelled(component: Component): boolean {
  const status = component.getFirstPropertyValue('status')
  return typeof status === 'string' && /^cancell?ed$/i.test(status.trim())
}

/** The UTC instant of an ical.js time: through its VTIMEZONE when the file has one, else through the TZID's name. */
function toUtc(time: Time, tzid: string | null): number {
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
  if (zone === ICAL.Timezone.utcTimezone || zone.tzid === 'UTC') return naive
  if (zone === ICAL.Timezone.localTimezone || zone.tzid === 'floating') return wallClockToUtc(naive, tzid)
  // Zone offsets are whole quarter hours and change at whole quarter hours, so one quarter hour has one offset.
  let known = offsets.get(zone)
  if (known === undefined) offsets.set(zone, (known = new Map<number, number>()))
  const quarter = Math.floor(naive / QUARTER_MS)
  let offset = known.get(quarter)
  if (offset === undefined) {
    const d = new Date(naive)
    const at = new ICAL.Time({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() }, zone)
    offset = naive - at.toUnixTime() * 1000
    known.set(quarter, offset)
  }
  return naive - offset
}
