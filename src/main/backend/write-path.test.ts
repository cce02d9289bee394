import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Backend } from './backend'
import { ok } from './testing/call'
import { openTempBackend } from './testing/temp'

const NOW = new Date('2026-11-20T12:00:00Z')

async function searchNames(backend: Backend, query: string): Promise<string[]> {
  return (await ok(backend, 'search', { query })).map((h) => h.name)
}

async function pathsTo(backend: Backend, to: number): Promise<string[][]> {
  return (await ok(backend, 'paths.find', { to })).paths.map((p) => p.people.map((x) => x.name))
}

/** Whom of them I already know: shown first, not as paths. */
async function knownAlready(backend: Backend, to: number): Promise<string[]> {
  return (await ok(backend, 'paths.find', { to })).direct.map((d) => d.name)
}

async function lastInteraction(backend: Backend, id: number): Promise<string | null | undefined> {
  const list = await ok(backend, 'people.list', { limit: 50 })
  return list.people.find((p) => p.id === id)?.lastInteractionOn
}

// Search, the people list and paths answer from caches kept beside the database; every write
// through the handlers must leave them as fresh as the file. Each step reads first, so the cache
// is built before the write it must then reflect.
describe('what a write changes is what the next read sees', () => {
  it('search and the people list follow creating, renaming, logging with, archiving and deleting someone', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'me.set', { name: 'Jordan' })
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva' })
    expect(await searchNames(backend, 'Silva')).toEqual(['Ana Silva'])

    await ok(backend, 'people.update', { id: ana.id, patch: { name: 'Anabel Quist' } })
    expect(await searchNames(backend, 'Quist')).toEqual(['Anabel Quist'])
    expect(await searchNames(backend, 'Silva')).toEqual([])

    const bruno = await ok(backend, 'people.create', { name: 'Bruno Quist' })
    expect((await searchNames(backend, 'Quist')).sort()).toEqual(['Anabel Quist', 'Bruno Quist'])

    expect(await lastInteraction(backend, bruno.id)).toBeNull()
    const talk = await ok(backend, 'interactions.log', { date: '2026-11-19', kind: 'call', people: [bruno.id], note: '', withMe: true })
    expect(await lastInteraction(backend, bruno.id)).toBe('2026-11-19')
    await ok(backend, 'interactions.delete', { id: talk.id })
    expect(await lastInteraction(backend, bruno.id)).toBeNull()

    await ok(backend, 'people.archive', { id: bruno.id })
    expect(await searchNames(backend, 'Bruno')).toEqual([])
    await ok(backend, 'people.delete', { id: bruno.id })
    expect((await ok(backend, 'search', { query: 'Bruno', includeArchived: true })).map((h) => h.name)).toEqual([])
  })

  it('paths follow relationships set and deleted, people archived, and introductions learned', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const ana = await ok(backend, 'people.create', { name: 'Ana' })
    const cy = await ok(backend, 'people.create', { name: 'Cy' })
    await ok(backend, 'relationships.set', { a: me.id, b: ana.id, strength: 4 })
    expect(await pathsTo(backend, cy.id)).toEqual([])

    const tie = await ok(backend, 'relationships.set', { a: ana.id, b: cy.id, strength: 4 })
    expect(await pathsTo(backend, cy.id)).toEqual([['Jordan', 'Ana', 'Cy']])

    await ok(backend, 'people.archive', { id: ana.id })
    expect(await pathsTo(backend, cy.id)).toEqual([])
    await ok(backend, 'people.unarchive', { id: ana.id })
    expect(await pathsTo(backend, cy.id)).toEqual([['Jordan', 'Ana', 'Cy']])

    await ok(backend, 'relationships.delete', { id: tie.id })
    expect(await pathsTo(backend, cy.id)).toEqual([])

    // An introduction that reaches "introduced" gives me a relationship with the person I met.
    await ok(backend, 'relationships.set', { a: ana.id, b: cy.id, strength: 4 })
    const ask = await ok(backend, 'introductions.request', { path: [me.id, ana.id, cy.id] })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked' })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'agreed' })
    expect(await knownAlready(backend, cy.id)).toEqual([])
    await ok(backend, 'introductions.move', { id: ask.id, to: 'introduced' })
    expect(await knownAlready(backend, cy.id)).toEqual(['Cy'])
    await ok(backend, 'introductions.undoMove', { id: ask.id })
    expect(await knownAlready(backend, cy.id)).toEqual([])
  })
})

// The caches are refreshed in one place, `BackendState.write` and its siblings in state.ts: a
// refresh called by hand elsewhere is one somebody else will forget.
describe('the caches are refreshed only by the write path', () => {
  it('no module outside state.ts calls the caches’ refresh functions', () => {
    const root = path.resolve(import.meta.dirname, '../../..')
    const files = ['src', 'bench'].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(dir, f)),
    )
    const stateFile = path.join('src', 'main', 'backend', 'state.ts')
    expect(files).toContain(stateFile)
    const lowLevel = /(?<!\bthis)\.(refresh|reprice|touched|invalidate|invalidateScoring|forgetCaches)\(/
    const offenders = files
      .filter((f) => f !== stateFile)
      .flatMap((f) =>
        fs
          .readFileSync(path.join(root, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (lowLevel.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      )
    expect(offenders).toEqual([])
  })
})
