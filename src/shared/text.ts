/**
 * Text that crosses into Kith is made well-formed: a lone UTF-16 surrogate
 * (half of a character, which JSON and JavaScript strings can carry but UTF-8
 * cannot) becomes U+FFFD, the replacement character.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function wellFormed(text: string): string {
  LONE_SURROGATE.lastIndex = 0
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text
}

/** Past this depth a value is left as it is (the contract refuses it anyway). */
const MAX_DEPTH = 32

/**
 * The same value with every string in it made well-formed: arrays and plain
 * objects are copied (keys included; own keys stay own keys, so "__proto__"
 * stays data), anything else is returned untouched.
 */
export function wellFormedDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return wellFormed(value)
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((v: unknown) => wellFormedDeep(v, depth + 1))
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormedDeep(v, depth + 1)]))
}

/** Every character Unicode counts as ending a line: CRLF, CR, LF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR, VT, FF. */
/**
 * Two texts in the order of their UTF-16 code units; 0 when equal. What the
 * backend orders by wherever that is the order wanted: ISO dates and times,
 * and names once folded (`foldText`: the People list's order, in which
 * "Émile" comes among the e's and "ana" before "Bea", though letters that
 * fold to no plain letter, as "ø", "ł" or "ß", come after "z"). Never
 * `localeCompare` there: its collator takes about 9 ms to load, paid by
 * whichever answer first asks for it (the week's first list, often).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g
