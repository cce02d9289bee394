import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { editOutsideKith, openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-22T12:00:00Z')

async function cast(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const vera = await ok(backend, 'people.create', { name: 'Vera Walsh', emails: ['vera@harbor.example'], needs: ['designers'] })
  const yara = await ok(backend, 'people.create', { name: 'Yara Schmidt', emails: ['yara@harbor.example'] })
  const ben = await ok(backend, 'people.create', { name: 'Ben Okafor', offers: ['Designers'], emails: ['ben@beta.example'] })
  await ok(backend, 'relationships.set', { a: me.id, b: vera.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: vera.id, b: yara.id, strength: 5 })
  await ok(backend, 'relationships.set', { a: me.id, b: ben.id, strength: 3 })
  return { me, vera, yara, ben }
}

describe('asking for an introduction', () => {
  it('goes from draft to loop closed, with dated history, tasks, a give-back idea and the favor logged', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    expect(request).toMatchObject({ kind: 'ask', state: 'draft', title: 'Ask Vera Walsh to introduce you to Yara Schmidt' })
    await ok(backend, 'introductions.update', { id: request.id, details: { why: 'pricing', checksConfirmed: true } })
    expect((await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-10' })).checks).toHaveLength(4)
    expect((await ok(backend, 'introductions.move', { id: request.id, to: 'agreed', date: '2026-11-12' })).checks).toHaveLength(4)
    const introduced = await ok(backend, 'introductions.move', { id: request.id, to: 'introduced', date: '2026-11-15' })
    // Made: the checks would now describe what the ask changed (Yara known, a favor owed to Vera), so there are none.
    expect(introduced.checks).toEqual([])
    expect(introduced.tasks.map((t) => [t.kind, t.dueOn, t.status])).toEqual([
      ['nudge', '2026-11-15', 'done'],
      ['thank_connector', '2026-11-15', 'overdue'],
      ['reply_target', '2026-11-16', 'overdue'],
      ['close_loop', '2026-11-29', 'upcoming'],
      ['give_back', '2026-12-15', 'upcoming'],
    ])
    expect(introduced.tasks.find((t) => t.kind === 'give_back')?.title).toBe(
      'Give back to Vera Walsh: they are looking for designers; you know Ben Okafor, who can help.',
    )
    const vPage = await ok(backend, 'people.get', { id: vera.id })
    expect(vPage.favors.map((f) => [f.giver.name, f.receiver.name, f.kind, f.introductionId])).toEqual([['Vera Walsh', 'Jordan Avery', 'introduction', request.id]])
    const scheduled = await ok(backend, 'introductions.move', { id: request.id, to: 'scheduled', date: '2026-11-20' })
    expect(scheduled.meetingOn).toBe('2026-11-20')
    expect(scheduled.tasks.find((t) => t.kind === 'close_loop')?.dueOn).toBe('2026-11-21')
    // The reply offering times is done once a meeting is set.
    expect(scheduled.tasks.find((t) => t.kind === 'reply_target')?.status).toBe('done')
    const closed = await ok(backend, 'introductions.move', { id: request.id, to: 'closed' })
    expect(closed.history).toEqual([
      { state: 'draft', on: '2026-11-10' },
      { state: 'asked', on: '2026-11-10' },
      { state: 'agreed', on: '2026-11-12' },
      { state: 'introduced', on: '2026-11-15' },
      { state: 'scheduled', on: '2026-11-20' },
      { state: 'closed', on: '2026-11-22' },
    ])
    expect(closed.tasks.find((t) => t.kind === 'close_loop')?.status).toBe('done')
    expect(closed.nextStates).toEqual([])
    expect(closed.details).toEqual({ why: 'pricing', checksConfirmed: true })
  })

  it('refuses invalid jumps and unknown states, changing nothing', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    expect(await fails(backend, 'introductions.move', { id: request.id, to: 'introduced' })).toEqual({
      code: 'conflict',
      message: 'An introduction that is draft cannot become introduced.',
    })
    expect((await fails(backend, 'introductions.move', { id: request.id, to: 'ready' })).code).toBe('bad_request')
    expect((await fails(backend, 'introductions.move', { id: 999, to: 'asked' })).code).toBe('not_found')
    expect((await ok(backend, 'introductions.get', { id: request.id })).state).toBe('draft')
    expect(await ok(backend, 'tasks.list', {})).toEqual([])
  })
})

describe('waiting for an answer', () => {
  it('reminds the user to follow up once with a connector who has not answered, until an answer is recorded', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    const asked = await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-20' })
    expect(asked.tasks.map((t) => [t.kind, t.title, t.dueOn])).toEqual([['nudge', 'If Vera Walsh has not answered, follow up once, kindly', '2026-11-25']])
    const agreed = await ok(backend, 'introductions.move', { id: request.id, to: 'agreed', date: '2026-11-22' })
    expect(agreed.tasks.find((t) => t.kind === 'nudge')?.status).toBe('done')
    // Taken back: the reminder is open again.
    expect((await ok(backend, 'introductions.undoMove', { id: request.id })).tasks.find((t) => t.kind === 'nudge')?.status).toBe('upcoming')
    await backend.close()
  })

  it('reminds the user to follow up on an opt-in not answered, done once both have answered', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben } = await cast(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id })
    const asking = await ok(backend, 'introductions.move', { id: intro.id, to: 'asking', date: '2026-11-21' })
    expect(asking.tasks.map((t) => [t.kind, t.title, t.dueOn])).toEqual([['nudge', 'If Yara Schmidt or Ben Okafor has not answered, follow up once, kindly', '2026-11-26']])
    // Once Yara said yes, only Ben is to be chased; her answer taken back, both are again.
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    const one = (await ok(backend, 'introductions.get', { id: intro.id })).tasks
    expect(one.map((t) => [t.kind, t.status, t.title, t.person?.name])).toEqual([['nudge', 'upcoming', 'If Ben Okafor has not answered, follow up once, kindly', 'Ben Okafor']])
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: null })
    expect((await ok(backend, 'introductions.get', { id: intro.id })).tasks.map((t) => t.title)).toEqual(['If Yara Schmidt or Ben Okafor has not answered, follow up once, kindly'])
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    const ready = await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'yes' })
    expect(ready.tasks.map((t) => [t.kind, t.status])).toEqual([['nudge', 'done']])
    await backend.close()
  })
})

