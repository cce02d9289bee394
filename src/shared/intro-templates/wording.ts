/** The small text tools every draft is built with: names, sentences, punctuation, greetings and signatures. */
import type { Profile } from '../types'

export interface Message {
  to: string[]
  cc: string[]
  subject: string
  body: string
}

/** Who signs a draft: the profile's full name and sign-off. */
export type Signer = Pick<Profile, 'fullName' | 'signOff'>

export const words = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir', 'dame'])

/** The name a greeting uses: the first word, past a title ("Dr. Vera Walsh" is Vera). */
export function firstName(name: string): string {
  const parts = tidy(name)
    .split(' ')
    .map((w) => w.replace(/[.,;:!?…]+$/, ''))
    .filter((w) => w !== '')
  const first = parts.length > 1 && TITLES.has((parts[0] ?? '').toLowerCase()) ? parts[1] : parts[0]
  return first ?? ''
}

/** "Hi Vera," (or "Hi," without a name). */
export const greet = (...names: string[]): string => {
  const firsts = names.map(firstName).filter((n) => n !== '')
  return firsts.length === 0 ? 'Hi,' : `Hi ${firsts.join(' and ')},`
}

export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…])(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|Inc|Ltd|Co)\.)\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Has something worth saying: a letter or a digit. */
export const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text)

/** Abbreviations whose dot may be followed by a comma ("e.g., ..."). */
const ABBREVIATION_BEFORE = /\b(?:e\.g|i\.e|etc|vs|cf|incl|approx|inc|ltd|corp|co)$/i

/** Runs of two or more punctuation marks ("..", ",.", "?."), an ellipsis "..." and "e.g.," aside. */
export function doubledPunctuation(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/[.,;:!?…]{2,}/g)) {
    const run = m[0]
    const before = text.slice(0, m.index)
    if (run === '...') continue
    if (run.length === 2 && run.startsWith('.') && ',;:'.includes(run[1] ?? '') && ABBREVIATION_BEFORE.test(before)) continue
    found.push(run)
  }
  return found
}

/** One mark for a run of them: a question stays a question. */
function oneMark(run: string): string {
  for (const mark of ['?', '!', '…', '.', ';', ':', ',']) if (run.includes(mark)) return mark
  return run.charAt(0)
}

/**
 * The user's text on one line: spaces collapsed, no space before a mark,
 * "..." as an ellipsis, a run of marks ("?.", ",.") as one.
 */
export function tidy(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.{3,}/g, '…')
    .replace(/ +(?=[.,;:!?…])/g, '')
  return flat.replace(/[.,;:!?…]{2,}/g, (run: string, offset: number) => {
    if (run.length === 2 && run.startsWith('.') && ',;:'.includes(run[1] ?? '') && ABBREVIATION_BEFORE.test(flat.slice(0, offset))) return run
    return oneMark(run)
  })
}

/** A phrase to build into a sentence: tidied, without a closing mark. */
export function clause(text: string): string {
  return tidy(text)
    .replace(/^[\s.,;:!?…]+/, '')
    .replace(/[\s.,;:!?…]+$/, '')
}

/** Ends a text with a mark, dropping one it already ends with ("Jr." + "?" is "Jr?"). */
export const endWith = (text: string, mark: string): string => `${text.replace(/[.,;:!?…]+$/, '')}${mark}`

const QUESTION_START = /^(would|could|can|may|might|do|does|are|is|will|shall|should|have|has|how|what|when|where|who|why)\b/i

/**
 * The user's text as a sentence of its own: tidied, a capital first, a closing
 * mark last ("?" when it reads as a question and `question` allows).
 * Empty when there is nothing to say.
 */
export function asSentence(text: string, options: { capital?: boolean; question?: boolean } = {}): string {
  let t = tidy(text).replace(/^[\s.,;:!?…]+/, '')
  if (!hasWords(t)) return ''
  t = t.replace(/[,;:]+$/, '').trimEnd()
  if (options.capital !== false && /^\p{Ll}/u.test(t) && !/^\p{Ll}\p{Lu}/u.test(t)) t = t.charAt(0).toUpperCase() + t.slice(1)
  if (/[.!?…]["'”’)\]]*$/.test(t)) return t
  return `${t}${options.question === true && QUESTION_START.test(t) ? '?' : '.'}`
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function mentions(text: string, name: string): boolean {
  if (name === '') return false
  return new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, 'iu').test(text)
}

/**
 * How a draft ends: the profile's sign-off and the full name under it. A
 * sign-off that already names the user ("Best, Jordan") is used as it is.
 * Without a sign-off, `lead` ("Thank you,") and the full name.
 */
export function signature(signer: Signer, lead = 'Thank you,'): string {
  const name = tidy(signer.fullName)
  const off = signer.signOff
    .split('\n')
    .map((line) => tidy(line))
    .filter((line) => line !== '')
    .join('\n')
  if (off === '') return name === '' ? lead : `${lead}\n${name}`
  if (name === '' || mentions(off, name) || mentions(off, firstName(name))) return off
  return `${off}\n${name}`
}

/** A message's lines, with never two blank lines in a row. */
export const lines = (all: string[]): string =>
  all
    .filter((line, i, list) => !(line === '' && (i === 0 || list[i - 1] === '')))
    .join('\n')
    .trim()

/** "Founder at Juniper Robotics", "Founder", "Juniper Robotics" or "": what someone does, from their title and company. */
export const roleWords = (p: { title: string | null; company: string | null }): string =>
  [p.title, p.company].filter((x): x is string => x !== null && x.trim() !== '').join(' at ')
