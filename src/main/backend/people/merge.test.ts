import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { smallCast } from '../testing/small-cast'
import { openTempBackend } from '../testing/temp'

describe('merging duplicates', () => {
  it('moves relationships, interactions and favors, resolves fields as chosen, and backs up first', async () => {
    const backend = await openTempBackend()
    const { me, ben, cy } = await smallCast(backend)
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

  it('refuses to merge two records that are in one introduction, naming it', async () => {
    const backend = await openTempBackend()
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva' })
    const dup = await ok(backend, 'people.create', { name: 'Ana S.' })
    await ok(backend, 'relationships.set', { a: me.id, b: ana.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: ana.id, b: dup.id, strength: 4 })
    const ask = await ok(backend, 'introductions.request', { path: [me.id, ana.id, dup.id] })
    const refused = await fails(backend, 'people.merge', { keepId: ana.id, mergeId: dup.id, take: {} })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toBe(`Ana Silva and Ana S. are both in introduction ${ask.id} (draft): abandon it before merging them.`)
    expect((await ok(backend, 'people.get', { id: dup.id })).name).toBe('Ana S.')
    await ok(backend, 'introductions.move', { id: ask.id, to: 'abandoned' })
    expect((await ok(backend, 'people.merge', { keepId: ana.id, mergeId: dup.id, take: {} })).person.name).toBe('Ana Silva')
  })

  it('refuses a merge that would leave one connector asked twice for the same person', async () => {
    const backend = await openTempBackend()
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const [cal, ana, dup] = [await ok(backend, 'people.create', { name: 'Cal Reyes' }), await ok(backend, 'people.create', { name: 'Ana Silva' }), await ok(backend, 'people.create', { name: 'Ana S.' })]
    await ok(backend, 'relationships.set', { a: me.id, b: cal.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: cal.id, b: ana.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: cal.id, b: dup.id, strength: 3 })
    const first = await ok(backend, 'introductions.request', { path: [me.id, cal.id, ana.id] })
    const second = await ok(backend, 'introductions.request', { path: [me.id, cal.id, dup.id] })
    expect((await fails(backend, 'people.merge', { keepId: ana.id, mergeId: dup.id, take: {} })).message).toBe(
      `Cal Reyes is asked to introduce you to both (introductions ${first.id} and ${second.id}): merged, that would be asking twice. Abandon one before merging them.`,
    )
    await ok(backend, 'introductions.move', { id: second.id, to: 'abandoned' })
    await ok(backend, 'people.merge', { keepId: ana.id, mergeId: dup.id, take: {} })
    // The abandoned one, now of Cal for Ana too, is not brought back beside the live one.
    expect((await fails(backend, 'introductions.undoMove', { id: second.id })).message).toBe(
      `Introduction ${first.id} asks Cal Reyes to introduce you to Ana Silva too (draft): this one stays abandoned.`,
    )
  })
})