describe('introducing two people', () => {
  it('asks both sides first, warns before sending without both yeses, then hands off and closes on a scheduled meeting', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben, me } = await cast(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id, context: 'design hiring' })
    expect(intro).toMatchObject({ kind: 'connect', state: 'draft', title: 'Introduce Yara Schmidt and Ben Okafor', answers: { a: null, b: null } })
    expect(intro.people.map((p) => p.email)).toEqual(['yara@harbor.example', 'ben@beta.example'])
    await ok(backend, 'introductions.move', { id: intro.id, to: 'asking' })
    const half = await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    expect(half.state).toBe('asking')
    // "Both said yes" and "declined" follow the answers: with one yes, neither can be set by hand.
    for (const to of ['ready', 'declined'] as const) {
      expect(await fails(backend, 'introductions.move', { id: intro.id, to })).toEqual({
        code: 'conflict',
        message: `"${to === 'ready' ? 'Both said yes' : 'Declined'}" follows the answers: record what each of them said, and the introduction moves on by itself.`,
      })
    }
    expect((await ok(backend, 'introductions.get', { id: intro.id })).nextStates).toEqual(['introduced', 'abandoned'])

    const warned = await fails(backend, 'introductions.move', { id: intro.id, to: 'introduced' })
    expect(warned.code).toBe('conflict')
    expect(warned.message).toContain('Ben Okafor has not said yes to this introduction.')
    expect(warned.message).toContain('No gain stated for Yara Schmidt.')

    const ready = await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'yes' })
    expect(ready.state).toBe('ready')
    await ok(backend, 'introductions.update', { id: intro.id, details: { aGain: 'Ben hires designers', bGain: 'Yara knows designers' } })
    const sent = await ok(backend, 'introductions.move', { id: intro.id, to: 'introduced' })
    // The handoff waits for the first reply: due two days on.
    expect(sent.tasks.filter((t) => t.kind !== 'nudge').map((t) => [t.kind, t.status, t.title])).toEqual([['handoff', 'upcoming', 'When Yara Schmidt or Ben Okafor replies, send the BCC handoff']])
    expect(sent.tasks.find((t) => t.kind === 'handoff')?.dueOn).toBe('2026-11-24')
    // Both answered before it went: the reminder to chase the opt-ins is done.
    expect(sent.tasks.find((t) => t.kind === 'nudge')?.status).toBe('done')
    const mine = await ok(backend, 'people.get', { id: me.id })
    expect(mine.favors.filter((f) => f.introductionId === intro.id).map((f) => f.receiver.name).sort()).toEqual(['Ben Okafor', 'Yara Schmidt'])
    const done = await ok(backend, 'introductions.move', { id: intro.id, to: 'scheduled' })
    expect(done.tasks.find((t) => t.kind === 'handoff')?.status).toBe('done')
    expect(done.nextStates).toEqual([])
  })

  it('when one side says no: the email is not to be sent, and the side who said yes is to be told, until the answer is taken back', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben } = await cast(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id, context: 'design hiring' })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'asking' })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    const declined = await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'no' })
    expect(declined.state).toBe('declined')
    expect(declined.drafts.email?.warnings[0]).toBe('Ben Okafor said no: this introduction is not to be sent.')
    expect(declined.drafts.email?.warnings.join(' ')).not.toContain('has not said yes')
    expect(declined.tasks.map((t) => [t.title, t.dueOn, t.status])).toEqual([
      ['Let Yara Schmidt know the introduction to Ben Okafor will not go ahead', '2026-11-22', 'today'],
      ['If Ben Okafor has not answered, follow up once, kindly', '2026-11-27', 'done'],
    ])
    const back = await ok(backend, 'introductions.undoMove', { id: intro.id })
    expect(back).toMatchObject({ state: 'asking', answers: { a: 'yes', b: null } })
    expect(back.tasks.map((t) => [t.kind, t.status])).toEqual([['nudge', 'upcoming']])
    await backend.close()
  })

  it('when one side says no before the other answered, the other, who was asked, is to be told too', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben } = await cast(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'asking' })
    const declined = await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'no' })
    expect(declined.tasks.filter((t) => t.kind === 'other').map((t) => t.title)).toEqual(['Let Yara Schmidt know the introduction to Ben Okafor will not go ahead'])
    await backend.close()
  })

  it('sends without both yeses only when the user confirms; a no declines it', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben, vera } = await cast(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id })
    const sent = await ok(backend, 'introductions.move', { id: intro.id, to: 'introduced', confirmed: true })
    expect(sent.state).toBe('introduced')
    const other = await ok(backend, 'introductions.connect', { a: vera.id, b: ben.id })
    await ok(backend, 'introductions.move', { id: other.id, to: 'asking' })
    expect((await ok(backend, 'introductions.answer', { id: other.id, side: 'b', answer: 'no' })).state).toBe('declined')
    expect((await fails(backend, 'introductions.connect', { a: ben.id, b: ben.id })).code).toBe('bad_request')
  })

  it('introduces two people once at a time: a second while one is under way is refused, either way round', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben } = await cast(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id })
    expect(await fails(backend, 'introductions.connect', { confirmed: true, a: ben.id, b: yara.id })).toMatchObject({
      code: 'conflict',
      message: `You are already introducing Ben Okafor and Yara Schmidt (introduction ${intro.id}, draft).`,
    })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'abandoned' })
    const second = await ok(backend, 'introductions.connect', { confirmed: true, a: ben.id, b: yara.id })
    await ok(backend, 'introductions.answer', { id: second.id, side: 'a', answer: 'yes' })
    await ok(backend, 'introductions.answer', { id: second.id, side: 'b', answer: 'yes' })
    expect((await fails(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id })).message).toBe(
      `You are already introducing Yara Schmidt and Ben Okafor (introduction ${second.id}, both said yes).`,
    )
    // Once sent, they know each other: there is no one to introduce, confirmed or not.
    await ok(backend, 'introductions.move', { id: second.id, to: 'introduced', confirmed: true })
    expect(await fails(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: ben.id })).toEqual({
      code: 'conflict',
      message: "Yara Schmidt and Ben Okafor already know each other in Kith (2/5): there is no one to introduce. If that is wrong, remove that relationship on Yara Schmidt's page.",
    })
  })

  it('asks first when I do not know one of the two, or introduced them before, or one said no', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, ben, vera } = await cast(backend)
    // Yara is known to Vera, not to me: she would be asked to opt in by a stranger.
    const stranger = await fails(backend, 'introductions.connect', { a: yara.id, b: ben.id })
    expect(stranger).toEqual({
      code: 'conflict',
      message:
        'Confirm before starting: You do not know Yara Schmidt in Kith: they would be asked to opt in by a stranger. Ask someone who knows them to make this introduction, or record how you know them first.',
    })
    expect(await ok(backend, 'introductions.list', {})).toEqual([])

    // Vera and Ben, both known to me: started at once. Ben says no; a second try is asked about, naming the no.
    const first = await ok(backend, 'introductions.connect', { a: vera.id, b: ben.id })
    await ok(backend, 'introductions.move', { id: first.id, to: 'asking', date: '2026-11-10' })
    await ok(backend, 'introductions.answer', { id: first.id, side: 'b', answer: 'no' })
    expect((await fails(backend, 'introductions.connect', { a: ben.id, b: vera.id })).message).toBe(
      `Confirm before starting: Ben Okafor said no to this introduction today (introduction ${first.id}): ask again only if something has changed.`,
    )
    const again = await ok(backend, 'introductions.connect', { a: ben.id, b: vera.id, confirmed: true })
    expect(again.state).toBe('draft')
  })
})

