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
 * until k have been offered), kept in a min-heap of k.
 */
export class RunningBar {
  private readonly heap: Float64Array
  private size = 0
  /**
   * The bar itself: a field, not a getter, since the pair loops read it for
   * every pair, mostly before the engine has optimised them (a getter there
   * took a tenth of the weekly list's first computation with interests).
   */
  bar = -Infinity

  constructor(readonly k: number) {
    this.heap = new Float64Array(k)
  }

  offer(score: number): void {
    const heap = this.heap
    if (this.size < this.k) {
      // Sift up.
      let at = this.size++
      while (at > 0) {
        const parent = (at - 1) >>> 1
        if ((heap[parent] ?? 0) <= score) break
        heap[at] = heap[parent] ?? 0
        at = parent
      }
      heap[at] = score
      if (this.size === this.k) this.bar = heap[0] ?? -Infinity
      return
    }
    if (score <= (heap[0] ?? 0)) return
    // Replace the smallest and sift down.
    let at = 0
    for (;;) {
      const left = 2 * at + 1
      if (left >= this.k) break
      const right = left + 1
      const child = right < this.k && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left
      if ((heap[child] ?? 0) >= score) break
      heap[at] = heap[child] ?? 0
      at = child
    }
    heap[at] = score
    this.bar = heap[0] ?? -Infinity
  }
}
