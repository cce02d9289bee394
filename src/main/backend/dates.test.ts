/**
 * Dates a user can trust: what has happened is not dated in the future or
 * before 1900, an introduction's steps come in order, follow-ups are planned
 * within five years, and birthdays have been.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from './backend'
import { fails, ok } from './testing/call'
import { importFile } from './testing/imports'
import { openTempBackend } from './testing/temp'
import { addYears } from './dates'
import { meVeraYara } from './testing/cast'

/** Sunday 22 November 2026, midday UTC: the same day in most of the world. */
const NOW = new Date('2026-11-22T12:00:00Z')


async function count(backend: Backend, table: 'interaction' | 'favor' | 'task' | 'introduction_event' | 'person'): Promise<number> {
  return (await backend.db.selectFrom(table).selectAll().execute()).length
}

describe('logging what happened', () => {
  it('refuses a meeting dated next year, saying why, and stores nothing', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    const error = await fails(backend, 'interactions.log', { date: '2027-01-15', kind: 'meeting', people: [vera.id] })
    expect(error).toEqual({
      code: 'bad_request',
      message: 'date: 2027-01-15 is in the future; log things that have happened',
      issues: [{ path: ['date'], message: '2027-01-15 is in the future; log things that have happened' }],
    })
    expect(await count(backend, 'interaction')).toBe(0)
    expect((await ok(backend, 'people.get', { id: vera.id })).lastInteraction).toBeNull()
  })

  it('refuses a meeting in 1800 as a mistyped year, and stores nothing', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    const error = await fails(backend, 'interactions.log', { date: '1800-05-01', kind: 'call', people: [vera.id] })
    expect(error.code).toBe('bad_request')
    expect(error.message).toContain('date: 1800-05-01 is before 1900; check the year')
    expect(await count(backend, 'interaction')).toBe(0)
  })

  it('accepts a meeting today and one in 1900', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    await ok(backend, 'interactions.log', { date: '1900-01-01', kind: 'meeting', people: [vera.id] })
    await ok(backend, 'interactions.log', { date: '2026-11-22', kind: 'meeting', people: [vera.id] })
    expect((await ok(backend, 'people.get', { id: vera.id })).lastInteraction?.date).toBe('2026-11-22')
  })

  it('goes by the day where the user is: late on the 22nd in California, the 23rd is still the future', async () => {
    const zone = process.env.TZ
    try {
      process.env.TZ = 'America/Los_Angeles'
      // 03:00 UTC on the 23rd is 19:00 on the 22nd in California.
      const backend = await openTempBackend({ now: () => new Date('2026-11-23T03:00:00Z') })
      const { vera } = await meVeraYara(backend)
      expect((await fails(backend, 'interactions.log', { date: '2026-11-23', kind: 'call', people: [vera.id] })).message).toBe(
        'date: 2026-11-23 is in the future; log things that have happened',
      )
      expect((await ok(backend, 'interactions.log', { date: '2026-11-22', kind: 'call', people: [vera.id] })).date).toBe('2026-11-22')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('refuses a favor dated in 2031, or changed to 2031, and keeps the favor as it was', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera } = await meVeraYara(backend)
    const future = { giverId: vera.id, receiverId: me.id, date: '2031-02-01', kind: 'advice', size: 'small' } as const
    expect(await fails(backend, 'favors.log', future)).toEqual({
      code: 'bad_request',
      message: 'date: 2031-02-01 is in the future; log things that have happened',
      issues: [{ path: ['date'], message: '2031-02-01 is in the future; log things that have happened' }],
    })
    expect(await count(backend, 'favor')).toBe(0)

    const favor = await ok(backend, 'favors.log', { ...future, date: '2026-11-20' })
    expect((await fails(backend, 'favors.update', { id: favor.id, favor: future })).message).toBe('date: 2031-02-01 is in the future; log things that have happened')
    expect((await fails(backend, 'favors.update', { id: favor.id, favor: { ...future, date: '1899-12-31' } })).message).toContain('1899-12-31 is before 1900')
    expect((await ok(backend, 'people.get', { id: vera.id })).favors.map((f) => f.date)).toEqual(['2026-11-20'])
  })
})

