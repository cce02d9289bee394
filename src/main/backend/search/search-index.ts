/**
 * Typo-tolerant people search that stays fast at 200,000 people: a trigram
 * index shortlists the people who share the most letter triples with the
 * query (ties broken by the letter pairs their names share with it), and
 * fuse.js ranks only that shortlist. fuse.js alone over every record takes
 * seconds a query at that size. See "People search" in docs/architecture.md.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js'
import { LetterFilter } from './letter-filter'
import { foldText, letterCode, PAIRS, trigramCodes, wordStartCodes } from './normalize'

export interface SearchDoc {
  id: number
  name: string
  aliases: string[]
  company: string | null
  title: string | null
  tags: string[]
  emails: string[]
}

export interface RankedHit {
  id: number
  score: number
}

/** How many trigram-matched candidates go on to fuse.js. */
const SHORTLIST = 20
/** At most this many people tied at the shortlist's lowest count are compared by letter pairs. */
const TIE_POOL = 4_000

const FUSE_KEYS = [
  { name: 'name', weight: 4 },
  { name: 'aliases', weight: 3 },
  { name: 'company', weight: 1.5 },
  { name: 'title', weight: 1 },
  { name: 'tags', weight: 1 },
  { name: 'emails', weight: 1.5 },
]

const THRESHOLD = 0.45

/** How Kith ranks with fuse.js; the bench gives fuse.js the same options over every record. */
export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: FUSE_KEYS,
  includeScore: true,
  ignoreLocation: true,
  threshold: THRESHOLD,
  ignoreDiacritics: true,
}

/** fuse.js's parsed form of FUSE_KEYS, which its per-query indexes share. */
const PARSED_KEYS = Fuse.createIndex(FUSE_KEYS, []).keys

type IndexRecord = FuseIndex<SearchDoc>['records'][number]
/** fuse.js's prepared fields for one person (values and their length norms). */
type Prepared = NonNullable<IndexRecord['$']>
type PreparedValue = Prepared[number]

/** The fields of a person that could match (see LetterFilter), or null when none could. */
function keepMatchable(fields: Prepared, filter: LetterFilter): Prepared | null {
  const kept: Prepared = {}
  let any = false
  for (const key of Object.keys(fields)) {
    const at = Number(key)
    const value: PreparedValue | undefined = fields[at]
    if (value === undefined) continue
    if (Array.isArray(value)) {
      const some = value.filter((item) => filter.mayMatch(item.v))
      if (some.length === 0) continue
      kept[at] = some.length === value.length ? value : some
    } else if (filter.mayMatch(value.v)) {
      kept[at] = value
    } else {
      continue
    }
    any = true
  }
  return any ? kept : null
}

const EMPTY_INDEX = Fuse.createIndex<SearchDoc>(FUSE_KEYS, [])

function docText(doc: SearchDoc): string {
  return [doc.name, ...doc.aliases, doc.company ?? '', doc.title ?? '', ...doc.tags, ...doc.emails].join(' ')
}

/** Room for at least `need` numbers, keeping the first `used`. */
function grown(list: Int32Array, used: number, need: number): Int32Array {
  if (need <= list.length) return list
  const next = new Int32Array(Math.max(need, list.length * 2, 8))
  next.set(list.subarray(0, used))
  return next
}

/**
 * People are held by slot (their place in `docs`); a changed person gets a
 * new slot and the old one is left empty, so posting lists only ever grow
 * at their end. When a third of the slots are empty the index is rebuilt.
 */
export class SearchIndex {
  private docs: (SearchDoc | undefined)[] = []
  /** name and aliases, folded, by slot: what ties are broken by */
  private names: string[] = []
  private readonly slotOf = new Map<number, number>()
  /** slots by trigram code, each list's first `used[code]` entries */
  private postings: Int32Array[] = []
  private used: number[] = []
  /** codes for trigrams outside a-z, 0-9 */
  private otherGrams = new Map<string, number>()
  private empty = 0
  /** per query scratch, by slot: shared trigrams, and the slots met */
  private counts = new Uint16Array(0)
  private met = new Int32Array(0)
  /** per query scratch: the query's letter pairs, and pairs already counted for one person */
  private readonly queryPairs = new Uint32Array(PAIRS)
  private readonly seenPairs = new Uint32Array(PAIRS)
  private stamp = 0
  /**
   * fuse.js's prepared record of each person shortlisted so far, so a query
   * only lays out its shortlist instead of re-reading every field. Dropped
   * when the person changes.
   */
  private readonly prepared = new Map<number, Prepared>()
  /** One fuse.js searcher, given each query's shortlist. */
  private readonly fuse = new Fuse<SearchDoc>([], FUSE_OPTIONS)

