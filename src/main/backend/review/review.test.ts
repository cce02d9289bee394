import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

describe('review methods through dispatch', () => {
  it('refuse arguments outside their strict schemas, and name what is missing', async () => {
    const backend = await openTempBackend()
    expect(await ok(backend, 'review.list', {})).toEqual({ people: [], ties: [], strengths: [] })
    for (const [method, args] of [
      ['review.list', { all: true }],
      ['review.accept', { all: false }],
      ['review.accept', {}],
      ['review.accept', { ids: [] }],
      ['review.accept', { ids: [1], all: true }],
      ['review.accept', { ids: [0] }],
      ['review.reject', { all: true }],
      ['review.reject', { ids: ['1'] }],
      ['review.edit', { id: 1 }],
      ['review.edit', { id: 1, strength: 6 }],
      ['review.edit', { id: 1, kind: 'rival' }],
      ['settings.archive.set', { myAddresses: ['not an address'], keepSubjects: true }],
      ['settings.archive.set', { myAddresses: [] }],
    ] as const) {
      expect((await fails(backend, method, args)).code, `${method} ${JSON.stringify(args)}`).toBe('bad_request')
    }
    expect((await fails(backend, 'review.accept', { ids: [41, 42] })).message).toMatch(/items 41, 42/)
    expect((await fails(backend, 'review.edit', { id: 7, strength: 3 })).code).toBe('not_found')
    expect(await ok(backend, 'review.accept', { all: true })).toEqual({ accepted: 0, rejected: 0, relationshipsCreated: 0, peopleDeleted: 0, relationshipsDeleted: 0 })
  })

  it('keep my addresses once each, lower-cased, with subjects on by default', async () => {
    const backend = await openTempBackend()
    expect(await ok(backend, 'settings.archive.get', {})).toEqual({ myAddresses: [], keepSubjects: true })
    const saved = await ok(backend, 'settings.archive.set', { myAddresses: ['Me@Home.org', 'me@home.org', 'me@work.example'], keepSubjects: false })
    expect(saved).toEqual({ myAddresses: ['me@home.org', 'me@work.example'], keepSubjects: false })
    expect(await ok(backend, 'settings.archive.get', {})).toEqual(saved)
  })
})
