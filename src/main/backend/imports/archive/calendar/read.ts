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
import type ICAL from 'ical.js'
import { LazyModule } from '../../../lazy-module'
import { KithError } from '../../../errors'
import { fileFailure } from '../../../files'
import { yieldToEventLoop } from '../../yield'
import type { Observation } from '../observation'
import { participantsOf, tzidOf, type Attendance } from './people'
import { MAX_STEPS, quickSteps, stepThrough, toUtc, type Emit } from './series'

type Component = InstanceType<typeof ICAL.Component>

const ical = new LazyModule<typeof ICAL>('ical.js')

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
  /** what the user calls the file (an uploaded copy's own name means nothing to them); default: its file name */
  name?: string
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
const MAX_FILE_BYTES = 512 * 1024 * 1024

export async function readCalendar(file: string, options: CalendarReadOptions): Promise<CalendarReadSummary> {
  const label = `the calendar file "${options.name ?? path.basename(file)}"`
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
  const cancelled = cancellations(calendars)
  // A series' occurrences share their master's people, title and status: read them once.
  const facts = new WeakMap<Component, Facts>()
  const emit = (component: Component, uid: string, key: number, at: number): void => {
    if (at > today) return
    if (cancelled.get(uid)?.occurrences.has(key) === true) {
      summary.skipped.cancelled++
      return
    }
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
      const cancel = cancelled.get(uid)
      if (cancel?.whole === true && series.master !== null && cancel.sequence >= sequenceOf(series.master) && !isCancelled(series.master)) {
        // Cancelled later in the file (a cancellation sent for it): never met.
        summary.skipped.cancelled += series.exceptions.length + 1
        done += series.exceptions.length + 1
        continue
      }
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

/** What the file cancels, by UID: the whole series (at this SEQUENCE), or occurrences by their start. */
interface Cancellation {
  whole: boolean
  sequence: number
  occurrences: Set<number>
}

/**
 * Cancellations anywhere in the file: every event of a METHOD:CANCEL object
 * (a cancellation sent to attendees, often kept beside the invitation), and
 * an event marked cancelled, wherever it is. A cancellation at a SEQUENCE
 * below the event's was overtaken by a later change and does not count.
 */
function cancellations(calendars: readonly Component[]): Map<string, Cancellation> {
  const out = new Map<string, Cancellation>()
  for (const calendar of calendars) {
    const method = calendar.getFirstPropertyValue('method')
    const cancelObject = typeof method === 'string' && /^cancel$/i.test(method.trim())
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      if (!cancelObject && !isCancelled(vevent)) continue
      const raw = vevent.getFirstPropertyValue('uid')
      if (typeof raw !== 'string' || raw.trim() === '') continue
      const uid = raw.trim()
      let cancel = out.get(uid)
      if (cancel === undefined) out.set(uid, (cancel = { whole: false, sequence: -1, occurrences: new Set() }))
      if (vevent.hasProperty('recurrence-id')) {
        try {
          const event = new (ical.get().Event)(vevent)
          cancel.occurrences.add(toUtc(event.recurrenceId, tzidOf(vevent, 'recurrence-id') ?? tzidOf(vevent, 'dtstart')))
        } catch {
          // An occurrence that cannot be read cancels nothing.
        }
      } else {
        cancel.whole = true
        cancel.sequence = Math.max(cancel.sequence, sequenceOf(vevent))
      }
    }
  }
  return out
}

function sequenceOf(vevent: Component): number {
  const raw = vevent.getFirstPropertyValue('sequence')
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number.parseInt(raw, 10) : 0
  return Number.isFinite(n) ? n : 0
}

function splitCalendars(text: string, label: string): Component[] {
  const starts = [...text.matchAll(/^BEGIN:VCALENDAR\s*$/gim)].map((m) => m.index)
  if (starts.length === 0) throw new KithError('bad_request', `${upperFirst(label)} holds no calendar (no BEGIN:VCALENDAR line).`)
  return starts.map((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length)
    try {
      return ical.get().Component.fromString(chunk)
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


/** Emits the series' occurrences up to today; returns true when it was cut at the cap. */
function expand(series: Series, uid: string, today: number, keep: number, emit: Emit): boolean {
  if (series.master === null) {
    // Overrides whose master is not in the file: each is one meeting, keyed as the master would key it.
    for (const exception of series.exceptions) {
      const event = new (ical.get().Event)(exception)
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
    if (!(start instanceof ical.get().Time)) throw new Error('an event without a start')
    const at = toUtc(start, masterTzid)
    emit(master, uid, at, at)
    return false
  }
  const steps = quickSteps(master, series.exceptions.length, masterTzid)
  const quick = steps === null ? null : stepThrough(steps, master, uid, masterTzid, today, keep, emit)
  if (quick !== null) return quick
  const event = new (ical.get().Event)(master, { strictExceptions: false, exceptions: series.exceptions })
  const latest: { component: Component; key: number; at: number }[] = []
  const iterator = event.iterator()
  let capped = false
  for (let step = 0; ; step++) {
    // typed as always a Time, but it is null once the series has ended
    const next: unknown = iterator.next()
    if (!(next instanceof ical.get().Time)) break
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
