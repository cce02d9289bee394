import { describe, expect, it } from 'vitest'
import type { ReviewEntry, ReviewList } from '../../../shared/imports'
import { reviewItemsText as itemsText, reviewOutcomeText as outcomeText } from '../../../shared/imports'
import { entryName, reviewGroups, sortEntries, waitingCount } from './review'

function entry(id: number, kind: ReviewEntry['kind'], name: string, extra: Partial<ReviewEntry> = {}): ReviewEntry {
  return {
    id,
    kind,
    batchId: 1,
    person: { id: id * 10, name },
    other: null,
    strength: null,
    relationshipKind: null,
    detail: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  }
}

const ana = entry(1, 'person', 'ana Silva', { batchId: 1 })
const zoe = entry(2, 'person', 'Zoë Müller', { batchId: 2 })
const ben = entry(3, 'person', 'Ben Ode', { batchId: 2 })
const tieWeak = entry(4, 'tie', 'Kenji Sato', { other: { id: 5, name: 'Ana Silva' }, strength: 2 })
const tieStrong = entry(5, 'tie', 'Dev Patel', { other: { id: 6, name: 'Kenji Sato' }, strength: 4 })

describe('the review page model', () => {
  it('names a tie by both people', () => {
    expect(entryName(tieWeak)).toBe('Kenji Sato and Ana Silva')
    expect(entryName(ana)).toBe('ana Silva')
  })

  it('sorts by name whatever the case, by strength strongest first, and by newest import', () => {
    expect(sortEntries([zoe, ben, ana], 'name').map((e) => e.id)).toEqual([1, 3, 2])
    expect(sortEntries([tieWeak, tieStrong], 'strength').map((e) => e.id)).toEqual([5, 4])
    expect(sortEntries([ana, zoe, ben], 'newest').map((e) => e.id)).toEqual([3, 2, 1])
  })

  it('puts entries without a strength after those with one', () => {
    expect(sortEntries([ana, tieWeak], 'strength').map((e) => e.id)).toEqual([4, 1])
  })

  it('leaves out empty groups and keeps new people first', () => {
    const list: ReviewList = { people: [zoe, ana], ties: [], strengths: [entry(6, 'strength', 'Kenji Sato', { strength: 3 })] }
    const groups = reviewGroups(list, 'name')
    expect(groups.map((g) => g.title)).toEqual(['New people', 'Estimated strengths'])
    expect(groups[0]?.entries.map((e) => e.id)).toEqual([1, 2])
    expect(waitingCount(list)).toBe(3)
    expect(reviewGroups({ people: [], ties: [], strengths: [] }, 'name')).toEqual([])
  })

  it('counts items in words, thousands grouped', () => {
    expect(itemsText(1)).toBe('1 item')
    expect(itemsText(4)).toBe('4 items')
    expect(itemsText(3999)).toBe('3,999 items')
  })

  it('says what a decision did, with the relationships that went with rejected people', () => {
    const none = { accepted: 0, rejected: 0, relationshipsCreated: 0, peopleDeleted: 0, relationshipsDeleted: 0 }
    expect(outcomeText({ ...none, accepted: 1, relationshipsCreated: 1 })).toBe('1 item accepted, 1 relationship added.')
    expect(outcomeText({ ...none, rejected: 2000, peopleDeleted: 2000, relationshipsDeleted: 1 })).toBe('2,000 items rejected, 2,000 people deleted, 1 relationship with them deleted.')
    expect(outcomeText(none)).toBe('nothing changed.')
  })
})
