import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTempBackend } from '../testing/temp'
import { fails, ok } from '../testing/call'
import type { Backend } from '../backend'

async function cast(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const ana = await ok(backend, 'people.create', { name: 'Ana Silva', company: 'Acme' })
  const ben = await ok(backend, 'people.create', { name: 'Ben Okafor' })
  const cy = await ok(backend, 'people.create', { name: 'Cy Tanaka' })
  return { me, ana, ben, cy }
}

async function rowCounts(backend: Backend): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of ['person', 'relationship', 'interaction', 'interaction_person', 'favor'] as const) {
    out[t] = (await backend.db.selectFrom(t).selectAll().execute()).length
  }
  return out
}

describe('relationships', () => {
  it('records who knows whom between any two people, undirected, and updates the pair in place', async () => {
    const backend = await openTempBackend()
    const { ana, ben } = await cast(backend)
    const first = await ok(backend, 'relationships.set', {
      a: ben.id,
      b: ana.id,
      strength: 3,
      kind: 'colleague',
      confidence: 'believed',
      contexts: ['worked together at Acme 2019-21'],
      since: '2019-03-01',
    })
    expect(first).toMatchObject({ a: { id: ana.id }, b: { id: ben.id }, strength: 3, updated: false, source: 'entered' })
    const second = await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 5, kind: 'friend' })
    expect(second).toMatchObject({ id: first.id, strength: 5, kind: 'friend', updated: true })
    const page = await ok(backend, 'people.get', { id: ben.id })
    expect(page.relationships).toEqual([
      expect.objectContaining({ other: expect.objectContaining({ id: ana.id, name: 'Ana Silva' }), strength: 5 }),
    ])
    await ok(backend, 'relationships.delete', { id: first.id })
    expect((await ok(backend, 'people.get', { id: ben.id })).relationships).toEqual([])
  })

  it('refuses a strength outside 1..5, a person with themself and unknown people, writing nothing', async () => {
    const backend = await openTempBackend()
    const { ana, ben } = await cast(backend)
    const before = await rowCounts(backend)
    for (const strength of [0, 6, 2.5, '4', null]) {
      const error = await fails(backend, 'relationships.set', { a: ana.id, b: ben.id, strength })
      expect(error).toEqual({ code: 'bad_request', message: expect.stringContaining('strength: Choose a strength from 1 to 5') })
    }
    expect(await fails(backend, 'relationships.set', { a: ana.id, b: ana.id, strength: 3 })).toEqual({
      code: 'bad_request',
      message: expect.stringContaining('cannot have a relationship with themself'),
    })
    expect((await fails(backend, 'relationships.set', { a: ana.id, b: 9999, strength: 3 })).code).toBe('not_found')
    expect((await fails(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 3, kind: 'nemesis' })).code).toBe('bad_request')
    expect((await fails(backend, 'relationships.delete', { id: 777 })).code).toBe('not_found')
    expect(await rowCounts(backend)).toEqual(before)
  })
})

describe('neighbourhood', () => {
  it('lists who a person knows, strongest first, and the ties among them', async () => {
    const backend = await openTempBackend()
    const { me, ana, ben, cy } = await cast(backend)
    await ok(backend, 'relationships.set', { a: me.id, b: ana.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: me.id, b: ben.id, strength: 5 })
    await ok(backend, 'relationships.set', { a: me.id, b: cy.id, strength: 3 })
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 4 })
    await ok(backend, 'people.archive', { id: cy.id })
    const hood = await ok(backend, 'people.neighbourhood', { id: me.id })
    expect(hood.nodes.map((n) => [n.name, n.strength])).toEqual([['Ben Okafor', 5], ['Ana Silva', 2]])
    expect(hood.edges).toEqual([{ a: Math.min(ana.id, ben.id), b: Math.max(ana.id, ben.id), strength: 4 }])
    expect(hood.total).toBe(2)
  })
})