  constructor(docs: Iterable<SearchDoc> = []) {
    this.build([...docs])
  }

  get size(): number {
    return this.slotOf.size
  }

  set(doc: SearchDoc): void {
    this.remove(doc.id)
    this.add(doc)
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.slotOf.delete(id)
    this.docs[slot] = undefined
    this.names[slot] = ''
    this.prepared.delete(id)
    this.empty++
    if (this.empty > 1_000 && this.empty * 3 > this.docs.length) this.build(this.docs.filter((d) => d !== undefined))
  }

  /** Everyone at once: trigrams counted first, so each posting list is allocated once at its size. */
  private build(docs: SearchDoc[]): void {
    const others = new Map<string, number>()
    const gramsOf = docs.map((doc) => trigramCodes(docText(doc), others))
    const lengths: number[] = []
    for (const grams of gramsOf) for (const g of grams) lengths[g] = (lengths[g] ?? 0) + 1
    const postings: Int32Array[] = []
    const used: number[] = []
    for (let g = 0; g < lengths.length; g++) {
      postings.push(new Int32Array(lengths[g] ?? 0))
      used.push(0)
    }
    gramsOf.forEach((grams, slot) => {
      for (const g of grams) {
        const list = postings[g]
        const at = used[g] ?? 0
        if (list !== undefined) list[at] = slot
        used[g] = at + 1
      }
    })
    this.docs = docs
    this.names = docs.map((doc) => foldText([doc.name, ...doc.aliases].join(' ')))
    this.slotOf.clear()
    docs.forEach((doc, slot) => this.slotOf.set(doc.id, slot))
    this.postings = postings
    this.used = used
    this.otherGrams = others
    this.empty = 0
    this.counts = new Uint16Array(docs.length + 1024)
    this.met = new Int32Array(docs.length + 1024)
  }

  private add(doc: SearchDoc): void {
    const slot = this.docs.length
    this.docs.push(doc)
    this.names.push(foldText([doc.name, ...doc.aliases].join(' ')))
    this.slotOf.set(doc.id, slot)
    for (const g of trigramCodes(docText(doc), this.otherGrams)) {
      while (this.postings.length <= g) {
        this.postings.push(new Int32Array(0))
        this.used.push(0)
      }
      const at = this.used[g] ?? 0
      const list = grown(this.postings[g] ?? new Int32Array(0), at, at + 1)
      list[at] = slot
      this.postings[g] = list
      this.used[g] = at + 1
    }
    if (slot >= this.counts.length) {
      const size = Math.max(slot + 1, this.counts.length * 2)
      this.counts = new Uint16Array(size)
      this.met = new Int32Array(size)
    }
  }

  /** The best matches, best first; `accept` filters (archived people, say) before ranking. */
  search(query: string, limit: number, accept: (id: number) => boolean = () => true): RankedHit[] {
    const folded = foldText(query)
    if (folded === '') return []
    const shortlist = folded.replace(/ /g, '').length < 3 ? this.prefixShortlist(folded, accept) : this.trigramShortlist(query, folded, accept)
    if (shortlist.length === 0) return []
    const pattern = query.trim()
    const filter = new LetterFilter(pattern, THRESHOLD)
    // Records keep their place in the shortlist (i), which breaks fuse.js's ties.
    const records: IndexRecord[] = []
    shortlist.forEach((doc, i) => {
      const fields = keepMatchable(this.preparedFor(doc), filter)
      if (fields !== null) records.push({ i, $: fields })
    })
    if (records.length === 0) return []
    this.fuse.setCollection(shortlist, Fuse.parseIndex<SearchDoc>({ keys: PARSED_KEYS, records }))
    const hits = this.fuse.search(pattern, { limit }).map((r) => ({ id: r.item.id, score: r.score ?? 1 }))
    // Let go of the shortlist until the next query.
    this.fuse.setCollection([], EMPTY_INDEX)
    return hits
  }

  private preparedFor(doc: SearchDoc): Prepared {
    let fields = this.prepared.get(doc.id)
    if (fields === undefined) {
      fields = Fuse.createIndex(FUSE_KEYS, [doc]).records[0]?.$ ?? {}
      this.prepared.set(doc.id, fields)
    }
    return fields
  }

