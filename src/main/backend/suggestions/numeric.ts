/** Small numeric helpers of the weekly list's hot loops (`suggest.ts`). */

/** Bits set in a 32-bit word. */
export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** The first position in the ascending `list` whose value is above `after`. */
export function firstAbove(list: ArrayLike<number>, after: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((list[mid] ?? 0) <= after) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The k-th largest of these values (1 is the largest); reorders them. */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = values.length - k
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] ?? 0
    let i = lo
    let j = hi
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++
      while ((values[j] ?? 0) > pivot) j--
      if (i <= j) {
        const t = values[i] ?? 0
        values[i] = values[j] ?? 0
        values[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return values[target] ?? -Infinity
}

/**
 * A running bar: the k-th largest of the scores offered so far (-Infinity
 * until k have been offered), kept in a min-heap of k. Over different
 * people (`overDifferentPeople`), it holds the k best pairs offered of which
 * no two share a person: a pair sharing someone with a pair held is
 * refused, and a pair that falls out frees its two people. Either way every
 * pair held is at or above the bar, and the bar only rises.
 */
export class RunningBar {
  private readonly heap: Float64Array
  /** the two people of each pair held, and whether each person is in one (over different people only) */
  private readonly heldA: Int32Array | null = null
  private readonly heldB: Int32Array | null = null
  private readonly held: Uint8Array | null = null
  private size = 0
  /**
   * The bar itself: a field, not a getter, since the pair loops read it for
   * every pair, mostly before the engine has optimised them (a getter there
   * took a tenth of the weekly list's first computation with interests).
   */
  bar = -Infinity

  constructor(
    readonly k: number,
    people = 0,
  ) {
    this.heap = new Float64Array(k)
    if (people > 0) {
      this.heldA = new Int32Array(k)
      this.heldB = new Int32Array(k)
      this.held = new Uint8Array(people)
    }
  }

  static overDifferentPeople(k: number, people: number): RunningBar {
    return new RunningBar(k, Math.max(1, people))
  }

  /** Offers the score of the pair of a and b. */
  offer(score: number, a: number, b: number): void {
    const { heap, heldA, heldB, held } = this
    if (held !== null && (held[a] === 1 || held[b] === 1)) return
    let at: number
    if (this.size < this.k) {
      // Sift up.
      at = this.size++
      while (at > 0) {
        const parent = (at - 1) >>> 1
        if ((heap[parent] ?? 0) <= score) break
        this.move(parent, at)
        at = parent
      }
    } else {
      if (score <= (heap[0] ?? 0)) return
      if (held !== null) {
        held[heldA?.[0] ?? 0] = 0
        held[heldB?.[0] ?? 0] = 0
      }
      // Replace the smallest and sift down.
      at = 0
      for (;;) {
        const left = 2 * at + 1
        if (left >= this.k) break
        const right = left + 1
        const child = right < this.k && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left
        if ((heap[child] ?? 0) >= score) break
        this.move(child, at)
        at = child
      }
    }
    heap[at] = score
    if (held !== null && heldA !== null && heldB !== null) {
      heldA[at] = a
      heldB[at] = b
      held[a] = 1
      held[b] = 1
    }
    if (this.size === this.k) this.bar = heap[0] ?? -Infinity
  }

  private move(from: number, to: number): void {
    this.heap[to] = this.heap[from] ?? 0
    if (this.heldA !== null && this.heldB !== null) {
      this.heldA[to] = this.heldA[from] ?? 0
      this.heldB[to] = this.heldB[from] ?? 0
    }
  }
}