describe("an introduction's steps", () => {
  it('refuses "agreed" dated before "asked", and "introduced" in 2099, changing nothing', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await meVeraYara(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    // Recorded today, asked ten days ago: the draft is only when it was written down.
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-12' })

    const early = await fails(backend, 'introductions.move', { id: request.id, to: 'agreed', date: '2026-11-10' })
    expect(early).toEqual({
      code: 'bad_request',
      message: 'date: 2026-11-10 is before the previous step (asked, on 2026-11-12); steps are recorded in the order they happened',
      issues: [{ path: ['date'], message: '2026-11-10 is before the previous step (asked, on 2026-11-12); steps are recorded in the order they happened' }],
    })
    await ok(backend, 'introductions.move', { id: request.id, to: 'agreed', date: '2026-11-12' })

    const eventsBefore = await count(backend, 'introduction_event')
    const future = await fails(backend, 'introductions.move', { id: request.id, to: 'introduced', date: '2099-01-01' })
    expect(future).toEqual({
      code: 'bad_request',
      message: 'date: 2099-01-01 is in the future; record a step once it has happened',
      issues: [{ path: ['date'], message: '2099-01-01 is in the future; record a step once it has happened' }],
    })
    const old = await fails(backend, 'introductions.move', { id: request.id, to: 'introduced', date: '1899-06-01' })
    expect(old.message).toContain('date: 1899-06-01 is before 1900')

    const detail = await ok(backend, 'introductions.get', { id: request.id })
    expect(detail.state).toBe('agreed')
    expect(detail.history.map((h) => [h.state, h.on])).toEqual([
      // Asked before it was entered here: the draft is dated no later.
      ['draft', '2026-11-12'],
      ['asked', '2026-11-12'],
      ['agreed', '2026-11-12'],
    ])
    expect(await count(backend, 'introduction_event')).toBe(eventsBefore)
    expect(await ok(backend, 'tasks.list', {})).toEqual([])
    expect(await count(backend, 'favor')).toBe(0)
  })

  it('dates a step without a date today, after the earlier ones', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await meVeraYara(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-01' })
    const agreed = await ok(backend, 'introductions.move', { id: request.id, to: 'agreed' })
    expect(agreed.history.at(-1)).toEqual({ state: 'agreed', on: '2026-11-22' })
  })
})

describe('planning follow-ups', () => {
  it('snoozes a task up to five years ahead, not further, nor to today', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    const task = await ok(backend, 'tasks.add', { personId: vera.id, title: 'Send Vera the deck', due: '2026-11-23' })
    expect(await fails(backend, 'tasks.snooze', { id: task.id, until: '2031-11-23' })).toEqual({
      code: 'bad_request',
      message: 'until: 2031-11-23 is more than 5 years away; plan up to 2031-11-22',
      issues: [{ path: ['until'], message: '2031-11-23 is more than 5 years away; plan up to 2031-11-22' }],
    })
    expect((await fails(backend, 'tasks.snooze', { id: task.id, until: '2100-01-01' })).code).toBe('bad_request')
    expect((await fails(backend, 'tasks.snooze', { id: task.id, until: '2026-11-22' })).message).toBe('until: snooze to a day after today')
    expect((await ok(backend, 'tasks.list', {})).map((t) => t.snoozedUntil)).toEqual([null])
    expect((await ok(backend, 'tasks.snooze', { id: task.id, until: '2031-11-22' })).snoozedUntil).toBe('2031-11-22')
  })

  it('counts five years from today, a 29 February included', () => {
    expect(addYears('2026-11-22', 5)).toBe('2031-11-22')
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28')
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29')
  })
})

describe('birthdays', () => {
  it('refuses a birthday in the future when adding or editing someone, and stores nothing', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    const people = await count(backend, 'person')
    expect(await fails(backend, 'people.create', { name: 'Baby Walsh', birthday: '2027-03-14' })).toEqual({
      code: 'bad_request',
      message: 'birthday: 2027-03-14 is in the future; a birthday is the day someone was born',
      issues: [{ path: ['birthday'], message: '2027-03-14 is in the future; a birthday is the day someone was born' }],
    })
    expect(await count(backend, 'person')).toBe(people)
    await ok(backend, 'people.update', { id: vera.id, patch: { birthday: '1984-11-02' } })
    expect((await fails(backend, 'people.update', { id: vera.id, patch: { birthday: '2031-02-01' } })).message).toMatch(/^birthday: 2031-02-01 is in the future/)
    expect((await ok(backend, 'people.get', { id: vera.id })).birthday).toBe('1984-11-02')
  })

  it('accepts a birthday today, and one without a year on any day', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    expect((await ok(backend, 'people.create', { name: 'Born Today', birthday: '2026-11-22' })).birthday).toBe('2026-11-22')
    expect((await ok(backend, 'people.create', { name: 'Christmas Child', birthday: '--12-25' })).birthday).toBe('--12-25')
  })

  it('leaves out a birthday in the future from a contact file, with a note on its line, and imports the rest', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Tomorrow Person',
      'EMAIL:tomorrow@example.com',
      'BDAY:2031-02-01',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Real Person',
      'BDAY:1990-03-14',
      'END:VCARD',
      '',
    ].join('\r\n')
    const { preview, result } = await importFile(backend, 'contacts.vcf', vcf)
    expect(preview.warnings).toEqual([{ line: 1, message: 'the birthday 2031-02-01 is in the future; left out' }])
    expect(result.created).toBe(2)
    const birthdays = await backend.db.selectFrom('person').select(['name', 'birthday']).where('is_me', '=', 0).orderBy('name').execute()
    expect(birthdays).toEqual([
      { name: 'Real Person', birthday: '1990-03-14' },
      { name: 'Tomorrow Person', birthday: null },
    ])
  })
})
