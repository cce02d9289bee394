import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-22T12:00:00Z')

describe('your profile', () => {
  it('starts from the "me" name, saves, and reads back what fits', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    expect(await ok(backend, 'profile.get', {})).toEqual({ fullName: '', role: '', organisation: '', credibility: '', signOff: '' })
    await ok(backend, 'me.set', { name: 'Jordan Avery' })
    expect((await ok(backend, 'profile.get', {})).fullName).toBe('Jordan Avery')
    const saved = await ok(backend, 'profile.set', { fullName: ' Jordan Avery-Lee ', role: 'Head of Growth', organisation: 'Wayfinder', credibility: 'we doubled paid teams in a year', signOff: 'Warm regards,' })
    expect(saved).toEqual({ fullName: 'Jordan Avery-Lee', role: 'Head of Growth', organisation: 'Wayfinder', credibility: 'we doubled paid teams in a year', signOff: 'Warm regards,' })
    expect(await ok(backend, 'profile.get', {})).toEqual(saved)
    // Left out: empty, and the full name falls back to "me" again.
    expect(await ok(backend, 'profile.set', { role: 'Founder' })).toEqual({ fullName: 'Jordan Avery', role: 'Founder', organisation: '', credibility: '', signOff: '' })
    expect((await fails(backend, 'profile.set', { fullName: 'x', nickname: 'J' })).code).toBe('bad_request')
    expect((await fails(backend, 'profile.set', { role: 'x'.repeat(301) })).code).toBe('bad_request')
    // Something stored that no longer fits reads as empty, not as an error.
    backend.sqlite.prepare("UPDATE setting SET value = '{\"fullName\": 42}' WHERE key = 'profile'").run()
    expect(await ok(backend, 'profile.get', {})).toEqual({ fullName: 'Jordan Avery', role: '', organisation: '', credibility: '', signOff: '' })
  })
})
