import { describe, expect, it } from 'vitest'
import { GainRules, holdsWord } from './gains'

describe('who holds a role by their title', () => {
  const rules = new GainRules({ interests: [], complementaryRoles: [{ a: 'founder', b: 'investor' }, { a: 'hiring manager', b: 'candidate' }] })
  const roles = (title: string): string[] => rules.rolesOf([], title).map((k) => rules.roleLabels[k] ?? '')

  it('reads a role only as whole words, in any script', () => {
    expect(roles('Co-founder & CEO')).toEqual(['founder'])
    expect(roles('Founders Fund scout')).toEqual([])
    expect(roles('Senior  Hiring   Manager, Platform')).toEqual(['hiring manager'])
    expect(roles('Angel-Investor und Gründer')).toEqual(['investor'])
    expect(roles('Investorin')).toEqual([])
    expect(roles('éfounder')).toEqual([])
    expect(roles('创始人 founder')).toEqual(['founder'])
    // a letter outside the Basic Multilingual Plane (two UTF-16 units) right before the word
    expect(roles('\u{1D400}founder')).toEqual([])
    expect(roles('founder2')).toEqual([])
    expect(roles('seed investor, founder')).toEqual(['founder', 'investor'])
  })

  it('finds the word at a later place when an earlier one is part of a longer word', () => {
    expect(holdsWord('founders and founder', 'founder')).toBe(true)
    expect(holdsWord('cofounder', 'founder')).toBe(false)
    expect(holdsWord('', 'founder')).toBe(false)
  })
})
