import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Observation } from '../observation'
import { readCalendar, readCalendarText, type CalendarReadOptions } from './read'

const FIXTURES = path.join(__dirname, '..', 'fixtures')
const TODAY = Date.UTC(2026, 1, 20)

async function read(file: string, options: Partial<CalendarReadOptions> = {}): Promise<{ all: Observation[]; summary: Awaited<ReturnType<typeof readCalendar>> }> {
  const all: Observation[] = []
  const summary = await readCalendar(path.join(FIXTURES, file), { today: TODAY, ...options, onObservation: (o) => all.push(o) })
  return { all, summary }
}

describe('a Google Calendar export', () => {
  it('expands a weekly meeting up to today, leaving out the EXDATE and the cancelled occurrence, keeping the moved one', async () => {
    const { all } = await read('google.ics')
    const weekly = all.filter((o) => o.threadKey === 'weekly-sync@google.com')
    expect(weekly.map((o) => o.at)).toEqual([
      '2026-01-05T18:00:00.000Z',
      '2026-01-12T18:00:00.000Z',
      // 19 January is an EXDATE; 26 January moved to Tuesday 27 at 15:00 Los Angeles time
      '2026-01-27T23:00:00.000Z',
      // 2 February was cancelled
      '2026-02-09T18:00:00.000Z',
      '2026-02-16T18:00:00.000Z',
    ])
    const moved = weekly[2]
    expect(moved?.sourceKey).toBe('weekly-sync@google.com#2026-01-26T18:00:00.000Z')
    expect(moved?.subject).toBe('Weekly sync (moved to Tuesday)')
    expect(moved?.to.map((p) => p.email)).toEqual(['ana@example.org', 'grace@example.com'])
    expect(weekly.every((o) => o.kind === 'meeting')).toBe(true)
  })

  it('counts the organiser as from, and leaves out declined attendees, rooms, group calendars and alarm targets', async () => {
    const { all } = await read('google.ics')
    const first = all[0]
    expect(first?.from).toEqual({ email: 'maya@example.com', name: 'Maya Lindqvist', linkedinUrl: null })
    // the organiser listed again as an attendee counts once; a CN folded across lines is joined
    expect(first?.to).toEqual([{ email: 'ana@example.org', name: 'Silva, Ana', linkedinUrl: null }])
  })

  it('leaves out cancelled events and meetings that have not happened yet, and reads all-day events', async () => {
    const { all, summary } = await read('google.ics')
    expect(all.some((o) => o.subject === 'Dinner')).toBe(false)
    expect(all.some((o) => o.subject === 'Holiday party')).toBe(false)
    expect(all.find((o) => o.subject === 'Team offsite')?.at).toBe('2026-01-14T00:00:00.000Z')
    expect(summary.skipped.cancelled).toBe(2)
    expect(summary.observations).toBe(6)
  })

  it('gives the same keys on every read, and more occurrences as today moves on', async () => {
    const once = await read('google.ics')
    const again = await read('google.ics')
    expect(again.all.map((o) => o.sourceKey)).toEqual(once.all.map((o) => o.sourceKey))
    const later = await read('google.ics', { today: Date.UTC(2026, 2, 3) })
    expect(later.all.filter((o) => o.threadKey === 'weekly-sync@google.com')).toHaveLength(7)
  })
})

describe('an Outlook export', () => {
  it('reads Windows time zone names, with or without their VTIMEZONE, and any case of mailto and PARTSTAT', async () => {
    const { all, summary } = await read('outlook.ics', { today: Date.UTC(2026, 7, 1) })
    const review = all.find((o) => o.subject === 'Quarterly review')
    expect(review?.at).toBe('2026-03-03T09:00:00.000Z')
    expect(review?.from).toEqual({ email: 'maya@work.example', name: 'Lindqvist, Maya', linkedinUrl: null })
    expect(review?.to.map((p) => [p.email, p.name])).toEqual([['ben@client.example', 'Okafor, Ben'], ['hana@example.jp', 'Hana Yamada']])
    expect(all.find((o) => o.subject === 'Call with Dev')?.at).toBe('2026-03-04T14:00:00.000Z')
    // the second calendar in the file is a METHOD:CANCEL message, not a meeting
    expect(summary.calendars).toBe(2)
    expect(summary.skipped.notMeeting).toBe(1)
  })
})

describe('an Apple Calendar export', () => {
  it('leaves out rooms written in lower case and cancelled events, and keys an event without a UID stably', async () => {
    const today = Date.UTC(2026, 7, 1)
    const { all, summary } = await read('apple.ics', { today })
    expect(all.map((o) => o.subject)).toEqual(['Book club', 'Lunch (floating, no UID)'])
    expect(all[0]?.at).toBe('2026-07-02T17:00:00.000Z')
    expect(all[0]?.to.map((p) => p.email)).toEqual(['maya@example.com'])
    expect(all[1]?.at).toBe('2026-07-10T12:00:00.000Z')
    expect(all[1]?.sourceKey).toMatch(/^sha1:[0-9a-f]{40}#2026-07-10T12:00:00.000Z$/)
    const again = await read('apple.ics', { today })
    expect(again.all[1]?.sourceKey).toBe(all[1]?.sourceKey)
    expect(summary.skipped.cancelled).toBe(1)
  })
})

function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n')
}

