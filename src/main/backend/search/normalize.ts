/** Lower case, no accents, letters and digits only: what search compares. */
export function foldText(text: string): string {
  // Most names are plain ASCII: skip Unicode normalisation for them.
  if (/^[\x20-\x7e]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  }
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** 0 is the word boundary, 1-26 a-z, 27-36 0-9; anything else has no small code. */
function symbol(ch: string): number {
  const c = ch.charCodeAt(0)
  if (ch === ' ') return 0
  if (c >= 97 && c <= 122) return c - 96
  if (c >= 48 && c <= 57) return c - 21
  return -1
}

export const ASCII_GRAMS = 37 * 37 * 37
/** Codes for letter pairs of a-z, 0-9 and the word boundary. */
export const PAIRS = 37 * 37

/** The code of one folded character (as `symbol`), from its char code; NaN (past the end) is the boundary. */
export function letterCode(c: number): number {
  if (c === 32 || Number.isNaN(c)) return 0
  if (c >= 97 && c <= 122) return c - 96
  if (c >= 48 && c <= 57) return c - 21
  return -1
}

/**
 * The trigram codes that mean "a word starting with this one or two
 * letters", or null when the prefix is not plain a-z, 0-9.
 */
export function wordStartCodes(prefix: string): number[] | null {
  const a = symbol(prefix[0] ?? '')
  if (a <= 0) return null
  if (prefix.length === 1) return Array.from({ length: 37 }, (_, c) => a * 37 + c)
  const b = symbol(prefix[1] ?? '')
  return b <= 0 ? null : [a * 37 + b]
}

/** Per call scratch for `trigramCodes`: the call that last saw each plain trigram. */
const seenBy = new Int32Array(ASCII_GRAMS)
let call = 0

/**
 * Numbers for the trigrams of each word (padded, so word starts and ends
 * count), each once, in the order they first appear. Trigrams of plain
 * letters and digits get a fixed code below ASCII_GRAMS; others get codes
 * from `others`, which grows unless `grow` is false (a query's unseen
 * trigrams match nobody anyway).
 */
export function trigramCodes(text: string, others: Map<string, number>, grow = true): number[] {
  if (call === 0x7fffffff) {
    seenBy.fill(0)
    call = 0
  }
  const now = ++call
  const codes: number[] = []
  // ASCII text in one pass over its characters, folded as `foldText` folds it: the words are the
  // runs of letters and digits, and each trigram is a window of three with a letter in the middle
  // over the words joined by one boundary, with one at each end.
  let before = -1
  let here = 0
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32
    if (c > 127) return wordTrigramCodes(text, others, grow)
    if (c >= 65 && c <= 90) c += 32
    const next = c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : 0
    if (next === 0 && here === 0) continue
    if (before >= 0 && here !== 0) {
      const code = (before * 37 + here) * 37 + next
      if (seenBy[code] !== now) {
        seenBy[code] = now
        codes.push(code)
      }
    }
    before = here
    here = next
  }
  return codes
}

/** `trigramCodes` for any text: folded, split into words, each padded. */
function wordTrigramCodes(text: string, others: Map<string, number>, grow = true): number[] {
  const codes = new Set<number>()
  for (const word of foldText(text).split(' ')) {
    if (word === '') continue
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) {
      const a = symbol(padded[i] ?? '')
      const b = symbol(padded[i + 1] ?? '')
      const c = symbol(padded[i + 2] ?? '')
      if (a >= 0 && b >= 0 && c >= 0) {
        codes.add((a * 37 + b) * 37 + c)
      } else {
        const gram = padded.slice(i, i + 3)
        let code = others.get(gram)
        if (code === undefined && grow) {
          code = ASCII_GRAMS + others.size
          others.set(gram, code)
        }
        if (code !== undefined) codes.add(code)
      }
    }
  }
  return [...codes]
}