  private trigramShortlist(query: string, folded: string, accept: (id: number) => boolean): SearchDoc[] {
    const counts = this.counts
    const met = this.met
    let touched = 0
    let best = 0
    for (const gram of trigramCodes(query, this.otherGrams, false)) {
      const list = this.postings[gram]
      const n = this.used[gram] ?? 0
      if (list === undefined) continue
      for (let k = 0; k < n; k++) {
        const slot = list[k] ?? 0
        const count = (counts[slot] ?? 0) + 1
        if (count === 1) met[touched++] = slot
        counts[slot] = count
        if (count > best) best = count
      }
    }
    // Counts are small: a histogram finds the lowest count that can still make the list. Everyone
    // above it goes on; those at it are ranked by the letter pairs their names share with the query.
    const perCount = new Uint32Array(best + 1)
    for (let k = 0; k < touched; k++) {
      const count = counts[met[k] ?? 0] ?? 0
      perCount[count] = (perCount[count] ?? 0) + 1
    }
    let cutoff = best
    for (let have = perCount[best] ?? 0; cutoff > 1 && have < SHORTLIST; ) have += perCount[--cutoff] ?? 0
    let picked = this.pickBest(touched, cutoff, folded, accept)
    if (picked.length < SHORTLIST && cutoff > 1) picked = this.pickBest(touched, 1, folded, accept)
    for (let k = 0; k < touched; k++) counts[met[k] ?? 0] = 0
    return picked
  }

  private pickBest(touched: number, cutoff: number, folded: string, accept: (id: number) => boolean): SearchDoc[] {
    const counts = this.counts
    const met = this.met
    const above: number[] = []
    const tied: number[] = []
    for (let k = 0; k < touched; k++) {
      const slot = met[k] ?? 0
      const count = counts[slot] ?? 0
      if (count > cutoff) above.push(slot)
      else if (count === cutoff && tied.length < TIE_POOL) tied.push(slot)
    }
    // Array sort is stable: equal keys keep the order met.
    above.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
    const picked: SearchDoc[] = []
    const take = (slot: number): void => {
      const doc = this.docs[slot]
      if (doc !== undefined && accept(doc.id)) picked.push(doc)
    }
    for (const slot of above) {
      if (picked.length >= SHORTLIST) return picked
      take(slot)
    }
    if (picked.length >= SHORTLIST || tied.length === 0) return picked
    const pairs = this.pairScores(tied, folded)
    const order = tied.map((_, k) => k).sort((a, b) => (pairs[b] ?? 0) - (pairs[a] ?? 0))
    for (const k of order) {
      if (picked.length >= SHORTLIST) break
      take(tied[k] ?? 0)
    }
    return picked
  }

  /** For each slot, how many of the query's letter pairs (word edges included) its names hold. */
  private pairScores(slots: readonly number[], folded: string): Uint16Array {
    const want = this.queryPairs
    const seen = this.seenPairs
    const queryStamp = ++this.stamp
    forEachPair(folded, (code) => {
      want[code] = queryStamp
    })
    const scores = new Uint16Array(slots.length)
    slots.forEach((slot, k) => {
      const personStamp = ++this.stamp
      let shared = 0
      forEachPair(this.names[slot] ?? '', (code) => {
        if (want[code] === queryStamp && seen[code] !== personStamp) {
          seen[code] = personStamp
          shared++
        }
      })
      scores[k] = shared
    })
    return scores
  }

  /** One or two letters: people with a word starting with them. */
  private prefixShortlist(folded: string, accept: (id: number) => boolean): SearchDoc[] {
    const picked: SearchDoc[] = []
    const codes = wordStartCodes(folded)
    if (codes !== null) {
      const taken = new Set<number>()
      for (const code of codes) {
        const list = this.postings[code]
        const n = this.used[code] ?? 0
        if (list === undefined) continue
        for (let k = 0; k < n; k++) {
          const slot = list[k] ?? 0
          const doc = this.docs[slot]
          if (doc === undefined || taken.has(slot) || !accept(doc.id)) continue
          taken.add(slot)
          picked.push(doc)
          if (picked.length >= SHORTLIST) return picked
        }
      }
      return picked
    }
    for (const doc of this.docs) {
      if (doc === undefined || !accept(doc.id)) continue
      // Rare (one- and two-letter queries), so words are folded here rather than kept.
      if (foldText(docText(doc)).split(' ').some((w) => w.startsWith(folded))) picked.push(doc)
      if (picked.length >= SHORTLIST) break
    }
    return picked
  }
}

/** Calls `visit` with the code of each letter pair of folded text, words padded by a space each side. */
function forEachPair(folded: string, visit: (code: number) => void): void {
  let before = 0
  for (let i = 0; i <= folded.length; i++) {
    const here = i < folded.length ? letterCode(folded.charCodeAt(i)) : 0
    if (before >= 0 && here >= 0 && before + here > 0) visit(before * 37 + here)
    before = here
  }
}