describe('a cancellation kept beside its invitation', () => {
  const PEOPLE = ['ORGANIZER:mailto:maya@example.com', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:cxl@example.org']
  const meetings = async (text: string) => {
    const all: Observation[] = []
    const summary = await readCalendarText(text, 'the calendar file "a.ics"', { today: TODAY, onObservation: (o) => all.push(o) })
    return { at: all.map((o) => o.at), summary }
  }

  it('is no meeting: a METHOD:CANCEL object or a later event marked cancelled, at the same SEQUENCE or later', async () => {
    const invitation = calendar('BEGIN:VEVENT', 'UID:x1', 'SEQUENCE:0', 'DTSTART:20260105T090000Z', ...PEOPLE, 'END:VEVENT')
    const cancel = calendar('METHOD:CANCEL', 'BEGIN:VEVENT', 'UID:x1', 'SEQUENCE:1', 'STATUS:CANCELLED', 'DTSTART:20260105T090000Z', ...PEOPLE, 'END:VEVENT')
    const marked = calendar('BEGIN:VEVENT', 'UID:x1', 'SEQUENCE:1', 'STATUS:CANCELLED', 'DTSTART:20260105T090000Z', ...PEOPLE, 'END:VEVENT')
    expect((await meetings(invitation)).at).toEqual(['2026-01-05T09:00:00.000Z'])
    for (const later of [cancel, marked]) {
      const { at, summary } = await meetings(invitation + later)
      expect(at).toEqual([])
      expect(summary.skipped.cancelled).toBeGreaterThanOrEqual(1)
    }
    // A cancellation overtaken by a later invitation (rescheduled, SEQUENCE 2) does not count.
    const again = calendar('BEGIN:VEVENT', 'UID:x1', 'SEQUENCE:2', 'DTSTART:20260106T090000Z', ...PEOPLE, 'END:VEVENT')
    expect((await meetings(cancel + again)).at).toEqual(['2026-01-06T09:00:00.000Z'])
  })

  it('takes out one occurrence of a series when it names that occurrence', async () => {
    const series = calendar('BEGIN:VEVENT', 'UID:w1', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', ...PEOPLE, 'END:VEVENT')
    const one = calendar('METHOD:CANCEL', 'BEGIN:VEVENT', 'UID:w1', 'SEQUENCE:1', 'RECURRENCE-ID:20260112T090000Z', 'DTSTART:20260112T090000Z', ...PEOPLE, 'END:VEVENT')
    expect((await meetings(series + one)).at).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-19T09:00:00.000Z'])
  })
})

describe('limits', () => {
  it('counts only the latest occurrences of a daily meeting held since 1990, and says it was capped', async () => {
    const all: Observation[] = []
    const text = calendar(
      'BEGIN:VEVENT', 'UID:daily', 'DTSTART:19900101T090000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Standup',
      'ORGANIZER:mailto:maya@example.com', 'ATTENDEE:mailto:ana@example.org', 'END:VEVENT',
    )
    const summary = await readCalendarText(text, 'the calendar file "daily.ics"', { today: TODAY, maxOccurrences: 100, onObservation: (o) => all.push(o) })
    expect(summary.capped).toBe(1)
    expect(all).toHaveLength(100)
    expect(all.at(-1)?.at).toBe('2026-02-19T09:00:00.000Z')
  })

  it('marks a meeting with more people than the crowd limit', async () => {
    const attendees = Array.from({ length: 20 }, (_, i) => `ATTENDEE:mailto:guest${i}@example.org`)
    const text = calendar('BEGIN:VEVENT', 'UID:allhands', 'DTSTART:20260105T090000Z', 'SUMMARY:All hands', 'ORGANIZER:mailto:ceo@example.org', ...attendees, 'END:VEVENT')
    const all: Observation[] = []
    await readCalendarText(text, 'the calendar file "a.ics"', { today: TODAY, onObservation: (o) => all.push(o) })
    expect(all[0]?.noise).toBe('crowd')
    const roomy: Observation[] = []
    await readCalendarText(text, 'the calendar file "a.ics"', { today: TODAY, crowdLimit: 25, onObservation: (o) => roomy.push(o) })
    expect(roomy[0]?.noise).toBeNull()
  })

  it('refuses a file that is not a calendar, naming it without a path', async () => {
    await expect(readCalendarText('hello', 'the calendar file "notes.ics"', { onObservation: () => undefined })).rejects.toMatchObject({
      code: 'bad_request',
      message: 'The calendar file "notes.ics" holds no calendar (no BEGIN:VCALENDAR line).',
    })
  })

  it('stops when cancelled, says so, and reports progress', async () => {
    const events = Array.from({ length: 300 }, (_, i) => [
      'BEGIN:VEVENT', `UID:e${i}`, 'DTSTART:20260105T090000Z', 'ORGANIZER:mailto:maya@example.com', `ATTENDEE:mailto:p${i}@example.org`, 'END:VEVENT',
    ]).flat()
    const text = calendar(...events)
    const whole = await readCalendarText(text, 'the calendar file "a.ics"', { today: TODAY, onObservation: () => undefined })
    expect(whole).toMatchObject({ events: 300, observations: 300, cancelled: false })
    const controller = new AbortController()
    const progress: number[] = []
    const summary = await readCalendarText(text, 'the calendar file "a.ics"', {
      today: TODAY,
      signal: controller.signal,
      onObservation: () => controller.abort(),
      onProgress: (p) => progress.push(p.events),
    })
    expect(summary.cancelled).toBe(true)
    expect(summary.observations).toBeLessThan(300)
    expect(progress.length).toBeGreaterThan(0)
  })
})

describe('plain daily and weekly series', () => {
  const BERLIN = [
    'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19810329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:19961027T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
    'END:VTIMEZONE',
  ]
  const PEOPLE = ['SUMMARY:Sync', 'ORGANIZER:mailto:maya@example.com', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.org']
  /**
   * One series, with an EXDATE or not. `full` adds an override of the first
   * occurrence that changes nothing, which sends the series through ical.js's
   * full expansion: the answer to compare with.
   */
  const calendar = (start: string, rule: string, exdate: string | null, full: boolean): string =>
    [
      'BEGIN:VCALENDAR', 'VERSION:2.0', ...BERLIN,
      'BEGIN:VEVENT', 'UID:series@x', start, `RRULE:${rule}`, ...(exdate === null ? [] : [exdate]), ...PEOPLE, 'END:VEVENT',
      ...(full ? ['BEGIN:VEVENT', 'UID:series@x', start.replace('DTSTART', 'RECURRENCE-ID'), start, ...PEOPLE, 'END:VEVENT'] : []),
      'END:VCALENDAR', '',
    ].join('\r\n')
  const meetings = async (text: string, maxOccurrences = 500) => {
    const all: Observation[] = []
    const summary = await readCalendarText(text, 'test.ics', { today: TODAY, maxOccurrences, onObservation: (o) => all.push(o) })
    return { keys: all.map((o) => [o.sourceKey, o.at]), capped: summary.capped }
  }

  it.each([
    ['weekly on its own weekday, every other week, across the spring change, in a VTIMEZONE', 'DTSTART;TZID=Europe/Berlin:20250302T090000', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;COUNT=12', 'EXDATE;TZID=Europe/Berlin:20250316T090000'],
    ['weekly, with a day-only EXDATE on a timed series', 'DTSTART;TZID=Europe/Berlin:20250302T090000', 'FREQ=WEEKLY;COUNT=12', 'EXDATE;VALUE=DATE:20250316'],
    ['daily until a UTC time, in an Olson zone the file does not define', 'DTSTART;TZID=America/New_York:20251025T083000', 'FREQ=DAILY;UNTIL=20251105T133000Z', 'EXDATE;TZID=America/New_York:20251102T083000'],
    ['weekly with no end, up to today, in UTC', 'DTSTART:20240105T170000Z', 'FREQ=WEEKLY', 'EXDATE:20240112T170000Z'],
    ['all-day, every third day', 'DTSTART;VALUE=DATE:20251201', 'FREQ=DAILY;INTERVAL=3;COUNT=40', 'EXDATE;VALUE=DATE:20251207'],
    ['floating time, weekly', 'DTSTART:20251110T100000', 'FREQ=WEEKLY;COUNT=30', 'EXDATE:20251117T100000'],
  ])('%s: the same meetings as the full expansion', async (_, start, rule, exdate) => {
    const quick = await meetings(calendar(start, rule, null, false))
    expect(quick.keys.length).toBeGreaterThan(3)
    expect(quick).toEqual(await meetings(calendar(start, rule, null, true)))
    // The EXDATE takes one meeting out.
    const excluded = await meetings(calendar(start, rule, exdate, false))
    expect(excluded.keys).toHaveLength(quick.keys.length - 1)
    expect(excluded).toEqual(await meetings(calendar(start, rule, exdate, true)))
    // Only the latest occurrences count when there are too many, and the series says it was cut.
    const cut = await meetings(calendar(start, rule, null, false), 3)
    expect(cut).toEqual({ keys: quick.keys.slice(-3), capped: 1 })
    expect(await meetings(calendar(start, rule, exdate, false), 3)).toEqual(await meetings(calendar(start, rule, exdate, true), 3))
  })

  it('takes the hour the clocks change in a VTIMEZONE as ical.js does', async () => {
    const start = 'DTSTART;TZID=Europe/Berlin:20250323T023000'
    const quick = await meetings(calendar(start, 'FREQ=WEEKLY;COUNT=4', null, false))
    expect(quick.keys.map(([, at]) => at)).toEqual(['2025-03-23T01:30:00.000Z', '2025-03-30T00:30:00.000Z', '2025-04-06T00:30:00.000Z', '2025-04-13T00:30:00.000Z'])
    expect(quick).toEqual(await meetings(calendar(start, 'FREQ=WEEKLY;COUNT=4', null, true)))
  })
})
