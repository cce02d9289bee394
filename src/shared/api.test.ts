import { describe, expect, it } from 'vitest'
import { isApiResponse } from './api'

describe('the response envelope', () => {
  it('accepts an error that names the duplicates a new person would make, and refuses a malformed list', () => {
    const duplicates = [{ id: 12, name: 'Ana Lima', company: 'Harbor Capital', reason: 'the same email ana@x.com' }]
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'Already in Kith', duplicates } })).toBe(true)
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'Already in Kith' } })).toBe(true)
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'x', duplicates: 'Ana' } })).toBe(false)
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'x', duplicates: [{ id: '12', name: 'Ana', company: null, reason: '' }] } })).toBe(false)
  })

  it('accepts an error that names the import in the way, and refuses a malformed one', () => {
    const openImport = { jobId: null, fileName: 'Connections.csv', phase: 'ready' }
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'Another import is open', openImport } })).toBe(true)
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'x', openImport: { ...openImport, jobId: 7 } } })).toBe(false)
    expect(isApiResponse({ ok: false, error: { code: 'conflict', message: 'x', openImport: 'Connections.csv' } })).toBe(false)
  })

  it('accepts an error that names the refused arguments by path, and refuses a malformed list', () => {
    const issues = [{ path: ['emails', 0], message: 'Invalid email address' }]
    expect(isApiResponse({ ok: false, error: { code: 'bad_request', message: 'Invalid arguments', issues } })).toBe(true)
    expect(isApiResponse({ ok: false, error: { code: 'bad_request', message: 'x', issues: 'emails' } })).toBe(false)
    expect(isApiResponse({ ok: false, error: { code: 'bad_request', message: 'x', issues: [{ path: 'emails', message: 'y' }] } })).toBe(false)
    expect(isApiResponse({ ok: false, error: { code: 'bad_request', message: 'x', issues: [{ path: [true], message: 'y' }] } })).toBe(false)
  })
})
