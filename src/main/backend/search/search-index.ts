import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js'
import { LetterFilter } from './letter-filter'
import { foldText, trigramCodes, wordStartCodes } from './normalize'

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
const SHORTLIST = 60

const FUSE_KEYS = [
  { name: 'name', weight: 4 },
  { name: 'aliases', weight: 3 },
  { name: 'company', weight: 1.5 },
  { name: 'title', weight: 1 },
  { name: 'tags', weight: 1 },
  { name: 'emails', weight: 1.5 },
]

const THRESHOLD = 0.45

const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
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

/**
 * Typo-tolerant people search that stays fast at 50,000 people: a trigram
 * index shortlists the people who share the most letter triples with the
 * query, and fuse.js ranks only that shortlist. fuse.js alone over every
 * record takes about a second a query at that size.
 */
export class SearchIndex {
  private readonly docs = new Map<number, SearchDoc>()
  private readonly gramsOf = new Map<number, number[]>()
  /** people ids by trigram code */
  private readonly postings: (number[] | undefined)[] = []
  /** codes for trigrams outside a-z, 0-9 */
  private readonly otherGrams = new Map<string, number>()
  private counts = new Uint16Array(1024)
  /**
   * fuse.js's prepared record of each person shortlisted so far, so a query
   * only lays out its shortlist instead of re-reading every field. Dropped
   * when the person changes.
   */
  private readonly prepared = new Map<number, Prepared>()
  /** One fuse.js searcher, given each query's shortlist. */
  private readonly fuse = new Fuse<SearchDoc>([], FUSE_OPTIONS)

  constructor(docs: Iterable<SearchDoc> = []) {
    for (const doc of docs) this.add(doc)
  }

  get size(): number {
    return this.docs.size
  }

  set(doc: SearchDoc): void {
    this.remove(doc.id)
    this.add(doc)
  }

  remove(id: number): void {
    const grams = this.gramsOf.get(id)
    if (grams === undefined) return
    for (const gram of grams) {
      const list = this.postings[gram]
      if (list === undefined) continue
      const at = list.indexOf(id)
      if (at >= 0) {
        list[at] = list[list.length - 1] ?? id
        list.pop()
      }
    }
    this.gramsOf.delete(id)
    this.docs.delete(id)
    this.prepared.delete(id)
  }

  private add(doc: SearchDoc): void {
    const text = docText(doc)
    const grams = trigramCodes(text, this.otherGrams)
    this.docs.set(doc.id, doc)
    this.gramsOf.set(doc.id, grams)
    for (const gram of grams) {
      const list = this.postings[gram]
      if (list === undefined) this.postings[gram] = [doc.id]
      else list.push(doc.id)
    }
    if (doc.id >= this.counts.length) {
      let size = this.counts.length
      while (size <= doc.id) size *= 2
      this.counts = new Uint16Array(size)
    }
  }

  /** The best matches, best first; `accept` filters (archived people, say) before ranking. */
  search(query: string, limit: number, accept: (id: number) => boolean = () => true): RankedHit[] {
    const folded = foldText(query)
    if (folded === '') return []
    const shortlist = folded.replace(/ /g, '').length < 3 ? this.prefixShortlist(folded, accept) : this.trigramShortlist(query, accept)
    if (shortlist.length === 0) return []
    const pattern = query.trim()
    const filter = new LetterFilter(pattern, THRESHOLD)
    // Records keep their place in the shortlist (i), which breaks fuse.js's ties as before.
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

  private trigramShortlist(query: string, accept: (id: number) => boolean): SearchDoc[] {
    const counts = this.counts
    const touched: number[] = []
    let best = 0
    for (const gram of trigramCodes(query, this.otherGrams, false)) {
      const list = this.postings[gram]
      if (list === undefined) continue
      for (const id of list) {
        const count = (counts[id] ?? 0) + 1
        if (count === 1) touched.push(id)
        counts[id] = count
        if (count > best) best = count
      }
    }
    // Keep the SHORTLIST best by shared trigrams, best count first and in the order met. Counts are
    // small: a histogram finds the lowest count that can still make the list, and only people at or
    // above it are sorted into buckets (all of them when people turned away leave the list short).
    const perCount = new Uint32Array(best + 1)
    for (const id of touched) {
      const count = counts[id] ?? 0
      perCount[count] = (perCount[count] ?? 0) + 1
    }
    let cutoff = best
    for (let have = perCount[best] ?? 0; cutoff > 1 && have < SHORTLIST; ) have += perCount[--cutoff] ?? 0
    let picked = this.pickBest(touched, best, cutoff, accept)
    if (picked.length < SHORTLIST && cutoff > 1) picked = this.pickBest(touched, best, 1, accept)
    for (const id of touched) counts[id] = 0
    return picked
  }

  private pickBest(touched: number[], best: number, cutoff: number, accept: (id: number) => boolean): SearchDoc[] {
    const counts = this.counts
    const buckets: number[][] = Array.from({ length: best + 1 }, () => [])
    for (const id of touched) {
      const count = counts[id] ?? 0
      if (count >= cutoff) buckets[count]?.push(id)
    }
    const picked: SearchDoc[] = []
    for (let c = best; c >= cutoff && c > 0 && picked.length < SHORTLIST; c--) {
      for (const id of buckets[c] ?? []) {
        if (picked.length >= SHORTLIST) break
        const doc = this.docs.get(id)
        if (doc !== undefined && accept(id)) picked.push(doc)
      }
    }
    return picked
  }

  /** One or two letters: people with a word starting with them. */
  private prefixShortlist(folded: string, accept: (id: number) => boolean): SearchDoc[] {
    const picked: SearchDoc[] = []
    const codes = wordStartCodes(folded)
    if (codes !== null) {
      for (const code of codes) {
        for (const id of this.postings[code] ?? []) {
          const doc = this.docs.get(id)
          if (doc !== undefined && accept(id) && !picked.includes(doc)) picked.push(doc)
          if (picked.length >= SHORTLIST) return picked
        }
      }
      return picked
    }
    for (const doc of this.docs.values()) {
      if (!accept(doc.id)) continue
      // Rare (one- and two-letter queries), so words are folded here rather than kept.
      if (foldText(docText(doc)).split(' ').some((w) => w.startsWith(folded))) picked.push(doc)
      if (picked.length >= SHORTLIST) break
    }
    return picked
  }
}
