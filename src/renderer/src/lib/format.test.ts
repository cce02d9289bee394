import { describe, expect, it } from 'vitest'
import { ago, stateWord, strengthWord } from './format'

describe('ago: how long ago a date was, as every screen says it', () => {
  it('counts calendar days from today', () => {
    expect(ago('2026-03-10', '2026-03-10')).toBe('today')
    expect(ago('2026-03-09', '2026-03-10')).toBe('yesterday')
    expect(ago('2026-03-12', '2026-03-10')).toBe('in the future')
    expect(ago(null, '2026-03-10')).toBe('never')
  })

  it('says 50 days as days, the way path explanations say it, not as months', () => {
    // 50 days before 2026-03-10; the page used to switch to months after 45 days.
    expect(ago('2026-01-19', '2026-03-10')).toBe('50 days ago')
    expect(ago('2026-01-09', '2026-03-10')).toBe('2 months ago')
  })

  it('says a year and a half in months, as the explanations do', () => {
    expect(ago('2024-09-10', '2026-03-10')).toBe('18 months ago')
    expect(ago('2024-03-10', '2026-03-10')).toBe('2 years ago')
  })
})

describe('stateWord and strengthWord: stored values in words on every screen', () => {
  it('names known values and shows an unknown one as it is rather than a blank', () => {
    expect(stateWord('introduced')).toBe('Introduced')
    expect(strengthWord(4)).toBe('Close')
    expect(stateWord('lost')).toBe('lost')
    expect(strengthWord(7)).toBe('7')
  })
})
