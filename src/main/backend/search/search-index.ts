/**
 * Typo-tolerant people search that stays fast at 200,000 people: a trigram
 * index shortlists the people who share the most letter triples with the
 * query (ties broken by the letter pairs their names share with it), and
 * fuse.js ranks only that shortlist. fuse.js alone over every record takes
 * seconds a query at that size. See "People search" in docs/architecture.md.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js'
import { LetterFilter } from './letter-filter'
import { appendTrigramCodes, ASCII_GRAMS, foldText, letterCode, PAIRS, trigramCodes, wordStartCodes, type CodeBuffer } from './normalize'

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
/** More people than this at the shortlist's lowest count, and the plain count is cheaper than putting them in order. */
const MAX_REORDERED = 20_000
/** Slots counted at a time by `countByBlocks`: their counts fit the processor's first cache. */
const BLOCK = 8_192
const EMPTY_LIST = new Int32Array(0)
const EMPTY_BITS = new Uint32Array(0)
/**
 * A posting list is looked up in a bit set (one bit a slot) only when it holds at least one slot
 * in this many, so that the set takes no more room than the list (four bytes a slot).
 */
const BITSET_RATIO = 32

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

/** What search reads of a person, field by field. */
function searchedTexts(doc: SearchDoc): string[] {
  return [doc.name, ...doc.aliases, doc.company ?? '', doc.title ?? '', ...doc.tags, ...doc.emails]
}

