import { describe, expect, it } from 'vitest'
import type { Backend } from '../../backend'
import { fails, ok } from '../../testing/call'
import { batchOf, importArchive, obs, previewArchive, who } from '../../testing/observations'
import { openTempBackend } from '../../testing/temp'

const NOW = Date.parse('2026-11-20T12:00:00.000Z')
/** A clock that moves a second each time it is read, as a real one would between calls. */
function ticking(): () => Date {
  let t = NOW
  return () => new Date((t += 1000))
}
const ME = who('me@home.org', 'Me Myself')
const ANA = who('ana@acme.com', 'Ana Silva')
const BEN = who('ben@initech.com', 'Ben Okafor')
const CY = who('cy@news.example', 'Cy Letters')

async function backendWithMe(): Promise<{ backend: Backend; meId: number }> {
  const backend = await openTempBackend({ now: ticking() })
  const me = await ok(backend, 'me.set', { name: 'Me Myself' })
  return { backend, meId: me.id }
}

const count = (backend: Backend, table: string): number => (backend.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

async function strengthToMe(backend: Backend, personId: number, meId: number): Promise<number | null> {
  const person = await ok(backend, 'people.get', { id: personId })
  return person.relationships.find((r) => r.other.id === meId)?.strength ?? null
}

async function idOf(backend: Backend, name: string): Promise<number> {
  return (await ok(backend, 'people.resolve', { ref: name })).id
}

/** A two-way exchange with Ana over a year and a half, and a meeting. */
function anaExchange() {
  return [
    obs(ME, [ANA], '2025-06-01', { thread: 't-ana' }),
    obs(ANA, [ME], '2025-06-02', { thread: 't-ana' }),
    obs(ME, [ANA], '2026-01-10', { thread: 't-ana2' }),
    obs(ANA, [ME], '2026-11-14', { thread: 't-ana3' }),
    obs(ANA, [ME], '2026-10-01', { kind: 'meeting', thread: 'uid-1', subject: 'Coffee' }),
  ]
}

describe('learning from an archive', () => {
  it('decides direction from my addresses: both ways becomes a person, one way is only heard from, and nothing counts without my address', async () => {
    const { backend } = await backendWithMe()
    const archive = [...anaExchange(), obs(ME, [BEN], '2026-11-01'), obs(CY, [ME], '2026-11-02')]

    const blind = await previewArchive(backend, archive)
    expect(blind.people.created).toEqual([])
    expect(blind.notes.join(' ')).toMatch(/does not know your own addresses/)
    expect(blind.ignored['not with me']).toBe(archive.length)
    await ok(backend, 'imports.archiveCancel', { jobId: blind.jobId })

    await ok(backend, 'settings.archive.set', { myAddresses: ['Me@Home.org'], keepSubjects: true })
    const preview = await previewArchive(backend, archive)
    expect(preview.myAddresses).toEqual(['me@home.org'])
    // The meeting Ana organised is a meeting, not a message she wrote.
    expect(preview.people.created.map((p) => [p.name, p.sent, p.received, p.meetings])).toEqual([['Ana Silva', 2, 2, 1]])
    expect(preview.people.heardFrom).toEqual([
      { name: 'Ben Okafor', email: 'ben@initech.com', sent: 1, received: 0, rejected: false },
      { name: 'Cy Letters', email: 'cy@news.example', sent: 0, received: 1, rejected: false },
    ])
    await ok(backend, 'imports.archiveApply', { jobId: preview.jobId })
    const names = (await ok(backend, 'people.list', {})).people.map((p) => p.name)
    expect(names).toContain('Ana Silva')
    expect(names).not.toContain('Ben Okafor')
    expect(names).not.toContain('Cy Letters')
  })

  it('estimates no tie with someone already here whom I only wrote to, and proposes none between those I copied', async () => {
    const { backend, meId } = await backendWithMe()
    const bob = await ok(backend, 'people.create', { name: 'Bob Stone', emails: ['bob@initech.com'] })
    const carol = await ok(backend, 'people.create', { name: 'Carol Nguyen', emails: ['carol@initech.com'] })
    const [BOB, CAROL] = [who('bob@initech.com', 'Bob Stone'), who('carol@initech.com', 'Carol Nguyen')]
    // Three threads to both of them; neither ever writes back.
    const archive = ['t1', 't2', 't3'].map((thread, k) => obs(ME, [BOB, CAROL], `2026-11-0${k + 1}`, { thread }))
    const { preview } = await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(preview.people.matched.map((p) => [p.name, p.strength, p.explanation])).toEqual([
      ['Bob Stone', null, '3 messages from you, none back: one way, not a tie'],
      ['Carol Nguyen', null, '3 messages from you, none back: one way, not a tie'],
    ])
    expect(preview.ties).toEqual([])
    expect(await strengthToMe(backend, bob.id, meId)).toBeNull()
    expect((await ok(backend, 'people.get', { id: carol.id })).relationships).toEqual([])
  })

  it('counts an exchange both ways whenever it was: a reply years ago is not one way', async () => {
    const { backend } = await backendWithMe()
    await ok(backend, 'people.create', { name: 'Ana Silva', emails: ['ana@acme.com'] })
    const archive = [
      obs(ME, [BEN], '2019-03-01', { thread: 'b' }),
      obs(BEN, [ME], '2019-03-02', { thread: 'b' }),
      obs(ME, [ANA], '2019-03-01', { thread: 'a' }),
      obs(ANA, [ME], '2019-03-02', { thread: 'a' }),
      obs(ME, [ANA], '2026-11-01', { thread: 'a2' }),
    ]
    const { preview } = await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(preview.people.created.map((p) => [p.name, p.explanation])).toEqual([['Ben Okafor', 'nothing in the last 3 years']])
    expect(preview.people.matched.map((p) => [p.name, p.explanation])).not.toContainEqual(['Ana Silva', expect.stringMatching(/one way/)])
  })

  it('leaves shared inboxes out: no person for support@ or a company’s hello@, the people beside them kept, and a founder’s own hello@ is theirs', async () => {
    const { backend } = await backendWithMe()
    const SUPPORT = who('support@vendor.io', 'Vendor Support')
    const JOBS = who('Jobs+Eng@startup.com', null)
    const ALICE = who('alice@startup.com', 'Alice Wong')
    const ACME = who('hello@acme.com', 'Acme')
    const JANE = who('hello@janedoe.com', 'Jane Doe')
    const archive = [
      obs(ME, [SUPPORT], '2026-10-01', { thread: 's' }),
      obs(SUPPORT, [ME], '2026-10-02', { thread: 's' }),
      obs(ME, [JOBS, ALICE], '2026-10-03', { thread: 'j' }),
      obs(ALICE, [ME, JOBS], '2026-10-04', { thread: 'j' }),
      obs(ACME, [ME], '2026-10-05', { thread: 'a' }),
      obs(ME, [ACME], '2026-10-06', { thread: 'a' }),
      obs(ME, [JANE], '2026-10-07', { thread: 'h' }),
      obs(JANE, [ME], '2026-10-08', { thread: 'h' }),
    ]
    const { preview } = await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(preview.people.created.map((p) => [p.name, p.sent, p.received])).toEqual([
      ['Alice Wong', 1, 1],
      ['Jane Doe', 1, 1],
    ])
    expect(preview.people.heardFrom).toEqual([])
    // Four messages had no one but a shared inbox; Alice's two count for her alone.
    expect(preview.ignored['shared inbox']).toBe(4)
    const names = (await ok(backend, 'people.list', {})).people.map((p) => p.name)
    expect(names).not.toContain('Vendor Support')
    expect(names).not.toContain('Acme')
  })

  it('records no import when an apply learned nothing, and says nothing was added', async () => {
    const { backend } = await backendWithMe()
    // Without my address nothing is an exchange: no people, no interactions, no ties.
    const { preview, result } = await importArchive(backend, anaExchange())
    expect(preview.people.created).toEqual([])
    expect(result).toMatchObject({ batchId: null, peopleCreated: 0, interactions: 0, tiesProposed: 0 })
    expect(await ok(backend, 'imports.list', {})).toEqual([])
    // The next import that learns something is recorded as usual.
    const real = await importArchive(backend, anaExchange(), { myAddresses: ['me@home.org'] })
    expect((await ok(backend, 'imports.list', {})).map((b) => b.id)).toEqual([batchOf(real.result)])
  })

  it('leaves mailing lists and bulk mail out: they are counted as ignored and make no one a person', async () => {
    const { backend } = await backendWithMe()
    const { preview } = await importArchive(
      backend,
      [obs(CY, [ME], '2026-11-01', { noise: 'list' }), obs(ME, [CY], '2026-11-02', { noise: 'list' }), obs(CY, [ME], '2026-11-03', { noise: 'bulk' })],
      { myAddresses: ['me@home.org'] },
    )
    expect(preview.ignored).toMatchObject({ list: 2, bulk: 1 })
    expect(preview.people).toEqual({ created: [], matched: [], heardFrom: [] })
    expect(preview.interactions).toBe(0)
    expect(count(backend, 'interaction')).toBe(0)
  })

  it('logs one interaction per thread and day with the people present, keeps subjects unless told not to, and adds nothing twice', async () => {
    const { backend } = await backendWithMe()
    const archive = [...anaExchange(), obs(ME, [ANA], '2025-06-01T18:00:00Z', { thread: 't-ana', subject: 'Re: Subject' })]
    const first = await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(first.result.interactions).toBe(5)
    const ana = await idOf(backend, 'Ana Silva')
    const person = await ok(backend, 'people.get', { id: ana })
    expect(person.interactions.map((i) => [i.date, i.kind, i.withMe, i.people.map((p) => p.name)])).toEqual([
      ['2026-11-14', 'email', true, ['Ana Silva']],
      ['2026-10-01', 'meeting', true, ['Ana Silva']],
      ['2026-01-10', 'email', true, ['Ana Silva']],
      ['2025-06-02', 'email', true, ['Ana Silva']],
      ['2025-06-01', 'email', true, ['Ana Silva']],
    ])
    // Two messages on one thread and day are one interaction, under the first subject.
    expect(person.interactions.find((i) => i.date === '2025-06-01')?.note).toMatch(/^Subject \d+$/)
    expect(person.interactions.find((i) => i.kind === 'meeting')?.note).toBe('Coffee')
    expect(person.lastInteraction?.date).toBe('2026-11-14')

    // The same archive again, with a newer message: only the new one is added.
    const again = await importArchive(backend, [...archive, obs(ANA, [ME], '2026-11-19', { thread: 't-new' })], { myAddresses: ['me@home.org'] })
    expect(again.preview.people.created).toEqual([])
    expect(again.preview.ignored['already imported']).toBe(archive.length)
    expect(again.result.interactions).toBe(1)
    expect(count(backend, 'interaction')).toBe(6)
    expect((await ok(backend, 'people.list', {})).people.filter((p) => p.name === 'Ana Silva')).toHaveLength(1)

    await ok(backend, 'settings.archive.set', { myAddresses: ['me@home.org'], keepSubjects: false })
    await importArchive(backend, [obs(ME, [ANA], '2026-11-20', { subject: 'Secret plans' })])
    expect(backend.sqlite.prepare("SELECT note FROM interaction WHERE occurred_on = '2026-11-20'").pluck().all()).toEqual([null])
  })

  it('estimates the strength of a tie to me and says why, and updates it on the next import', async () => {
    const { backend, meId } = await backendWithMe()
    const exchange = anaExchange()
    const { preview } = await importArchive(backend, exchange, { myAddresses: ['me@home.org'] })
    const [learned] = preview.people.created
    expect(learned?.explanation).toBe('4 messages both ways (2 from you, 2 to you), 1 meeting over 17 months, last 6 days ago: close (4)')
    const ana = await idOf(backend, 'Ana Silva')
    const first = await strengthToMe(backend, ana, meId)
    expect(first).toBe(learned?.strength)
    const link = (await ok(backend, 'people.get', { id: ana })).relationships.find((r) => r.other.id === meId)
    expect(link?.strengthEstimate).toBe(learned?.explanation)
    const review = await ok(backend, 'review.list', {})
    expect(review.people.map((p) => [p.person.name, p.strength, p.detail])).toEqual([['Ana Silva', first, learned?.explanation]])

    // The same archive grown by much more, much more recently: the estimate rises, and what was imported before counts once.
    const more = Array.from({ length: 60 }, (_, i) => obs(i % 2 === 0 ? ME : ANA, i % 2 === 0 ? [ANA] : [ME], `2026-${String(1 + (i % 10)).padStart(2, '0')}-1${i % 9}`))
    const next = await importArchive(backend, [...exchange, ...more], { myAddresses: ['me@home.org'] })
    const after = await strengthToMe(backend, ana, meId)
    expect(after).toBeGreaterThan(first ?? 5)
    expect(next.preview.people.matched[0]?.explanation).toMatch(/^64 messages both ways/)
    expect((await ok(backend, 'review.list', {})).strengths.map((s) => s.person.name)).toEqual(['Ana Silva'])
  })

  it('estimates from mail and calendar together: a calendar import adds its meetings to what the mailbox showed, and undoing it goes back to the mail alone', async () => {
    const { backend, meId } = await backendWithMe()
    const mail = [obs(ME, [ANA], '2024-02-01'), obs(ANA, [ME], '2024-02-02'), obs(ME, [ANA], '2024-03-05')]
    const fromMail = await importArchive(backend, mail, { myAddresses: ['me@home.org'] })
    const ana = await idOf(backend, 'Ana Silva')
    const link = async () => (await ok(backend, 'people.get', { id: ana })).relationships.find((r) => r.other.id === meId)
    const mailOnly = await link()
    expect(mailOnly?.strengthEstimate).toBe(fromMail.preview.people.created[0]?.explanation)
    expect(mailOnly?.strengthEstimate).toMatch(/^3 messages both ways \(2 from you, 1 to you\) over 33 days, last 3 years ago/)

    const meetings = ['2025-04-01', '2025-10-01', '2026-11-10'].map((day) => obs(ANA, [ME], day, { kind: 'meeting', thread: 'uid-sync' }))
    const fromCalendar = await importArchive(backend, meetings, { myAddresses: ['me@home.org'], format: 'ics' })
    const both = fromCalendar.preview.people.matched[0]
    expect(both?.explanation).toMatch(/^3 messages both ways \(2 from you, 1 to you\), 3 meetings over 3 years, last 10 days ago: /)
    const combined = await link()
    expect(combined?.strengthEstimate).toBe(both?.explanation)
    expect(combined?.strength).toBe(both?.strength)
    expect(combined?.strength).toBeGreaterThan(mailOnly?.strength ?? 5)

    // Undoing the calendar import puts the mail-only estimate back, reason and all.
    await ok(backend, 'imports.undo', { id: batchOf(fromCalendar.result) })
    expect(await link()).toEqual(mailOnly)
    // And the calendar, imported again, counts its meetings once.
    const again = await importArchive(backend, meetings, { myAddresses: ['me@home.org'], format: 'ics' })
    expect(again.preview.people.matched[0]?.explanation).toBe(both?.explanation)
  })

  it('counts a person written to at two addresses as one tie', async () => {
    const { backend } = await backendWithMe()
    await ok(backend, 'people.create', { name: 'Ana Silva', emails: ['ana@acme.com', 'ana@home.example'] })
    const ANA_HOME = who('ana@home.example', 'Ana')
    const { preview } = await importArchive(backend, [obs(ME, [ANA], '2026-11-01'), obs(ANA, [ME], '2026-11-02'), obs(ME, [ANA_HOME], '2026-11-10'), obs(ANA_HOME, [ME], '2026-11-11')], {
      myAddresses: ['me@home.org'],
    })
    expect(preview.people.matched.map((p) => p.explanation)).toEqual([expect.stringMatching(/^4 messages both ways \(2 from you, 2 to you\)/), expect.stringMatching(/^4 messages both ways/)])
  })

  it('never changes a strength the user set, and stops estimating one the user edits', async () => {
    const { backend, meId } = await backendWithMe()
    const eve = await ok(backend, 'people.create', { name: 'Eve Adams', emails: ['eve@acme.com'] })
    await ok(backend, 'relationships.set', { a: meId, b: eve.id, strength: 5 })
    const EVE = who('eve@acme.com', 'Eve A.')
    const { preview } = await importArchive(backend, [obs(ME, [EVE], '2026-11-01'), obs(EVE, [ME], '2026-11-02')], { myAddresses: ['me@home.org'] })
    expect(preview.people.matched.map((p) => [p.name, p.strength, p.explanation])).toEqual([['Eve Adams', null, 'you set the strength (5); kept']])
    expect(await strengthToMe(backend, eve.id, meId)).toBe(5)

    // Estimated first, then set by the user: the next import leaves it alone.
    await importArchive(backend, anaExchange(), { myAddresses: ['me@home.org'] })
    const ana = await idOf(backend, 'Ana Silva')
    await ok(backend, 'relationships.set', { a: meId, b: ana, strength: 1 })
    expect((await ok(backend, 'people.get', { id: ana })).relationships.find((r) => r.other.id === meId)?.strengthEstimate).toBeNull()
    await importArchive(backend, [...anaExchange(), obs(ME, [ANA], '2026-11-18'), obs(ANA, [ME], '2026-11-19')], { myAddresses: ['me@home.org'] })
    expect(await strengthToMe(backend, ana, meId)).toBe(1)
  })

  it('matches someone in Kith with no address by their whole name, adds the address (taken off by an undo), and never guesses between namesakes', async () => {
    const { backend } = await backendWithMe()
    // Ana came from LinkedIn (no address); Ben has a namesake; Cy is known only by a first name.
    const ana = await ok(backend, 'people.create', { name: 'Ána  Silva', company: 'Acme' })
    await ok(backend, 'people.create', { name: 'Ben Okafor' })
    await ok(backend, 'people.create', { name: 'Ben Okafor', allowDuplicate: true })
    const archive = [...anaExchange(), obs(ME, [BEN], '2026-09-01'), obs(BEN, [ME], '2026-09-02')]
    const { preview, result } = await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(preview.people.matched.map((p) => [p.id, p.email, p.byName])).toEqual([[ana.id, 'ana@acme.com', true]])
    expect(preview.people.created.map((p) => [p.name, p.byName])).toEqual([['Ben Okafor', false]])
    const matched = await ok(backend, 'people.get', { id: ana.id })
    expect(matched.emails).toEqual(['ana@acme.com'])
    expect(matched.interactions.length).toBeGreaterThan(0)
    // The next archive finds her by her address.
    const again = await previewArchive(backend, [obs(ANA, [ME], '2026-11-19')], { myAddresses: ['me@home.org'] })
    expect(again.people.matched.map((p) => [p.id, p.byName])).toEqual([[ana.id, false]])
    await ok(backend, 'imports.archiveCancel', { jobId: again.jobId })
    if (result.batchId === null) throw new Error('nothing was imported')
    await ok(backend, 'imports.undo', { id: result.batchId })
    const undone = await ok(backend, 'people.get', { id: ana.id })
    expect(undone.emails).toEqual([])
    expect(undone.name).toBe('Ána  Silva')
  })

  it('matches no one by name who has an address already, or two people of one name in the archive, or on one message, or archived', async () => {
    const { backend } = await backendWithMe()
    // One message from a stranger who shares Cy's name gives Cy nothing; an archived Dee is a namesake still.
    const cyKnown = await ok(backend, 'people.create', { name: 'Cy Letters' })
    const deeOld = await ok(backend, 'people.create', { name: 'Dee Moss' })
    await ok(backend, 'people.archive', { id: deeOld.id })
    await ok(backend, 'people.create', { name: 'Dee Moss', allowDuplicate: true })
    const DEE = who('dee@moss.example', 'Dee Moss')
    const oneWay = await previewArchive(backend, [obs(CY, [ME], '2026-11-02'), obs(ME, [DEE], '2026-11-03'), obs(DEE, [ME], '2026-11-04')], { myAddresses: ['me@home.org'] })
    expect(oneWay.people.matched).toEqual([])
    expect(oneWay.people.heardFrom.map((h) => h.email)).toEqual(['cy@news.example'])
    expect(oneWay.people.created.map((p) => p.email)).toEqual(['dee@moss.example'])
    await ok(backend, 'imports.archiveCancel', { jobId: oneWay.jobId })
    expect((await ok(backend, 'people.get', { id: cyKnown.id })).emails).toEqual([])
    await ok(backend, 'people.create', { name: 'Ana Silva', emails: ['ana@old.example'] })
    const ben = await ok(backend, 'people.create', { name: 'Ben Okafor' })
    const OTHER_BEN = who('ben@other.example', 'Ben Okafor')
    const archive = [...anaExchange(), obs(ME, [BEN], '2026-09-01'), obs(BEN, [ME], '2026-09-02'), obs(ME, [OTHER_BEN], '2026-09-03'), obs(OTHER_BEN, [ME], '2026-09-04')]
    const preview = await previewArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(preview.people.matched).toEqual([])
    expect(preview.people.created.map((p) => p.email).sort()).toEqual(['ana@acme.com', 'ben@initech.com', 'ben@other.example'])
    await ok(backend, 'imports.archiveCancel', { jobId: preview.jobId })
    expect((await ok(backend, 'people.get', { id: ben.id })).emails).toEqual([])
  })

  it('keeps what an archive learned, and the introductions, when the person it added is merged into the one already in Kith', async () => {
    const { backend, meId } = await backendWithMe()
    // Ana is in Kith already under her full name (no address), and knows Cy.
    const known = await ok(backend, 'people.create', { name: 'Ana Silva Costa', company: 'Acme' })
    const cy = await ok(backend, 'people.create', { name: 'Cy Park' })
    await ok(backend, 'relationships.set', { a: known.id, b: cy.id, strength: 4 })
    const archive = [...anaExchange(), obs(ME, [BEN], '2026-09-01'), obs(BEN, [ME], '2026-09-02'), obs(ANA, [BEN, ME], '2026-09-10', { thread: 'x1' }), obs(BEN, [ANA, ME], '2026-10-02', { thread: 'x2' })]
    await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    const mailAna = (await ok(backend, 'people.list', {})).people.find((p) => p.name === 'Ana Silva')
    if (mailAna === undefined) throw new Error('the archive made no Ana of its own')
    // An ask through the archive's Ana, made before the user saw she is a duplicate.
    await ok(backend, 'relationships.set', { a: mailAna.id, b: cy.id, strength: 3 })
    const ask = await ok(backend, 'introductions.request', { path: [meId, mailAna.id, cy.id] })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-18' })
    const before = await ok(backend, 'review.list', {})
    expect(before.ties.map((t) => [t.person.name, t.other?.name])).toEqual([['Ana Silva', 'Ben Okafor']])

    const merged = await ok(backend, 'people.merge', { keepId: known.id, mergeId: mailAna.id, take: {} })
    expect(merged.moved).toMatchObject({ introductions: 1 })
    const shown = await ok(backend, 'introductions.get', { id: ask.id })
    expect(shown.title).toBe('Ask Ana Silva Costa to introduce you to Cy Park')
    expect(shown.path.map((p) => p.id)).toEqual([meId, known.id, cy.id])
    expect(shown.tasks.map((t) => [t.kind, t.person?.id])).toEqual([['nudge', known.id]])
    // The proposed tie is now the known Ana's; she is no "new person" to review (rejecting one removes them).
    const after = await ok(backend, 'review.list', {})
    expect(after.ties.map((t) => [t.person.id, t.other?.name])).toEqual([[known.id, 'Ben Okafor']])
    expect(after.people.map((p) => p.person.id)).not.toContain(known.id)
    // Her strength to me is still the archive's estimate, open to the next archive.
    const tie = merged.person.relationships.find((r) => r.other.id === meId)
    expect(tie?.strengthEstimate).toEqual(expect.stringMatching(/\S/))
    const next = await importArchive(backend, [...archive, obs(ME, [ANA], '2026-11-18'), obs(ANA, [ME], '2026-11-19')], { myAddresses: ['me@home.org'] })
    expect(next.result.peopleCreated).toBe(0)
    const later = (await ok(backend, 'people.get', { id: known.id })).relationships.find((r) => r.other.id === meId)
    expect(later?.strengthEstimate).toEqual(expect.stringMatching(/\S/))
    expect(later?.strengthEstimate).not.toBe(tie?.strengthEstimate)
  })

  it('proposes a tie between two people together on two small threads, not after one, and never again once rejected', async () => {
    const { backend } = await backendWithMe()
    const base = [...anaExchange(), obs(ME, [BEN], '2026-09-01'), obs(BEN, [ME], '2026-09-02')]
    const once = await previewArchive(backend, [...base, obs(ANA, [BEN, CY], '2026-09-10', { thread: 'x1' })], { myAddresses: ['me@home.org'] })
    expect(once.ties).toEqual([])
    await ok(backend, 'imports.archiveCancel', { jobId: once.jobId })

    const twice = [...base, obs(ANA, [BEN, CY], '2026-09-10', { thread: 'x1' }), obs(BEN, [ANA, ME], '2026-10-02', { thread: 'x2' }), obs(ANA, [BEN], '2026-10-02', { thread: 'x2' })]
    const { preview } = await importArchive(backend, twice, { myAddresses: ['me@home.org'] })
    expect(preview.ties).toEqual([{ a: 'Ana Silva', b: 'Ben Okafor', threads: 2, last: '2026-10-02', context: 'on 2 threads together, last 2026-10-02' }])
    // A crowd of more than six on a thread says nothing about who knows whom.
    const crowd = Array.from({ length: 6 }, (_, i) => who(`p${i}@x.org`))
    const big = await previewArchive(backend, [obs(ANA, [BEN, ...crowd], '2026-11-01', { thread: 'c1' }), obs(ANA, [BEN, ...crowd], '2026-11-02', { thread: 'c2' })], { myAddresses: ['me@home.org'] })
    expect(big.ties).toEqual([])
    await ok(backend, 'imports.archiveCancel', { jobId: big.jobId })

    const review = await ok(backend, 'review.list', {})
    expect(review.ties.map((t) => [t.person.name, t.other?.name, t.strength, t.detail])).toEqual([['Ana Silva', 'Ben Okafor', 2, 'on 2 threads together, last 2026-10-02']])
    const tie = review.ties[0]
    if (tie === undefined) throw new Error('no tie')
    expect((await fails(backend, 'review.reject', { ids: [review.strengths[0]?.id ?? 999_999] })).code).toBe('not_found')
    await ok(backend, 'review.reject', { ids: [tie.id] })
    expect((await ok(backend, 'review.list', {})).ties).toEqual([])

    const later = [obs(ANA, [BEN], '2026-11-05', { thread: 'y1' }), obs(BEN, [ANA], '2026-11-06', { thread: 'y2' }), obs(ANA, [BEN], '2026-11-07', { thread: 'y3' })]
    const again = await importArchive(backend, [...twice, ...later], { myAddresses: ['me@home.org'] })
    expect(again.preview.ties).toEqual([])
    expect((await ok(backend, 'review.list', {})).ties).toEqual([])
  })

  it('takes "me" from the name my addresses send under when Kith does not know who I am yet', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const { preview } = await importArchive(backend, anaExchange(), { myAddresses: ['me@home.org'] })
    expect(preview.notes).toContain('Me Myself (the name your addresses send under) becomes "me".')
    expect(preview.people.created.map((p) => [p.name, p.strength !== null])).toEqual([['Ana Silva', true]])
    const me = await ok(backend, 'me.get', {})
    expect(me?.name).toBe('Me Myself')
    const ana = await idOf(backend, 'Ana Silva')
    expect((await ok(backend, 'people.get', { id: ana })).relationships.map((r) => r.other.name)).toEqual(['Me Myself'])
    // Once Kith knows, another archive's names change nothing.
    const other = await previewArchive(backend, [obs(who('me@home.org', 'M. Myself'), [BEN], '2026-11-01'), obs(BEN, [ME], '2026-11-02')], { myAddresses: ['me@home.org'] })
    expect(other.notes.join(' ')).not.toContain('becomes "me"')
    await ok(backend, 'imports.archiveCancel', { jobId: other.jobId })
  })

  it('turns a name filed last name first round ("Raman, Priya"), and leaves a company\'s alone', async () => {
    const { backend } = await backendWithMe()
    const PRIYA = who('priya@acme.com', 'Raman, Priya')
    const ACME = who('acme@acme-co.example', 'Acme, Inc.')
    const archive = [obs(ME, [PRIYA], '2026-10-01'), obs(PRIYA, [ME], '2026-10-02'), obs(ME, [ACME], '2026-10-03'), obs(ACME, [ME], '2026-10-04')]
    const preview = await previewArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(preview.people.created.map((p) => p.name).sort()).toEqual(['Acme, Inc.', 'Priya Raman'])
    await ok(backend, 'imports.archiveCancel', { jobId: preview.jobId })
  })

  it('proposes a tie between two people at a weekly meeting: each meeting of the series counts', async () => {
    const { backend } = await backendWithMe()
    const weekly = ['2026-10-06', '2026-10-13', '2026-10-20'].map((day) => obs(ME, [ANA, BEN], day, { kind: 'meeting', thread: 'uid-pilot-sync', subject: 'Pilot sync' }))
    const { preview } = await importArchive(backend, weekly, { myAddresses: ['me@home.org'], format: 'ics' })
    expect(preview.ties).toEqual([{ a: 'Ana Silva', b: 'Ben Okafor', threads: 3, last: '2026-10-20', context: 'at 3 meetings together, last 2026-10-20' }])
    // One meeting alone proposes nothing.
    const once = await previewArchive(backend, [obs(ME, [ANA, CY], '2026-10-27', { kind: 'meeting', thread: 'uid-once' })], { myAddresses: ['me@home.org'], format: 'ics' })
    expect(once.ties).toEqual([])
    await ok(backend, 'imports.archiveCancel', { jobId: once.jobId })
  })

  it('finds a path that runs through a tie accepted from review, with the strength the user gave it', async () => {
    const { backend, meId } = await backendWithMe()
    const zoe = await ok(backend, 'people.create', { name: 'Zoe Target', emails: ['zoe@far.org'] })
    const ZOE = who('zoe@far.org', 'Zoe')
    // Ana and Zoe write to each other on threads I was not on (a shared mailbox), twice.
    await importArchive(
      backend,
      [...anaExchange(), obs(ANA, [ZOE], '2026-08-01', { thread: 'z1' }), obs(ZOE, [ANA], '2026-09-01', { thread: 'z2' })],
      { myAddresses: ['me@home.org'] },
    )
    const before = await ok(backend, 'paths.find', { to: zoe.id })
    expect(before.paths).toEqual([])
    const [tie] = (await ok(backend, 'review.list', {})).ties
    if (tie === undefined) throw new Error('no tie proposed')
    const edited = await ok(backend, 'review.edit', { id: tie.id, strength: 4, kind: 'colleague' })
    expect([edited.strength, edited.relationshipKind]).toEqual([4, 'colleague'])
    expect((await fails(backend, 'review.edit', { id: tie.id })).code).toBe('bad_request')
    const outcome = await ok(backend, 'review.accept', { all: true })
    expect(outcome).toMatchObject({ relationshipsCreated: 1 })
    expect(await ok(backend, 'review.list', {})).toEqual({ people: [], ties: [], strengths: [] })
    const found = await ok(backend, 'paths.find', { to: zoe.id })
    expect(found.paths[0]?.people.map((p) => p.name)).toEqual(['Me Myself', 'Ana Silva', 'Zoe Target'])
    expect(found.paths[0]?.strengths[1]).toBe(4)
    expect(meId).toBe(found.paths[0]?.people[0]?.id)
  })

  it('undo takes back everything an archive import did: people, interactions, remembered messages, estimates, ties accepted since', async () => {
    const { backend, meId } = await backendWithMe()
    const eve = await ok(backend, 'people.create', { name: 'Eve Adams', emails: ['eve@acme.com'] })
    const EVE = who('eve@acme.com')
    const first = await importArchive(backend, [obs(ME, [EVE], '2024-01-01'), obs(EVE, [ME], '2024-01-02')], { myAddresses: ['me@home.org'] })
    const estimated = await strengthToMe(backend, eve.id, meId)
    const snapshot = () => ({
      people: count(backend, 'person'),
      interactions: count(backend, 'interaction'),
      relationships: count(backend, 'relationship'),
      sources: count(backend, 'archive_source'),
      estimate: backend.sqlite.prepare('SELECT strength, strength_estimate, updated_at FROM relationship WHERE person_b = ? OR person_a = ?').get(eve.id, eve.id),
    })
    const before = snapshot()

    const many = Array.from({ length: 30 }, (_, i) => obs(i % 2 === 0 ? ME : EVE, i % 2 === 0 ? [EVE] : [ME], `2026-11-${String(1 + (i % 18)).padStart(2, '0')}`))
    const archive = [...many, ...anaExchange(), obs(ME, [BEN], '2026-09-01'), obs(BEN, [ME], '2026-09-02'), obs(ANA, [BEN], '2026-10-01'), obs(BEN, [ANA], '2026-10-03')]
    const second = await importArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(await strengthToMe(backend, eve.id, meId)).not.toBe(estimated)
    const ties = (await ok(backend, 'review.list', {})).ties
    expect(ties).toHaveLength(1)
    await ok(backend, 'review.accept', { ids: ties.map((t) => t.id) })
    expect(count(backend, 'relationship')).toBe(before.relationships + 3)

    const undone = await ok(backend, 'imports.undo', { id: batchOf(second.result) })
    expect(undone.peopleDeleted).toBe(2)
    expect(snapshot()).toEqual(before)
    expect((await ok(backend, 'review.list', {})).ties).toEqual([])
    // Undone, the same archive can be imported again in full.
    const redo = await previewArchive(backend, archive, { myAddresses: ['me@home.org'] })
    expect(redo.ignored['already imported']).toBe(0)
    expect(redo.people.created.map((p) => p.name).sort()).toEqual(['Ana Silva', 'Ben Okafor'])
    expect(batchOf(first.result)).toBeLessThan(batchOf(second.result))
  })

  it('rejecting several is all or nothing, says so when refused, and counts the relationships that go with the people', async () => {
    const { backend } = await backendWithMe()
    await ok(backend, 'people.create', { name: 'Eve Adams', emails: ['eve@acme.com'] })
    const EVE = who('eve@acme.com')
    const benExchange = [obs(ME, [BEN], '2026-09-01', { thread: 't-ben' }), obs(BEN, [ME], '2026-09-02', { thread: 't-ben' })]
    await importArchive(backend, [...anaExchange(), ...benExchange, obs(ME, [EVE], '2026-11-01'), obs(EVE, [ME], '2026-11-02')], { myAddresses: ['me@home.org'] })
    const review = await ok(backend, 'review.list', {})
    const people = review.people.map((e) => e.id)
    const [strength] = review.strengths
    if (people.length !== 2 || strength === undefined) throw new Error('expected two new people and a strength')
    const refused = await fails(backend, 'review.reject', { ids: [...people, strength.id] })
    expect(refused.message).toMatch(/cannot be rejected.* None of the 3 were rejected\.$/)
    expect((await ok(backend, 'review.list', {})).people).toHaveLength(2)

    // A relationship recorded with Ana by hand since: she is the user's now, and neither is rejected.
    const ana = await idOf(backend, 'Ana Silva')
    const eve = await idOf(backend, 'Eve Adams')
    const byHand = await ok(backend, 'relationships.set', { a: ana, b: eve, strength: 3 })
    expect((await fails(backend, 'review.reject', { ids: people })).message).toMatch(/^Ana Silva was added to since the import found them .* None of the 2 were rejected\.$/)
    expect((await ok(backend, 'review.list', {})).people).toHaveLength(2)
    await ok(backend, 'relationships.delete', { id: byHand.id })

    // Rejected, they go with the relationships the import made for them, and the outcome counts those.
    const ids = review.people.map((e) => e.person.id).join(',')
    const linked = backend.sqlite.prepare(`SELECT count(*) FROM relationship WHERE person_a IN (${ids}) OR person_b IN (${ids})`).pluck().get()
    expect(linked).toBeGreaterThanOrEqual(2)
    expect(await ok(backend, 'review.reject', { ids: people })).toEqual({ accepted: 0, rejected: 2, relationshipsCreated: 0, peopleDeleted: 2, relationshipsDeleted: linked })

    // A list out of date: the refusal says nothing was changed.
    expect((await fails(backend, 'review.accept', { ids: [...people, strength.id] })).message).toMatch(/decided or undone since they were listed\), so nothing was changed/)
    expect((await ok(backend, 'review.list', {})).strengths).toHaveLength(1)
  })

  it('rejecting a new person deletes them with their interactions; an estimated strength is accepted, not rejected', async () => {
    const { backend } = await backendWithMe()
    const eve = await ok(backend, 'people.create', { name: 'Eve Adams', emails: ['eve@acme.com'] })
    const EVE = who('eve@acme.com')
    await importArchive(backend, [...anaExchange(), obs(ME, [EVE], '2026-11-01'), obs(EVE, [ME], '2026-11-02')], { myAddresses: ['me@home.org'] })
    const review = await ok(backend, 'review.list', {})
    const [person] = review.people
    const [strength] = review.strengths
    if (person === undefined || strength === undefined) throw new Error('nothing to review')
    expect(strength.person.id).toBe(eve.id)
    expect((await fails(backend, 'review.reject', { ids: [strength.id] })).message).toMatch(/cannot be rejected/)
    expect(await ok(backend, 'review.reject', { ids: [person.id] })).toMatchObject({ rejected: 1, peopleDeleted: 1 })
    expect((await ok(backend, 'people.list', {})).people.map((p) => p.name)).not.toContain('Ana Silva')
    expect(count(backend, 'interaction')).toBe(2)
    expect(await ok(backend, 'review.accept', { ids: [strength.id] })).toMatchObject({ accepted: 1 })
    expect((await fails(backend, 'review.accept', { ids: [strength.id] })).code).toBe('not_found')
    expect((await fails(backend, 'review.accept', { ids: [], all: true })).code).toBe('bad_request')
  })
})
