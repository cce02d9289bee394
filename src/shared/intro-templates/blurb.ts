import type { BlurbSentences } from '../types'
import { goalOf } from './ask'
import { textProblems } from './checks'
import { asSentence, clause, firstName, hasWords, sentences, tidy, words } from './wording'

export type BlurbPart = 'who' | 'why' | 'bring' | 'ask'
export const BLURB_PARTS: readonly BlurbPart[] = ['who', 'why', 'bring', 'ask']
/** The blurb's sentences, one per part (declared with the shared types). */
export type { BlurbSentences }

export interface BlurbFields {
  /** from the profile */
  fullName: string
  role: string
  organisation: string
  credibility: string
  target: string
  goal?: string | null
  /** the user's "why this person" */
  why: string
  /** the user's "what I can offer" */
  offer: string
  /** a small, specific ask; a 15-minute call when empty */
  ask?: string
}

export const DEFAULT_BLURB_ASK = 'Would you have time for a 15-minute call in the next few weeks?'

/** The stock sentences used when an input is missing: the checker calls them generic. */
export function blurbFallbacks(me: string, target: string, goal: string | null = null): Record<'who' | 'why' | 'bring', string[]> {
  const name = clause(me)
  const t = firstName(target) || 'them'
  const g = goalOf(target, goal)
  return {
    who: [...(name === '' ? [] : [`I'm ${name}.`]), 'A quick note to introduce myself.'],
    // Forwarded to the person asked for: it speaks of them, never of them as a way to someone else (the note to
    // the connector says where the path goes).
    // (The second is the stock sentence earlier drafts were given on a longer path, still known for what it is.)
    why: [`I would welcome the chance to learn from ${t}.`, ...(g === null ? [] : [`I am hoping to reach ${g}, and ${t} could help me get there.`])],
    bring: ['I would be glad to help in return however I can.'],
  }
}

/**
 * Words a line of credibility often opens with, written as a sentence of its
 * own ("Previously led routing at Flexport"): after the dash they go on the
 * sentence, so they lose their capital. A name (Stripe's first PM, One
 * Medical, The Atlantic) keeps it: only verbs and adverbs are listed.
 */
const SENTENCE_OPENERS = new Set([
  'previously', 'formerly', 'earlier', 'recently', 'currently',
  'built', 'led', 'ran', 'founded', 'co-founded', 'cofounded', 'started', 'launched', 'grew', 'scaled', 'worked', 'spent', 'helped',
  'managed', 'sold', 'raised', 'shipped', 'wrote', 'invested', 'advised', 'was', 'am', 'have', 'had',
])

/** The line of credibility as it reads after "I'm Jordan Avery, CEO at Wayfinder —". */
function afterDash(cred: string): string {
  const first = /^[\p{L}-]+/u.exec(cred)?.[0] ?? ''
  return SENTENCE_OPENERS.has(first.toLowerCase()) && first !== first.toLowerCase() ? `${cred.charAt(0).toLowerCase()}${cred.slice(1)}` : cred
}

/** "I'm Jordan Avery, head of growth at Wayfinder — <credibility>." from the profile. */
function whoSentence(f: BlurbFields): string {
  const name = clause(f.fullName)
  const role = clause(f.role)
  const org = clause(f.organisation)
  const cred = clause(f.credibility)
  const roleNamesOrg = org !== '' && role.toLowerCase().includes(org.toLowerCase())
  const job = role !== '' && org !== '' && !roleNamesOrg ? `${role} at ${org}` : role
  let who: string
  if (name !== '') who = `I'm ${name}${job !== '' ? `, ${job}` : org !== '' ? ` from ${org}` : ''}`
  else who = job !== '' ? `I'm ${job}` : org !== '' ? `I work at ${org}` : ''
  if (who === '') return cred === '' ? (blurbFallbacks(name, f.target).who.at(-1) ?? '') : asSentence(cred)
  if (cred !== '') who = `${who.replace(/[.,;:!?…]+$/, '')} — ${afterDash(cred)}`
  else if (job === '' && org === '') return blurbFallbacks(name, f.target).who[0] ?? ''
  return asSentence(who)
}

/** The four sentences, each from the user's own words, or a stock one when an input is missing. */
export function composeBlurbSentences(f: BlurbFields): BlurbSentences {
  const fallbacks = blurbFallbacks(f.fullName, f.target, f.goal ?? null)
  return {
    who: whoSentence(f),
    why: asSentence(f.why) || (fallbacks.why[0] ?? ''),
    bring: asSentence(f.offer) || (fallbacks.bring[0] ?? ''),
    ask: asSentence(f.ask ?? '', { question: true }) || DEFAULT_BLURB_ASK,
  }
}

