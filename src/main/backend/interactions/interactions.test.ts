import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { rowCounts, smallCast } from '../testing/small-cast'
import { openTempBackend } from '../testing/temp'

describe('interactions', () => {
  it('logs who was present and makes my last interaction visible on each person', async () => {
    const backend = await openTempBackend()
    const { me, ana, ben } = await smallCast(backend)
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
    const { me, ana } = await smallCast(backend)
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