function docText(doc: SearchDoc): string {
  return searchedTexts(doc).join(' ')
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
/**
 * Everyone's trigram codes and folded names, gathered some people at a time
 * (`gather`), for `new SearchIndex(gathering)` to make the index from: the
 * warm-up gathers a step at a time and lets calls in between. `docs` is
 * taken as it is when the gathering starts.
 */
export class SearchGathering {
  readonly others = new Map<string, number>()
  /** person after person; `ends[slot]` is where theirs end */
  readonly gathered: CodeBuffer
  readonly ends: Int32Array
  /** name and aliases, folded, by slot */
  readonly names: string[] = []
  private next = 0

  constructor(readonly docs: SearchDoc[]) {
    this.gathered = { codes: new Int32Array(Math.max(1_024, docs.length * 96)), length: 0 }
    this.ends = new Int32Array(docs.length)
  }

  /** Gathers the next `count` people's; says whether anyone is left. */
  gather(count: number): boolean {
    const { docs, gathered, ends, names, others } = this
    const to = Math.min(docs.length, this.next + count)
    for (let slot = this.next; slot < to; slot++) {
      const doc = docs[slot]
      if (doc !== undefined) appendTrigramCodes(searchedTexts(doc), others, true, gathered)
      ends[slot] = gathered.length
      names.push(doc === undefined ? '' : foldText([doc.name, ...doc.aliases].join(' ')))
    }
    this.next = to
    return to < docs.length
  }
}

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
  /** per query scratch, by slot: the first of the query's triples (in its order) that the person holds */
  private firstGram = new Uint16Array(0)
  /** per block scratch for `countByBlocks`, by slot within the block */
  private readonly blockCounts = new Uint16Array(BLOCK)
  private readonly blockFirst = new Uint16Array(BLOCK)
  private readonly blockMet = new Int32Array(BLOCK)
  /** The bit sets of the posting lists looked up so far (see `bitsetOf`), by triple code. */
  private readonly bitsets = new Map<number, { bits: Uint32Array; upTo: number }>()
  /** how many slots of `met` the last count filled */
  private touched = 0
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

  /**
   * `countEvery` makes every query count every posting list of its triples, without the
   * pruning of `countByBlocks`: the tests compare the two.
   */
  constructor(
    docs: Iterable<SearchDoc> | SearchGathering = [],
    private readonly countEvery = false,
    building: 'at once' | 'in steps' = 'at once',
  ) {
    this.steps = this.building(docs instanceof SearchGathering ? docs : new SearchGathering([...docs]))
    if (building === 'at once') this.finishBuild()
  }

  /** What is left of a build in steps (null once built): nothing may search the index until it is done. */
  private steps: Generator<void, void, void> | null

  /** The next piece of a build in steps, done now; says whether anything is left. */
  buildStep(): boolean {
    if (this.steps === null) return false
    if (this.steps.next().done !== true) return true
    this.steps = null
    return false
  }

  /** Whatever is left of a build in steps, now. */
  finishBuild(): void {
    while (this.buildStep());
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
    if (this.empty > 1_000 && this.empty * 3 > this.docs.length) {
      const steps = this.building(new SearchGathering(this.docs.filter((d) => d !== undefined)))
      while (steps.next().done !== true);
    }
  }

  /**
   * Everyone: everyone's trigram codes gathered in one array (what the gathering has not gathered
   * yet, now), the lists' lengths counted from it, then every posting written into one array,
   * each list a view of its part. Its steps are its passes (at 50,000 people, one step of about
   * 0.1 s made of four passes of 15 to 40 ms); the index is used only once they are all taken.
   */
  private *building(gathering: SearchGathering): Generator<void, void, void> {
    while (gathering.gather(Number.MAX_SAFE_INTEGER));
    const { docs, others, gathered, ends } = gathering
    const codes = gathered.codes
    const grams = ASCII_GRAMS + others.size
    // Where each list starts in the array of every posting.
    const starts = new Int32Array(grams + 1)
    for (let k = 0; k < gathered.length; k++) {
      const g = (codes[k] ?? 0) + 1
      starts[g] = (starts[g] ?? 0) + 1
    }
    for (let g = 0; g < grams; g++) starts[g + 1] = (starts[g + 1] ?? 0) + (starts[g] ?? 0)
    yield
    const every = new Int32Array(gathered.length)
    const next = starts.slice(0, grams)
    for (let slot = 0, k = 0; slot < docs.length; slot++) {
      for (const end = ends[slot] ?? 0; k < end; k++) {
        const g = codes[k] ?? 0
        const at = next[g] ?? 0
        every[at] = slot
        next[g] = at + 1
      }
    }
    yield
    const postings: Int32Array[] = []
    const used: number[] = []
    for (let g = 0; g < grams; g++) {
      const from = starts[g] ?? 0
      const to = starts[g + 1] ?? 0
      // A view: a person added later gets a list of its own (`grown`), never past the view's end.
      postings.push(to === from ? EMPTY_LIST : every.subarray(from, to))
      used.push(to - from)
    }
    yield
    this.docs = docs
    this.names = gathering.names
    this.slotOf.clear()
    docs.forEach((doc, slot) => this.slotOf.set(doc.id, slot))
    this.postings = postings
    this.used = used
    this.bitsets.clear()
    this.otherGrams = others
    this.empty = 0
    this.counts = new Uint16Array(docs.length + 1024)
    this.met = new Int32Array(docs.length + 1024)
    this.firstGram = new Uint16Array(docs.length + 1024)
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
      this.firstGram = new Uint16Array(size)
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
    // Triples nobody holds count for nobody: leave them out, so the bounds below stay tight.
    const grams = trigramCodes(query, this.otherGrams, false).filter((g) => (this.used[g] ?? 0) > 0)
    const reached = this.countEvery ? null : this.countByBlocks(grams)
    let picked: SearchDoc[] | null = null
    if (reached !== null) {
      picked = this.pickBest(reached.slots, reached.slots.length, reached.cutoff, folded, accept)
      // Too few of them accepted: everyone met is needed after all.
      if (picked.length < SHORTLIST && reached.cutoff > 1) picked = null
    }
    this.clearCounts()
    return picked ?? this.countEveryList(grams, folded, accept)
  }

  /**
   * Counts the triples each person shares with the query a block of slots at a time, reading whole
   * posting lists only where they could change the shortlist. Once twenty people share at least
   * `floor` triples, the shortlist's lowest count will be at least `floor`, so someone found only in
   * fewer than `floor` of the lists cannot make it: the longest such lists (" ma", "er " on a
   * common name) are no longer read, only looked up in their bit sets for the people the other
   * lists find with enough triples to still make it. The block's counts stay in the processor's
   * cache, which a count over every slot does not at 200,000 people.
   *
   * Returns the people at or above the shortlist's lowest count, in the order the plain count
   * (`countEveryList`) meets them, with their counts in `counts`, so `pickBest` picks exactly what
   * it would; null when too many tie for that order to be cheap. `clearCounts` clears after it.
   */
  private countByBlocks(grams: readonly number[]): { slots: number[]; cutoff: number } | null {
    const total = grams.length
    if (total === 0) return null
    const slots = this.docs.length
    const lists = grams.map((g) => this.postings[g] ?? EMPTY_LIST)
    const lengths = grams.map((g) => this.used[g] ?? 0)
    const longestFirst = grams.map((_, qi) => qi).sort((x, y) => (lengths[y] ?? 0) - (lengths[x] ?? 0))
    // Only lists long enough that their bit set is no bigger than they are may be looked up.
    let mayLookUp = 0
    while (mayLookUp < total && (lengths[longestFirst[mayLookUp] ?? 0] ?? 0) * BITSET_RATIO >= slots) mayLookUp++
    const bits: Uint32Array[] = []
    const cursor = new Int32Array(total)
    const blockCounts = this.blockCounts
    const blockFirst = this.blockFirst
    const blockMet = this.blockMet
    // Everyone kept: at or above the floor when counted.
    const histogram = new Uint32Array(total + 1)
    const counts = this.counts
    const first = this.firstGram
    const met = this.met
    let touched = 0
    let floor = 0
    let lookedUp = 0
    for (let start = 0; start < slots; start += BLOCK) {
      let metHere = 0
      for (let r = lookedUp; r < total; r++) {
        const qi = longestFirst[r] ?? 0
        const list = lists[qi] ?? EMPTY_LIST
        const n = lengths[qi] ?? 0
        let k = cursor[qi] ?? 0
        for (; k < n; k++) {
          const at = (list[k] ?? 0) - start
          if (at >= BLOCK) break
          const count = blockCounts[at] ?? 0
          if (count === 0) {
            blockMet[metHere++] = at
            blockFirst[at] = qi
          } else if (qi < (blockFirst[at] ?? 0)) {
            blockFirst[at] = qi
          }
          blockCounts[at] = count + 1
        }
        cursor[qi] = k
      }
      for (let j = 0; j < metHere; j++) {
        const at = blockMet[j] ?? 0
        let count = blockCounts[at] ?? 0
        blockCounts[at] = 0
        if (count + lookedUp < floor) continue
        const slot = start + at
        let firstGram = blockFirst[at] ?? 0
        for (let r = 0; r < lookedUp && count + lookedUp - r >= floor; r++) {
          if ((((bits[r] ?? EMPTY_BITS)[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0) {
            count++
            const qi = longestFirst[r] ?? 0
            if (qi < firstGram) firstGram = qi
          }
        }
        if (count >= floor) {
          counts[slot] = count
          first[slot] = firstGram
          met[touched++] = slot
          histogram[count] = (histogram[count] ?? 0) + 1
        }
      }
      // The floor only rises; from the next block on, the longest lists it allows are looked up.
      for (let have = 0, c = total; c > floor; c--) {
        have += histogram[c] ?? 0
        if (have >= SHORTLIST) {
          floor = c
          break
        }
      }
      while (lookedUp < Math.min(floor - 1, mayLookUp)) bits.push(this.bitsetOf(grams[longestFirst[lookedUp++] ?? 0] ?? 0))
    }
    this.touched = touched
    // Everyone at or above the floor is kept with their whole count, and at least SHORTLIST are
    // once the floor is above 0 (before that, everyone met is), so this is the plain count's cutoff.
    let best = total
    while (best > 0 && (histogram[best] ?? 0) === 0) best--
    let cutoff = best
    for (let have = histogram[best] ?? 0; cutoff > 1 && have < SHORTLIST; ) have += histogram[--cutoff] ?? 0
    let reaching = 0
    for (let c = cutoff; c <= total; c++) reaching += histogram[c] ?? 0
    if (reaching > MAX_REORDERED) return null
    // The plain count meets people list by list in query order, each list in slot order.
    const stride = counts.length
    const keys = new Float64Array(reaching)
    for (let k = 0, j = 0; k < touched; k++) {
      const slot = met[k] ?? 0
      if ((counts[slot] ?? 0) >= cutoff) keys[j++] = (first[slot] ?? 0) * stride + slot
    }
    keys.sort()
    return { slots: Array.from(keys, (key) => key % stride), cutoff }
  }

  /**
   * The slots of a triple's posting list as a bit set, made the first time a query looks the list
   * up and brought up to date with what was added to the list since.
   */
  private bitsetOf(gram: number): Uint32Array {
    const list = this.postings[gram] ?? EMPTY_LIST
    const n = this.used[gram] ?? 0
    const words = (this.docs.length >>> 5) + 1
    let kept = this.bitsets.get(gram)
    if (kept === undefined) {
      kept = { bits: new Uint32Array(words), upTo: 0 }
      this.bitsets.set(gram, kept)
    } else if (kept.bits.length < words) {
      const bigger = new Uint32Array(Math.max(words, kept.bits.length * 2))
      bigger.set(kept.bits)
      kept.bits = bigger
    }
    const bits = kept.bits
    for (let k = kept.upTo; k < n; k++) {
      const slot = list[k] ?? 0
      bits[slot >>> 5] = (bits[slot >>> 5] ?? 0) | (1 << (slot & 31))
    }
    kept.upTo = n
    return bits
  }

  /** Sets back to 0 the counts of everyone the last query met. */
  private clearCounts(): void {
    for (let k = 0; k < this.touched; k++) this.counts[this.met[k] ?? 0] = 0
    this.touched = 0
  }

  /** The shortlist from a count of every posting list of the query's triples, in query order. */
  private countEveryList(grams: readonly number[], folded: string, accept: (id: number) => boolean): SearchDoc[] {
    const counts = this.counts
    const met = this.met
    let touched = 0
    let best = 0
    for (const gram of grams) {
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
    this.touched = touched
    // Counts are small: a histogram finds the lowest count that can still make the list. Everyone
    // above it goes on; those at it are ranked by the letter pairs their names share with the query.
    const perCount = new Uint32Array(best + 1)
    for (let k = 0; k < touched; k++) {
      const count = counts[met[k] ?? 0] ?? 0
      perCount[count] = (perCount[count] ?? 0) + 1
    }
    let cutoff = best
    for (let have = perCount[best] ?? 0; cutoff > 1 && have < SHORTLIST; ) have += perCount[--cutoff] ?? 0
    let picked = this.pickBest(met, touched, cutoff, folded, accept)
    if (picked.length < SHORTLIST && cutoff > 1) picked = this.pickBest(met, touched, 1, folded, accept)
    this.clearCounts()
    return picked
  }

  /** From the first `touched` of `slots` (in the order met): everyone above `cutoff` by count, then those at it by letter pairs. */
  private pickBest(slots: ArrayLike<number>, touched: number, cutoff: number, folded: string, accept: (id: number) => boolean): SearchDoc[] {
    const counts = this.counts
    const above: number[] = []
    const tied: number[] = []
    for (let k = 0; k < touched; k++) {
      const slot = slots[k] ?? 0
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
    for (const k of byScoreDescending(pairs)) {
      if (picked.length >= SHORTLIST) break
      take(tied[k] ?? 0)
    }
    return picked
  }

  /** For each slot, how many of the query's letter pairs (word edges included) its names hold. */
  private pairScores(slots: readonly number[], folded: string): Uint16Array {
    const want = this.queryPairs
    const seen = this.seenPairs
    // Stamps count up by one a person: start again before they outgrow the arrays.
    if (this.stamp > 0x7fffffff) {
      want.fill(0)
      seen.fill(0)
      this.stamp = 0
    }
    const queryStamp = ++this.stamp
    forEachPair(folded, (code) => {
      want[code] = queryStamp
    })
    const scores = new Uint16Array(slots.length)
    for (let k = 0; k < slots.length; k++) {
      const name = this.names[slots[k] ?? 0] ?? ''
      const personStamp = ++this.stamp
      let shared = 0
      // forEachPair's walk, written out: this runs for thousands of namesakes a query.
      let before = 0
      for (let i = 0; i <= name.length; i++) {
        const here = i < name.length ? letterCode(name.charCodeAt(i)) : 0
        if (before >= 0 && here >= 0 && before + here > 0) {
          const code = before * 37 + here
          if (want[code] === queryStamp && seen[code] !== personStamp) {
            seen[code] = personStamp
            shared++
          }
        }
        before = here
      }
      scores[k] = shared
    }
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

/** The places of `scores`, highest score first, equal scores in their order (a counting sort). */
function byScoreDescending(scores: Uint16Array): Int32Array {
  let most = 0
  for (const score of scores) if (score > most) most = score
  const next = new Int32Array(most + 2)
  for (const score of scores) next[most - score + 1] = (next[most - score + 1] ?? 0) + 1
  for (let s = 1; s <= most + 1; s++) next[s] = (next[s] ?? 0) + (next[s - 1] ?? 0)
  const order = new Int32Array(scores.length)
  scores.forEach((score, k) => {
    const at = next[most - score] ?? 0
    order[at] = k
    next[most - score] = at + 1
  })
  return order
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
