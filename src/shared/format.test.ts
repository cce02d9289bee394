import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { daysAgo, formatBytes, groupThousands, plural } from './format'
import { IMPORT_LIMITS, importTooBigMessage } from './imports'

describe('daysAgo: one way to say how long ago, on the page, in the CLI and in path explanations', () => {
  it('reads in days up to 59, then in months, then in years', () => {
    expect(daysAgo(0)).toBe('today')
    expect(daysAgo(1)).toBe('yesterday')
    expect(daysAgo(45)).toBe('45 days ago')
    expect(daysAgo(59)).toBe('59 days ago')
    expect(daysAgo(60)).toBe('2 months ago')
    expect(daysAgo(600)).toBe('20 months ago')
    expect(daysAgo(729)).toBe('24 months ago')
    expect(daysAgo(730)).toBe('2 years ago')
  })

  it('does not call a date ahead of today "today"', () => {
    expect(daysAgo(-3)).toBe('in the future')
  })
})

describe('formatBytes', () => {
  it('says bytes, kilobytes or megabytes with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(4096)).toBe('4.0 KB')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(12 * 1024 * 1024)).toBe('12.0 MB')
    expect(formatBytes(50 * 1024 * 1024 + 1)).toBe('50.0 MB')
  })
})

describe('importTooBigMessage', () => {
  it('names the file, its size and the limit, and what to do', () => {
    expect(importTooBigMessage('contacts.vcf', 60 * 1024 * 1024)).toBe(
      'contacts.vcf is 60.0 MB; Kith imports files up to 50 MB. Split it, or export fewer contacts at a time.',
    )
    expect(importTooBigMessage('The file', IMPORT_LIMITS.bytes + 1)).toMatch(/^The file is 50\.0 MB; Kith imports files up to 50 MB/)
  })
})

describe('plural: a count with its noun in the right number', () => {
  it('says "1 new person" and "2 new people", "1 interaction" and "1,200 interactions"', () => {
    expect(plural(1, 'new person', 'new people')).toBe('1 new person')
    expect(plural(2, 'new person', 'new people')).toBe('2 new people')
    expect(plural(0, 'new person', 'new people')).toBe('0 new people')
    expect(plural(1, 'interaction')).toBe('1 interaction')
    expect(plural(1200, 'interaction')).toBe('1,200 interactions')
  })
})

describe('groupThousands: the limits in messages, as toLocaleString writes them', () => {
  it('groups whole numbers by thousands, as toLocaleString("en") does', () => {
    expect(groupThousands(0)).toBe('0')
    expect(groupThousands(999)).toBe('999')
    expect(groupThousands(1000)).toBe('1,000')
    expect(groupThousands(20_000)).toBe('20,000')
    expect(groupThousands(-1_234_567)).toBe('-1,234,567')
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupThousands(n) === n.toLocaleString('en')))
    expect(groupThousands(1234.5)).toBe((1234.5).toLocaleString('en'))
  })
})
