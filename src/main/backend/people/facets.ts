// The filters' tags and companies with how many people have each, kept in step with writes.
import type { Facets } from '../../../shared/types'
import { normalizeLabel } from './records'

/** How many tags and companies the filters offer: the most common ones. */
export const FACET_LIMIT = 500

/** What the filters read of a person (a `DirectoryEntry` of people/directory.ts). */
interface DirectoryEntry {
  id: number
  archived: boolean
  tags: readonly string[]
  company: string | null
}

interface Value {
  key: string
  /** as the first person to have it (by id) spells it */
  label: string
  count: number
  firstId: number
}

/** Most people first, then by label (no two values share a label: the key is made from it). */
const byCount = (a: Value, b: Value): number => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)

/**
 * One facet's values (tags, or companies) and how many people who are not
 * archived have each, in the order the filters offer them. A write changes
 * the counts of the few values its people had or have, and those are moved
 * to their new places: at 50,000 people with 35,000 companies, counting
 * everyone again took 80 to 110 ms after every save.
 */
class FacetValues {
  private readonly byKey = new Map<string, Value>()
  private order: Value[] = []

  constructor(private readonly valuesOf: (e: DirectoryEntry) => readonly (readonly [key: string, label: string])[]) {}

  /** Counts everyone (in id order, so each value is spelt as the first person to have it spells it). */
  countAll(entries: readonly DirectoryEntry[]): void {
    for (const e of entries) this.add(e)
    this.order = [...this.byKey.values()].sort(byCount)
  }

  top(limit: number): Value[] {
    return this.order.slice(0, limit)
  }

  /** These people changed from `before` to `after` (either may be missing): their values move to where they now belong. */
  follow(before: readonly DirectoryEntry[], after: readonly DirectoryEntry[], everyone: ReadonlyMap<number, DirectoryEntry>): void {
    const touched = new Set<Value>()
    for (const e of [...before, ...after]) {
      if (e.archived) continue
      for (const [key] of this.valuesOf(e)) {
        const value = this.byKey.get(key)
        if (value !== undefined) touched.add(value)
      }
    }
    for (const value of touched) this.order.splice(this.indexOf(value), 1)
    const respell = new Set<Value>()
    for (const e of before) {
      if (e.archived) continue
      for (const [key] of this.valuesOf(e)) {
        const value = this.byKey.get(key)
        if (value === undefined) continue
        value.count--
        if (value.firstId === e.id) respell.add(value)
      }
    }
    for (const e of after) {
      for (const value of this.add(e)) {
        touched.add(value)
        if (value.firstId === e.id) respell.delete(value)
      }
    }
    for (const value of respell) if (value.count > 0) this.respell(value, everyone)
    for (const value of touched) {
      if (value.count <= 0) {
        this.byKey.delete(value.key)
        continue
      }
      this.order.splice(this.insertionPoint(value), 0, value)
    }
  }

  /** Counts one person in; the values they have. Their first spelling of a value names it when no one before them (by id) has it. */
  private add(e: DirectoryEntry): Value[] {
    const values: Value[] = []
    if (e.archived) return values
    const spelt = new Set<string>()
    for (const [key, label] of this.valuesOf(e)) {
      let value = this.byKey.get(key)
      if (value === undefined) {
        value = { key, label, count: 0, firstId: e.id }
        this.byKey.set(key, value)
      } else if (e.id <= value.firstId && !spelt.has(key)) {
        // (the same id: this person, written again, may spell it another way now)
        value.label = label
        value.firstId = e.id
      }
      spelt.add(key)
      value.count++
      values.push(value)
    }
    return values
  }

  /** The spelling of the first person (by id) who still has it. */
  private respell(value: Value, everyone: ReadonlyMap<number, DirectoryEntry>): void {
    value.firstId = Number.POSITIVE_INFINITY
    for (const e of everyone.values()) {
      if (e.archived || e.id >= value.firstId) continue
      const mine = this.valuesOf(e).find(([key]) => key === value.key)
      if (mine === undefined) continue
      value.firstId = e.id
      value.label = mine[1]
    }
  }

  private insertionPoint(value: Value): number {
    let lo = 0
    let hi = this.order.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byCount(this.order[mid] as Value, value) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private indexOf(value: Value): number {
    const at = this.insertionPoint(value)
    if (this.order[at] !== value) throw new Error(`facet value ${value.key} is not where its count puts it`)
    return at
  }
}

/** The tags and companies the people list's filters offer, kept in step with writes by `PeopleDirectory.refresh`. */
export class FacetCounts {
  private readonly tags = new FacetValues((e) => e.tags.map((t) => [normalizeLabel(t), t] as const))
  private readonly companies = new FacetValues((e) => (e.company === null ? [] : [[e.company.toLowerCase(), e.company] as const]))

  constructor(entries: Iterable<DirectoryEntry>) {
    const byId = [...entries].sort((a, b) => a.id - b.id)
    this.tags.countAll(byId)
    this.companies.countAll(byId)
  }

  follow(before: readonly DirectoryEntry[], after: readonly DirectoryEntry[], everyone: ReadonlyMap<number, DirectoryEntry>): void {
    this.tags.follow(before, after, everyone)
    this.companies.follow(before, after, everyone)
  }

  facets(): Facets {
    return {
      tags: this.tags.top(FACET_LIMIT).map((v) => ({ label: v.label, count: v.count })),
      companies: this.companies.top(FACET_LIMIT).map((v) => ({ name: v.label, count: v.count })),
    }
  }
}
