import { describe, expect, it } from 'vitest'
import { resolveScheme, SCHEMES } from './color-scheme'

describe('the theme painted at start', () => {
  it('follows a stored choice of light or dark whatever the system uses', () => {
    expect(resolveScheme('dark', false)).toBe('dark')
    expect(resolveScheme('light', true)).toBe('light')
  })

  it('follows the system when the choice is "system", unset, or not one Kith knows', () => {
    expect(resolveScheme('auto', true)).toBe('dark')
    expect(resolveScheme(null, false)).toBe('light')
    expect(resolveScheme('purple', true)).toBe('dark')
  })

  it('offers system, light and dark, in that order', () => {
    expect(SCHEMES.map((s) => s.label)).toEqual(['System', 'Light', 'Dark'])
  })
})
