import { describe, expect, it } from 'vitest'
import { DEFAULT_SUGGESTION_SETTINGS } from '../../../shared/suggestions'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-18T12:00:00Z') // ISO week 2026-W47

describe('suggestion settings', () => {
  it('has defaults, keeps what is set (each interest and pair once), and refuses what does not fit', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    expect(await ok(backend, 'settings.suggestions.get', {})).toEqual(DEFAULT_SUGGESTION_SETTINGS)
    const saved = await ok(backend, 'settings.suggestions.set', {
      interests: [' climate tech ', 'Climate Tech', 'AI'],
      complementaryRoles: [
        { a: 'founder', b: 'investor' },
        { a: 'Investor', b: 'Founder' },
        { a: 'mentor', b: 'mentee' },
      ],
    })
    expect(saved).toEqual({
      interests: ['climate tech', 'AI'],
      complementaryRoles: [
        { a: 'founder', b: 'investor' },
        { a: 'mentor', b: 'mentee' },
      ],
    })
    expect(await ok(backend, 'settings.suggestions.get', {})).toEqual(saved)
    expect((await fails(backend, 'settings.suggestions.set', { interests: [], complementaryRoles: [{ a: ' ', b: 'investor' }] })).code).toBe('bad_request')
    expect((await fails(backend, 'settings.suggestions.set', { interests: Array.from({ length: 201 }, (_, i) => `t${i}`), complementaryRoles: [] })).code).toBe('bad_request')
    expect((await fails(backend, 'settings.suggestions.set', { interests: [], complementaryRoles: [], extra: 1 })).code).toBe('bad_request')
    expect(await ok(backend, 'settings.suggestions.get', {})).toEqual(saved)
  })
})
