/**
 * fuse.js accepts a field when some stretch of it is within `threshold`
 * edits of the whole query (edits per query letter). Every letter kept by
 * those edits appears in the field, so a field that holds fewer of the
 * query's letters than that cannot match, and need not be handed to
 * fuse.js at all. This is a cheap letter count that only ever rules out
 * fields fuse.js would reject itself, so results do not change.
 */
export class LetterFilter {
  private readonly want = new Int16Array(128)
  private readonly left = new Int16Array(128)
  /** letters a field must share with the query; 0 when nothing is ruled out */
  private readonly need: number

  /** `pattern` is the query as fuse.js searches it (trimmed). */
  constructor(pattern: string, threshold: number) {
    const lower = pattern.toLowerCase()
    // Non-ASCII queries are folded by fuse.js, and queries over 32 letters are split: leave both to it.
    if (lower.length > 32 || !/^[\x20-\x7e]*$/.test(lower)) {
      this.need = 0
      return
    }
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i)
      this.want[c] = (this.want[c] ?? 0) + 1
    }
    // The most edits fuse.js accepts, by its own test (edits / letters <= threshold).
    let edits = 0
    while ((edits + 1) / lower.length <= threshold) edits++
    this.need = Math.max(0, lower.length - edits)
  }

  /** False only when fuse.js would surely not match `text`. */
  mayMatch(text: string): boolean {
    if (this.need === 0) return true
    const left = this.left
    left.set(this.want)
    let shared = 0
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i)
      // fuse.js folds accents away: leave such fields to it.
      if (c > 127) return true
      if (c >= 65 && c <= 90) c += 32
      if ((left[c] ?? 0) > 0) {
        left[c] = (left[c] ?? 0) - 1
        if (++shared >= this.need) return true
      }
    }
    return false
  }
}
