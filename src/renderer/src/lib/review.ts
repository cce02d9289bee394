/**
 * What the review page shows, apart from React: the groups of what archive
 * imports learned, how each group sorts, and the words for counts.
 */
import type { ReviewEntry, ReviewList } from '../../../shared/imports'

export const REVIEW_SORTS = ['name', 'strength', 'newest'] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]

export const SORT_LABELS: Record<ReviewSort, string> = {
  name: 'Name',
  strength: 'Strength (strongest first)',
  newest: 'Newest import first',
}

export interface ReviewGroup {
  key: keyof ReviewList
  title: string
  /** what accepting or rejecting one means, under the group's title */
  hint: string
  entries: ReviewEntry[]
}

/** The name an entry is known by: "Ana Silva", or "Ana Silva and Kenji Sato" for a tie. */
export function entryName(entry: ReviewEntry): string {
  return entry.other === null ? entry.person.name : `${entry.person.name} and ${entry.other.name}`
}

const byName = (a: ReviewEntry, b: ReviewEntry): number =>
  entryName(a).localeCompare(entryName(b), undefined, { sensitivity: 'base' }) || a.id - b.id

/** One group's entries in the chosen order (a new array); entries without a strength come last. */
export function sortEntries(entries: readonly ReviewEntry[], sort: ReviewSort): ReviewEntry[] {
  const copy = [...entries]
  if (sort === 'name') return copy.sort(byName)
  if (sort === 'newest') return copy.sort((a, b) => b.batchId - a.batchId || byName(a, b))
  return copy.sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0) || byName(a, b))
}

/** The non-empty groups, new people first, each sorted. */
export function reviewGroups(list: ReviewList, sort: ReviewSort): ReviewGroup[] {
  const groups: ReviewGroup[] = [
    {
      key: 'people',
      title: 'New people',
      hint: 'Accept keeps them. Reject deletes them, with what the import learned about them.',
      entries: sortEntries(list.people, sort),
    },
    {
      key: 'ties',
      title: 'Proposed ties',
      hint: 'Accept makes them a relationship; edit its strength or kind first if you know better. Reject and Kith will not propose it again.',
      entries: sortEntries(list.ties, sort),
    },
    {
      key: 'strengths',
      title: 'Estimated strengths',
      hint: 'How well you know them, from your mail and calendar. Accept keeps it; to change it, set the strength on their page.',
      entries: sortEntries(list.strengths, sort),
    },
  ]
  return groups.filter((g) => g.entries.length > 0)
}

/** How many items wait for review. */
export function waitingCount(list: ReviewList): number {
  return list.people.length + list.ties.length + list.strengths.length
}