describe('interactions', () => {
  it('logs who was present and makes my last interaction visible on each person', async () => {
    const backend = await openTempBackend()
    const { me, ana, ben } = await cast(backend)
    await ok(backend, 'interactions.log', { date: '2026-01-10', kind: 'meeting', people: [ana.id, ben.id, me.id], note: 'Coffee' })
    await ok(backend, 'interactions.log', { date: '2026-02-01', kind: 'event', people: [ana.id, ben.id], withMe: false })
    const page = await ok(backend, 'people.get', { id: ana.id })
    expect(page.interactions.map((i) => [i.date, i.people.map((p) => p.name)])).toEqual([
      ['2026-02-01', ['Ana Silva', 'Ben Okafor']],
      ['2026-01-10', ['Ana Silva', 'Ben Okafor']],
    ])
    expect(page.lastInteraction).toMatchObject({ date: '2026-01-10', kind: 'meeting', note: 'Coffee', withMe: true })
    const row = (await ok(backend, 'people.list', {})).people.find((p) => p.id === ana.id)
    expect(row?.lastInteractionOn).toBe('2026-01-10')
  })

  it('refuses a missing date, an unknown kind, nobody present, unknown people and a 1 MB note', async () => {
    const backend = await openTempBackend()
    const { me, ana } = await cast(backend)
    const before = await rowCounts(backend)
    const cases: [unknown, string][] = [
      [{ date: '2026-13-01', kind: 'call', people: [ana.id] }, 'date'],
      [{ date: '2026-01-01', kind: 'séance', people: [ana.id] }, 'kind'],
      [{ date: '2026-01-01', kind: 'call', people: [] }, 'people: Choose at least one person'],
      [{ date: '2026-01-01', kind: 'call', people: [ana.id, ana.id] }, 'listed twice'],
      [{ date: '2026-01-01', kind: 'call', people: [me.id] }, 'besides yourself'],
      [{ date: '2026-01-01', kind: 'call', people: [4242] }, '4242'],
      [{ date: '2026-01-01', kind: 'call', people: [ana.id], note: 'n'.repeat(1 << 20) }, 'note: A note is limited'],
    ]
    for (const [args, message] of cases) {
      expect((await fails(backend, 'interactions.log', args)).message).toContain(message)
    }
    expect(await rowCounts(backend)).toEqual(before)
  })
})

