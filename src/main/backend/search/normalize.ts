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

/** Per call scratch for `appendTrigramCodes`: the call that last saw each plain trigram. */
const seenBy = new Int32Array(ASCII_GRAMS)
let call = 0

/** Trigram codes, appended: the first `length` of `codes`. */
export interface CodeBuffer {
  codes: Int32Array
  length: number
}

/**
 * Appends to `into` the numbers for the trigrams of each word of `texts`
 * (read as one text, joined by spaces; words padded, so word starts and
 * ends count), each once, in the order they first appear. Trigrams of plain
 * letters and digits get a fixed code below ASCII_GRAMS; others get codes
 * from `others`, which grows unless `grow` is false (a query's unseen
 * trigrams match nobody anyway).
 */
export function appendTrigramCodes(texts: readonly string[], others: Map<string, number>, grow: boolean, into: CodeBuffer): void {
  if (call === 0x7fffffff) {
    seenBy.fill(0)
    call = 0
  }
  const now = ++call
  const from = into.length
  let room = from + 2
  for (const text of texts) room += text.length + 1
  if (room > into.codes.length) {
    const bigger = new Int32Array(Math.max(room, into.codes.length * 2))
    bigger.set(into.codes.subarray(0, from))
    into.codes = bigger
  }
  const codes = into.codes
  let at = from
  // ASCII text in one pass over its characters, folded as `foldText` folds it: the words are the
  // runs of letters and digits, and each trigram is a window of three with a letter in the middle
  // over the words joined by one boundary, with one at each end.
  let before = -1
  let here = 0
  for (let t = 0; t <= texts.length; t++) {
    const text = texts[t] ?? ''
    // Past each text a space, and one past the last.
    for (let i = 0; i <= text.length; i++) {
      let c = i < text.length ? text.charCodeAt(i) : 32
      if (c > 127) {
        // Accents and other scripts: the general path, for the whole text.
        const found = wordTrigramCodes(texts.join(' '), others, grow)
        // Folding can lengthen text (a ligature is two letters): make room for what was found.
        if (from + found.length > codes.length) {
          into.codes = new Int32Array(from + found.length)
          into.codes.set(codes.subarray(0, from))
        }
        into.codes.set(found, from)
        into.length = from + found.length
        return
      }
      if (c >= 65 && c <= 90) c += 32
      const next = c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : 0
      if (next === 0 && here === 0) continue
      if (before >= 0 && here !== 0) {
        const code = (before * 37 + here) * 37 + next
        if (seenBy[code] !== now) {
          seenBy[code] = now
          codes[at++] = code
        }
      }
      before = here
      here = next
    }
  }
  into.length = at
}

/** Where `trigramCodes` gathers a text's codes before listing them. */
const scratch: CodeBuffer = { codes: new Int32Array(256), length: 0 }

/** `appendTrigramCodes` of one text, as a list. */
export function trigramCodes(text: string, others: Map<string, number>, grow = true): number[] {
  scratch.length = 0
  appendTrigramCodes([text], others, grow, scratch)
  return Array.from(scratch.codes.subarray(0, scratch.length))
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
