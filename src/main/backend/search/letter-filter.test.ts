import Fuse from 'fuse.js'
import { describe, expect, it } from 'vitest'
import { LetterFilter } from './letter-filter'

const OPTIONS = { ignoreLocation: true, threshold: 0.45, ignoreDiacritics: true }

const FIELDS = [
  'Priya Raman',
  'Senior Data Analyst',
  'priya@harbor.example',
  'Okafor, Ben',
  'Zoë Müller',
  'Harbor Capital',
  'seed investor',
  'PR',
  'Ana Silva',
  'Chief Marketing Officer',
  'José Ángel Núñez',
  'a',
]

const QUERIES = [
  'Priya Rmaan',
  'priya',
  'ana slva',
  'okafro',
  'Zoe Muller',
  'zoë',
  'harbr',
  'seed investor',
  'xq',
  'Chief Marketting Oficer',
  'jose angel nunez',
  'PR',
  'an unusually long query that is longer than thirty two letters',
]

describe('the letter filter before fuzzy ranking', () => {
  it('never rules out a field that fuse.js would match', () => {
    for (const query of QUERIES) {
      const filter = new LetterFilter(query, OPTIONS.threshold)
      for (const field of FIELDS) {
        if (Fuse.match(query, field, OPTIONS).isMatch) expect(filter.mayMatch(field), `${query} / ${field}`).toBe(true)
      }
    }
  })

  it('rules out fields that share too few letters with the query', () => {
    const filter = new LetterFilter('Priya Rmaan', OPTIONS.threshold)
    expect(filter.mayMatch('Okafor, Ben')).toBe(false)
    expect(filter.mayMatch('seed investor')).toBe(false)
    expect(filter.mayMatch('Priya Raman')).toBe(true)
    // Accented fields are left to fuse.js, which folds them.
    expect(new LetterFilter('zoe muller', OPTIONS.threshold).mayMatch('Zoë Müller')).toBe(true)
  })
})