describe('favors', () => {
  it('logs favors both ways and keeps a running balance with me', async () => {
    const backend = await openTempBackend()
    const { me, ana, ben } = await cast(backend)
    await ok(backend, 'favors.log', { giverId: ana.id, receiverId: me.id, date: '2026-01-01', kind: 'introduction', size: 'large' })
    await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-02-01', kind: 'advice', size: 'small' })
    await ok(backend, 'favors.log', { giverId: ana.id, receiverId: ben.id, date: '2026-03-01', kind: 'help', size: 'medium' })
    const page = await ok(backend, 'people.get', { id: ana.id })
    expect(page.favors.map((f) => [f.giver.name, f.receiver.name, f.runningBalance])).toEqual([
      ['Ana Silva', 'Jordan', -3],
      ['Jordan', 'Ana Silva', -2],
      ['Ana Silva', 'Ben Okafor', null],
    ])
    expect(page.balance).toEqual({ givenByMe: 1, receivedByMe: 1, pointsGivenByMe: 1, pointsReceivedByMe: 3, balance: -2 })
  })

  it('deletes an interaction or a favor, and my last interaction follows', async () => {
    const backend = await openTempBackend()
    const { me, ana } = await cast(backend)
    const older = await ok(backend, 'interactions.log', { date: '2026-01-01', kind: 'call', people: [ana.id] })
    const newer = await ok(backend, 'interactions.log', { date: '2026-02-01', kind: 'email', people: [ana.id] })
    const favor = await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-01-05', kind: 'gift', size: 'small' })
    await ok(backend, 'interactions.delete', { id: newer.id })
    expect((await ok(backend, 'people.get', { id: ana.id })).lastInteraction?.id).toBe(older.id)
    expect((await ok(backend, 'people.list', {})).people.find((p) => p.id === ana.id)?.lastInteractionOn).toBe('2026-01-01')
    await ok(backend, 'favors.delete', { id: favor.id })
    const page = await ok(backend, 'people.get', { id: ana.id })
    expect(page.favors).toEqual([])
    expect(page.balance?.balance).toBe(0)
    expect((await fails(backend, 'interactions.delete', { id: newer.id })).code).toBe('not_found')
  })

  it('edits a favor, and the balance follows', async () => {
    const backend = await openTempBackend()
    const { me, ana } = await cast(backend)
    const favor = await ok(backend, 'favors.log', { giverId: ana.id, receiverId: me.id, date: '2026-01-01', kind: 'introduction', size: 'medium' })
    const edited = await ok(backend, 'favors.update', { id: favor.id, favor: { giverId: ana.id, receiverId: me.id, date: '2026-01-02', kind: 'introduction', size: 'large', note: 'A big one' } })
    expect(edited).toMatchObject({ size: 'large', date: '2026-01-02', note: 'A big one' })
    expect((await ok(backend, 'people.get', { id: ana.id })).balance?.balance).toBe(-3)
    expect((await fails(backend, 'favors.update', { id: 999, favor: { giverId: ana.id, receiverId: me.id, date: '2026-01-02', kind: 'help', size: 'small' } })).code).toBe('not_found')
  })

  it('refuses a favor to oneself, an unknown size or person', async () => {
    const backend = await openTempBackend()
    const { ana } = await cast(backend)
    const base = { giverId: ana.id, receiverId: ana.id, date: '2026-01-01', kind: 'advice', size: 'small' }
    expect((await fails(backend, 'favors.log', base)).message).toContain('two different people')
    expect((await fails(backend, 'favors.log', { ...base, receiverId: 999 })).code).toBe('not_found')
    expect((await fails(backend, 'favors.log', { ...base, receiverId: 999, size: 'enormous' })).code).toBe('bad_request')
    expect((await fails(backend, 'favors.delete', { id: 5 })).code).toBe('not_found')
  })
})

describe('merging duplicates', () => {
  it('moves relationships, interactions and favors, resolves fields as chosen, and backs up first', async () => {
    const backend = await openTempBackend()
    const { me, ben, cy } = await cast(backend)
    const keep = await ok(backend, 'people.create', { name: 'Dana Lee', emails: ['dana@old.example'], tags: ['design'], title: 'Designer' })
    const dup = await ok(backend, 'people.create', {
      name: 'Dana Lee-Park',
      emails: ['dana@new.example'],
      tags: ['Design', 'climate'],
      company: 'Newco',
      title: 'Head of Design',
    })
    await ok(backend, 'relationships.set', { a: keep.id, b: ben.id, strength: 2, contexts: ['school'] })
    await ok(backend, 'relationships.set', { a: dup.id, b: ben.id, strength: 4, contexts: ['work'] })
    await ok(backend, 'relationships.set', { a: dup.id, b: cy.id, strength: 3 })
    await ok(backend, 'relationships.set', { a: dup.id, b: keep.id, strength: 5 })
    await ok(backend, 'interactions.log', { date: '2026-01-01', kind: 'call', people: [dup.id] })
    await ok(backend, 'interactions.log', { date: '2026-01-02', kind: 'meeting', people: [dup.id, keep.id] })
    await ok(backend, 'favors.log', { giverId: dup.id, receiverId: me.id, date: '2026-01-03', kind: 'advice', size: 'small' })
    await ok(backend, 'favors.log', { giverId: dup.id, receiverId: keep.id, date: '2026-01-03', kind: 'help', size: 'small' })

    const result = await ok(backend, 'people.merge', { keepId: keep.id, mergeId: dup.id, take: { title: 'merge' } })
    expect(fs.existsSync(path.join(backend.backupDir, result.backup.name))).toBe(true)
    expect(result.backup.kind).toBe('pre-merge')
    expect(result.person).toMatchObject({
      name: 'Dana Lee',
      title: 'Head of Design',
      company: 'Newco',
      aliases: ['Dana Lee-Park'],
      emails: ['dana@old.example', 'dana@new.example'],
      tags: ['design', 'climate'],
    })
    expect(result.person.relationships.map((r) => [r.other.name, r.strength, r.contexts])).toEqual([
      ['Ben Okafor', 4, ['school', 'work']],
      ['Cy Tanaka', 3, []],
    ])
    expect(result.person.interactions.map((i) => i.date)).toEqual(['2026-01-02', '2026-01-01'])
    expect(result.person.favors.map((f) => [f.giver.name, f.receiver.name])).toEqual([['Dana Lee', 'Jordan']])
    expect((await fails(backend, 'people.get', { id: dup.id })).code).toBe('not_found')
    expect(await ok(backend, 'search', { query: 'Dana Lee-Park' })).toEqual([expect.objectContaining({ id: keep.id })])
  })
})

