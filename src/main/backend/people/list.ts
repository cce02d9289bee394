// The people list, one window at a time, and the filters it offers.
import type { Facets, PeopleList } from '../../../shared/types'
import type { Args } from '../../../shared/contract'
import type { BackendState } from '../state'
import type { DirectoryEntry, KeptOrdering } from './directory'
import { normalizeOrgName } from '../../../shared/organisations'
import { normalizeLabel } from './records'

function byName(a: DirectoryEntry, b: DirectoryEntry): number {
  return a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id - b.id
}

/** Nulls last whichever the direction, then by name. */
function byValue(get: (e: DirectoryEntry) => string | number | null, direction: number) {
  return (a: DirectoryEntry, b: DirectoryEntry): number => {
    const x = get(a)
    const y = get(b)
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return direction * (x < y ? -1 : 1)
    }
    return byName(a, b)
  }
}

/**
 * Everyone a list shows, in its order. Made once, then kept in step with
 * writes: those changed are taken out and merged back in where they now
 * belong, one pass however many people there are.
 */
class SortedPeople implements KeptOrdering {
  entries: DirectoryEntry[]

  constructor(
    everyone: Iterable<DirectoryEntry>,
    private readonly belongs: (e: DirectoryEntry) => boolean,
    private readonly compare: (a: DirectoryEntry, b: DirectoryEntry) => number,
  ) {
    this.entries = [...everyone].filter(belongs).sort(compare)
  }

  follow(changed: ReadonlySet<number>, now: ReadonlyMap<number, DirectoryEntry>): void {
    const kept = this.entries.filter((e) => !changed.has(e.id))
    const back: DirectoryEntry[] = []
    for (const id of changed) {
      const entry = now.get(id)
      if (entry !== undefined && this.belongs(entry)) back.push(entry)
    }
    back.sort(this.compare)
    const merged: DirectoryEntry[] = []
    let k = 0
    for (const entry of back) {
      while (k < kept.length && this.compare(kept[k] as DirectoryEntry, entry) <= 0) merged.push(kept[k++] as DirectoryEntry)
      merged.push(entry)
    }
    while (k < kept.length) merged.push(kept[k++] as DirectoryEntry)
    this.entries = merged
  }
}

/** How many orderings of the list are kept (the sorts and filters asked for last). */
const KEPT_ORDERINGS = 8

/**
 * One window of the people list, in the order asked for. The whole ordering
 * is computed once and kept in step with every change, so scrolling through
 * 50,000 people fetches slices of it.
 */
export function listPeople(backend: BackendState, args: Args<'people.list'>): PeopleList {
  const directory = backend.directory()
  const key = JSON.stringify([args.sort, args.descending, args.tag, args.company, args.archived])
  let kept = directory.orderings.get(key)
  if (kept === undefined) {
    const tag = args.tag === null ? null : normalizeLabel(args.tag)
    // A company matches whatever its spelling ("Stripe" finds "Stripe, Inc."), as organisations do.
    const company = args.company === null ? null : normalizeOrgName(args.company)
    const norms = new Map<string, string>()
    const companyNorm = (name: string): string => {
      let n = norms.get(name)
      if (n === undefined) {
        n = normalizeOrgName(name)
        norms.set(name, n)
      }
      return n
    }
    const direction = args.descending ? -1 : 1
    kept = new SortedPeople(
      directory.entries.values(),
      (e) =>
        e.archived === args.archived &&
        (tag === null || e.tags.some((t) => normalizeLabel(t) === tag)) &&
        (company === null || (e.company !== null && companyNorm(e.company) === company)),
      args.sort === 'lastInteraction'
        ? byValue((e) => e.lastInteractionOn, direction)
        : args.sort === 'strength'
          ? byValue((e) => e.myStrength, direction)
          : (a, b) => direction * byName(a, b),
    )
    // Each kept ordering follows every write: only the few asked for last are kept.
    if (directory.orderings.size >= KEPT_ORDERINGS) directory.orderings.delete(directory.orderings.keys().next().value ?? '')
    directory.orderings.set(key, kept)
  }
  const ordered = kept.entries
  return {
    total: ordered.length,
    offset: args.offset,
    people: ordered.slice(args.offset, args.offset + args.limit).map((e) => ({
      id: e.id,
      name: e.name,
      company: e.company,
      title: e.title,
      tags: e.tags,
      isMe: e.isMe,
      archived: e.archived,
      lastInteractionOn: e.lastInteractionOn,
      myStrength: e.myStrength,
    })),
  }
}

export function facets(backend: BackendState): Facets {
  return backend.directory().facets()
}
