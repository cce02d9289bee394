import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { meVeraYara } from '../testing/cast'

const NOW = new Date('2026-11-22T12:00:00Z')


describe('adding a follow-up task', () => {
  it('adds a task for a person, due next week, listed with the others', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    const task = await ok(backend, 'tasks.add', { personId: vera.id, title: '  Send Vera the pricing deck  ', due: '2026-11-29' })
    expect(task).toMatchObject({
      person: { id: vera.id, name: 'Vera Walsh' },
      introductionId: null,
      kind: 'other',
      title: 'Send Vera the pricing deck',
      dueOn: '2026-11-29',
      snoozedUntil: null,
      doneAt: null,
      status: 'upcoming',
    })
    expect(await ok(backend, 'tasks.list', {})).toEqual([task])
    expect(await ok(backend, 'tasks.list', { due: true })).toEqual([])
  })

  it('adds a task due today to what is due, and one on an introduction to its tasks', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await meVeraYara(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    const task = await ok(backend, 'tasks.add', { personId: vera.id, introductionId: request.id, title: 'Check Vera is happy to ask', due: '2026-11-22' })
    expect(task.status).toBe('today')
    expect((await ok(backend, 'tasks.list', { due: true })).map((t) => t.title)).toEqual(['Check Vera is happy to ask'])
    expect((await ok(backend, 'introductions.get', { id: request.id })).tasks.map((t) => t.id)).toEqual([task.id])
    expect((await ok(backend, 'introductions.list', {}))[0]?.openTasks).toBe(1)
  })

  it("lists one person's follow-ups, their introductions' among them, overdue first", async () => {
    let now = NOW
    const backend = await openTempBackend({ now: () => now })
    const { me, vera, yara } = await meVeraYara(backend)
    const later = await ok(backend, 'tasks.add', { personId: vera.id, title: 'Send Vera the deck', due: '2026-12-06' })
    const soon = await ok(backend, 'tasks.add', { personId: vera.id, title: 'Call Vera', due: '2026-11-23' })
    await ok(backend, 'tasks.add', { personId: yara.id, title: 'Call Yara', due: '2026-11-23' })
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    const onAsk = await ok(backend, 'tasks.add', { personId: vera.id, introductionId: request.id, title: 'Check Vera is happy to ask', due: '2026-11-30' })
    now = new Date('2026-11-25T12:00:00Z')
    const listed = await ok(backend, 'tasks.list', { personId: vera.id })
    expect(listed.map((t) => [t.title, t.status])).toEqual([
      ['Call Vera', 'overdue'],
      ['Check Vera is happy to ask', 'upcoming'],
      ['Send Vera the deck', 'upcoming'],
    ])
    expect(listed.map((t) => t.id)).toEqual([soon.id, onAsk.id, later.id])
    await ok(backend, 'tasks.done', { id: soon.id })
    expect((await ok(backend, 'tasks.list', { personId: vera.id })).map((t) => t.title)).toEqual(['Check Vera is happy to ask', 'Send Vera the deck'])
    expect((await ok(backend, 'tasks.list', { personId: vera.id, includeDone: true })).map((t) => t.title)).toContain('Call Vera')
    expect(await fails(backend, 'tasks.list', { personId: 9999 })).toEqual({ code: 'not_found', message: 'There is no person with id 9999.' })
    // Snoozing puts one off, never forward: "Send Vera the deck" is due 2026-12-06.
    expect((await fails(backend, 'tasks.snooze', { id: later.id, until: '2026-11-26' })).message).toBe('until: it is already due on 2026-12-06: snooze to a later day')
    expect((await ok(backend, 'tasks.snooze', { id: later.id, until: '2026-12-10' })).snoozedUntil).toBe('2026-12-10')
  })

  it("lists on each person's page the follow-ups of an introduction that name no one (a nudge to both sides)", async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera } = await meVeraYara(backend)
    const zoe = await ok(backend, 'people.create', { name: 'Zoe Park' })
    await ok(backend, 'relationships.set', { a: me.id, b: zoe.id, strength: 3 })
    const intro = await ok(backend, 'introductions.connect', { a: vera.id, b: zoe.id })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'asking' })
    const both = (await ok(backend, 'introductions.get', { id: intro.id })).tasks.filter((t) => t.person === null && t.doneAt === null)
    expect(both.length).toBeGreaterThan(0)
    for (const who of [vera, zoe]) {
      expect((await ok(backend, 'tasks.list', { personId: who.id })).map((t) => t.id)).toEqual(expect.arrayContaining(both.map((t) => t.id)))
    }
  })

  it('refuses a due date before today or more than five years ahead, a blank title, an unknown person or introduction, writing nothing', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    expect(await fails(backend, 'tasks.add', { personId: vera.id, title: 'Call Vera', due: '2026-11-21' })).toEqual({
      code: 'bad_request',
      message: 'due: 2026-11-21 is before today; a new task is due today or later',
      issues: [{ path: ['due'], message: '2026-11-21 is before today; a new task is due today or later' }],
    })
    expect(await fails(backend, 'tasks.add', { personId: vera.id, title: 'Call Vera', due: '2100-01-01' })).toEqual({
      code: 'bad_request',
      message: 'due: 2100-01-01 is more than 5 years away; plan up to 2031-11-22',
      issues: [{ path: ['due'], message: '2100-01-01 is more than 5 years away; plan up to 2031-11-22' }],
    })
    expect((await fails(backend, 'tasks.add', { personId: vera.id, title: '   ', due: '2026-11-29' })).message).toContain('title: Enter what to do')
    expect(await fails(backend, 'tasks.add', { personId: 9999, title: 'Call someone', due: '2026-11-29' })).toEqual({
      code: 'not_found',
      message: 'There is no person with id 9999.',
    })
    expect(await fails(backend, 'tasks.add', { personId: vera.id, introductionId: 4242, title: 'Call Vera', due: '2026-11-29' })).toEqual({
      code: 'not_found',
      message: 'There is no introduction with id 4242.',
    })
    expect(await ok(backend, 'tasks.list', { includeDone: true })).toEqual([])
  })

  it('can be done, undone and snoozed like the workflow tasks', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera } = await meVeraYara(backend)
    const task = await ok(backend, 'tasks.add', { personId: vera.id, title: 'Call Vera', due: '2026-11-22' })
    expect((await ok(backend, 'tasks.snooze', { id: task.id, until: '2026-12-01' })).status).toBe('upcoming')
    expect((await ok(backend, 'tasks.done', { id: task.id })).status).toBe('done')
    expect(await ok(backend, 'tasks.list', {})).toEqual([])
  })
})