describe('search', () => {
  it('finds people despite a typo, by alias, company, tag or email, best first', async () => {
    const backend = await openTempBackend()
    await cast(backend)
    await ok(backend, 'people.create', { name: 'Priya Raman', aliases: ['PR'], tags: ['seed investor'], emails: ['priya@harbor.example'] })
    await ok(backend, 'people.create', { name: 'Priyanka Chopra-Jonas' })
    const first = async (query: string) => (await ok(backend, 'search', { query }))[0]?.name
    expect(await first('Priya Rmaan')).toBe('Priya Raman')
    expect(await first('Ana Slva')).toBe('Ana Silva')
    expect(await first('okafro')).toBe('Ben Okafor')
    expect(await first('acme')).toBe('Ana Silva')
    expect(await first('seed investor')).toBe('Priya Raman')
    expect(await first('priya@harbor')).toBe('Priya Raman')
    expect(await first('Cy')).toBe('Cy Tanaka')
    expect(await ok(backend, 'search', { query: 'zzzzqqq' })).toEqual([])
    expect(await ok(backend, 'search', { query: '   ' })).toEqual([])
  })

  it('follows renames, archiving and deletion', async () => {
    const backend = await openTempBackend()
    const { ana } = await cast(backend)
    await ok(backend, 'people.update', { id: ana.id, patch: { name: 'Ana Moreau', aliases: ['Ana Silva'] } })
    expect((await ok(backend, 'search', { query: 'Moreau' }))[0]?.name).toBe('Ana Moreau')
    expect((await ok(backend, 'search', { query: 'Ana Silva' }))[0]?.name).toBe('Ana Moreau')
    await ok(backend, 'people.archive', { id: ana.id })
    expect(await ok(backend, 'search', { query: 'Moreau' })).toEqual([])
    expect((await ok(backend, 'search', { query: 'Moreau', includeArchived: true }))[0]?.name).toBe('Ana Moreau')
    await ok(backend, 'people.delete', { id: ana.id })
    expect(await ok(backend, 'search', { query: 'Moreau', includeArchived: true })).toEqual([])
  })

  it('sees writes made by another process (the CLI beside the app)', async () => {
    const backend = await openTempBackend()
    expect(await ok(backend, 'search', { query: 'Zed' })).toEqual([])
    const other = await (await import('../backend')).Backend.open({ dataDir: backend.dataDir })
    await ok(other, 'people.create', { name: 'Zed Lindqvist' })
    await other.close()
    expect(await ok(backend, 'search', { query: 'Zed Lindqvist' })).toEqual([expect.objectContaining({ name: 'Zed Lindqvist' })])
  })
})