/** The sentences as one paragraph, in order. */
export function assembleBlurb(parts: BlurbSentences): string {
  return BLURB_PARTS.map((p) => parts[p].replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '')
    .join(' ')
}

/** Four sentences the connector can forward: who I am, why this person, what I bring, a small ask. */
export function composeBlurb(f: BlurbFields): string {
  return assembleBlurb(composeBlurbSentences(f))
}

export interface BlurbCheck {
  sentences: number
  words: number
  /** parts not there at all */
  missing: BlurbPart[]
  /** parts there only as a stock sentence: not counted */
  generic: BlurbPart[]
  problems: string[]
}

const BLURB_PART_WORDS: Record<BlurbPart, string> = {
  who: 'who you are',
  why: 'why you want to connect',
  bring: 'what you bring',
  ask: 'a small, specific ask',
}

const BLURB_GENERIC_WORDS: Record<BlurbPart, string> = {
  who: 'say who you are (your role and a line of credibility in Settings, Your profile)',
  why: 'say why this person',
  bring: 'say what you bring',
  ask: 'make a small, specific ask',
}

/** A reason that opens by speaking of someone in the third person. */
const ABOUT_THEM = /^(he|she|they|his|her|their)\b/i

const same = (a: string, b: string): boolean => tidy(a).toLowerCase() === tidy(b).toLowerCase()

const isAsk = (sentence: string): boolean => sentence.trim().endsWith('?') || /\b(call|chat|coffee|minutes|min|quick)\b/i.test(sentence)

/**
 * Judges a blurb: a part missing or only a stock sentence, more than four
 * sentences, too long, doubled punctuation, gaps. Given the four sentences,
 * it knows each part; given a paragraph the user wrote, it looks for them.
 */
export function checkBlurb(blurb: string | BlurbSentences, me: string, target: string, goal: string | null = null): BlurbCheck {
  const fallbacks = blurbFallbacks(me, target, goal)
  const stock = (s: string): BlurbPart | null => {
    for (const part of ['who', 'why', 'bring'] as const) if (fallbacks[part].some((f) => same(f, s))) return part
    return null
  }
  const missing: BlurbPart[] = []
  const generic: BlurbPart[] = []
  let text: string
  if (typeof blurb === 'string') {
    text = blurb
    const own: string[] = []
    for (const s of sentences(text)) {
      const part = stock(s)
      if (part === null) own.push(s)
      else if (!generic.includes(part)) generic.push(part)
    }
    const rest = own.join(' ')
    const lower = rest.toLowerCase()
    const names = [tidy(me).toLowerCase(), firstName(me).toLowerCase()].filter((n) => n !== '')
    const found: Record<BlurbPart, boolean> = {
      who: names.some((n) => lower.includes(n)) || /\b(i am|i'm|i’m)\b/.test(lower),
      why: (firstName(target) !== '' && lower.includes(firstName(target).toLowerCase())) || /\b(connect|meet|learn|perspective|view|advice|interested)\b/.test(lower),
      bring: /\b(bring|offer|share|built|build|led|lead|run|ran|founded|recently|help|experience|years)\b/.test(lower),
      ask: isAsk(own[own.length - 1] ?? ''),
    }
    for (const part of BLURB_PARTS) if (!found[part] && !generic.includes(part)) missing.push(part)
  } else {
    text = assembleBlurb(blurb)
    for (const part of BLURB_PARTS) {
      const s = blurb[part]
      if (!hasWords(s)) missing.push(part)
      else if (part === 'ask' ? !isAsk(s) : stock(s) === part) (part === 'ask' ? missing : generic).push(part)
    }
  }
  const parts = sentences(text)
  const count = words(text)
  const problems = [...missing.map((m) => `Missing: ${BLURB_PART_WORDS[m]}.`), ...generic.map((g) => `Generic: ${BLURB_GENERIC_WORDS[g]}.`)]
  // The why is about the person the blurb is forwarded to: "He led seed rounds" reaches him as it is.
  if (typeof blurb !== 'string' && ABOUT_THEM.test(blurb.why.trim()) && firstName(target) !== '') {
    problems.push(`The reason speaks of ${firstName(target)} as "${ABOUT_THEM.exec(blurb.why.trim())?.[0] ?? ''}", and this note is forwarded to ${firstName(target)}: say it to them ("You led…"), or say what you hope to learn.`)
  }
  if (parts.length > 4) problems.push(`${parts.length} sentences: keep it to four.`)
  if (count > 110) problems.push(`${count} words: a forwardable note stays under about 110.`)
  const longest = Math.max(0, ...parts.map(words))
  if (longest > 40) problems.push(`One sentence has ${longest} words: split or shorten it.`)
  problems.push(...textProblems(text))
  return { sentences: parts.length, words: count, missing, generic, problems }
}
