import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { smallCast } from '../testing/small-cast'
import { openTempBackend } from '../testing/temp'

describe('search', () => {
  it('finds people despite a typo, by alias, company, tag or email, best first', async () => {
    const backend = await openTempBackend()
    await smallCast(backend)
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
    const { ana } = await smallCast(backend)
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