describe('tasks', () => {
  it('lists what is due, overdue first; done and snooze', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    for (const [to, date] of [['asked', '2026-11-01'], ['agreed', '2026-11-02'], ['introduced', '2026-11-22']] as const) {
      await ok(backend, 'introductions.move', { id: request.id, to, date })
    }
    const due = await ok(backend, 'tasks.list', { due: true })
    expect(due.map((t) => [t.kind, t.status])).toEqual([['thank_connector', 'today']])
    const all = await ok(backend, 'tasks.list', {})
    expect(all.map((t) => t.status)).toEqual(['today', 'upcoming', 'upcoming', 'upcoming'])
    const thank = all[0]
    if (thank === undefined) throw new Error('no task')
    expect((await ok(backend, 'tasks.snooze', { id: thank.id, until: '2026-11-25' })).status).toBe('upcoming')
    expect(await ok(backend, 'tasks.list', { due: true })).toEqual([])
    expect((await ok(backend, 'tasks.done', { id: thank.id })).status).toBe('done')
    expect((await ok(backend, 'tasks.list', {})).length).toBe(3)
    expect((await fails(backend, 'tasks.snooze', { id: thank.id, until: '2026-11-01' })).message).toContain('after today')
    expect((await fails(backend, 'tasks.done', { id: 4242 })).code).toBe('not_found')
    const listed = await ok(backend, 'introductions.list', { personId: yara.id })
    expect(listed.map((i) => i.id)).toEqual([request.id])
    expect((await ok(backend, 'introductions.list', { state: 'closed' })).length).toBe(0)
  })
})

describe('an introduction in a state Kith does not know', () => {
  it('is still listed by that state and opens, with no next steps and no move allowed', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    // The state column has no check: a Kith JSON import copies whatever state its file has.
    editOutsideKith(backend, (db) => db.prepare("UPDATE introduction SET state = 'on_hold' WHERE id = ?").run(request.id))

    expect((await ok(backend, 'introductions.list', { state: 'on_hold' })).map((r) => r.id)).toEqual([request.id])
    const detail = await ok(backend, 'introductions.get', { id: request.id })
    expect(detail.state).toBe('on_hold')
    expect(detail.nextStates).toEqual([])
    expect((await fails(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-10' })).code).toBe('conflict')
  })
})
