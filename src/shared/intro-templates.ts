/**
 * The messages Kith drafts for asking and introducing, and the checks it runs
 * on them. Every text is a starting point the user edits.
 *
 * The user's own words (why this person, what they offer, what each side
 * gains) go in as whole sentences of their own, never poured into a sentence
 * frame around them: a frame only reads well for the words it was written for.
 */
import { isEmailAddress } from './email-address'
import { LINE_BREAKS } from './text'
import type { BlurbSentences, Profile } from './types'

export interface Message {
  to: string[]
  cc: string[]
  subject: string
  body: string
}

/** Who signs a draft: the profile's full name and sign-off. */
export type Signer = Pick<Profile, 'fullName' | 'signOff'>

// ---- Small text tools ------------------------------------------------------------

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
const greet = (...names: string[]): string => {
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
const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text)

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
const endWith = (text: string, mark: string): string => `${text.replace(/[.,;:!?…]+$/, '')}${mark}`

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

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

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
const lines = (all: string[]): string =>
  all
    .filter((line, i, list) => !(line === '' && (i === 0 || list[i - 1] === '')))
    .join('\n')
    .trim()

// ---- Checks every draft gets -----------------------------------------------------

/** Doubled punctuation, gaps where something is missing, placeholders left in. */
export function textProblems(text: string): string[] {
  const problems: string[] = []
  const doubled = doubledPunctuation(text)
  if (doubled.length > 0) problems.push(`Doubled punctuation (“${doubled[0] ?? ''}”): keep one mark.`)
  if (/\S[^\S\n]{2,}\S/.test(text) || /[^\S\n][.,;:!?](?=\s|$)/.test(text) || /\(\s*\)/.test(text)) {
    problems.push('A gap where something is missing (two spaces, a space before a mark, or empty brackets).')
  }
  const placeholder = /\[[^\]\n]{0,40}\]|\{\{[^}\n]{0,40}\}\}|\bundefined\b|\bNaN\b/.exec(text)
  if (placeholder !== null) problems.push(`A placeholder is left in: “${placeholder[0]}”.`)
  return problems
}

/** "Kenji has no email address: add it or send to them separately." */
export function missingEmail(name: string, others: string[] = []): string {
  const first = firstName(name)
  const who = first === '' || others.some((o) => clause(o) !== clause(name) && firstName(o) === first) ? clause(name) : first
  return `${who} has no email address: add it or send to them separately.`
}

// ---- Asking for an introduction -------------------------------------------------

export interface AskFields {
  signer: Signer
  connector: string
  connectorEmail?: string | null
  /** who the connector should introduce me to */
  target: string
  /** the person the chain leads to, when this ask is one hop of a longer path */
  goal?: string | null
  /** why this person in particular, in the user's words */
  why: string
  /** what I can offer them, in the user's words */
  offer: string
  blurb: string
}

/** The goal when it is someone other than the target. */
const goalOf = (target: string, goal: string | null | undefined): string | null => {
  const g = clause(goal ?? '')
  return g === '' || g === clause(target) ? null : g
}

export const askSubject = (target: string): string => `Would you introduce me to ${clause(target)}?`

/**
 * The note to the connector: permission first, the user's why and offer as
 * they wrote them, the blurb, and an easy way to say no. For one hop of a
 * longer path it asks for the target only, saying that the target can reach
 * the goal.
 */
export function composeAsk(f: AskFields): Message {
  const target = clause(f.target)
  const t = firstName(target)
  const goal = goalOf(target, f.goal)
  const ask = [`I hope you are well. ${endWith(`Would you be open to introducing me to ${target}`, '?')}`]
  if (goal !== null) ask.push(endWith(`I am hoping to reach ${goal} in the end, and ${t} is well placed to help me with that`, '.'))
  const why = asSentence(f.why)
  const offer = asSentence(f.offer)
  const blurb = f.blurb.trim()
  const body = lines([
    greet(f.connector),
    '',
    ask.join(' '),
    '',
    why,
    '',
    offer,
    '',
    ...(blurb === '' ? [] : [endWith(`In case it helps, here is a short note about me that you could forward to ${t}`, ':'), '', blurb, '']),
    `Only if it feels right to you, and please ask ${t} first. If the timing is wrong or you would rather not, just say so: I completely understand.`,
    '',
    signature(f.signer, 'Thank you,'),
  ])
  const to = f.connectorEmail === null || f.connectorEmail === undefined || f.connectorEmail === '' ? [] : [f.connectorEmail]
  return { to, cc: [], subject: askSubject(target), body }
}

export interface AskCheckFields {
  connector: string
  connectorEmail: string | null
  target: string
  goal?: string | null
  why: string
  offer: string
  /** the user rewrote the note: judge the text alone */
  edited: boolean
}

/** What the note to the connector lacks, judged on the text that will be sent. */
export function checkAsk(body: string, f: AskCheckFields): string[] {
  const warnings: string[] = []
  const target = clause(f.target)
  const goal = goalOf(target, f.goal)
  if (f.connectorEmail === null || f.connectorEmail === '') warnings.push(missingEmail(f.connector))
  if (!f.edited && !hasWords(f.why)) warnings.push(`Say why ${target} in particular.`)
  if (!f.edited && !hasWords(f.offer)) warnings.push(`Say what you can offer ${target}, not only what you want.`)
  if (!body.includes('?')) warnings.push('Ask for permission (a question), rather than assume.')
  if (!/rather not|completely understand|no problem|not a good time|say no|no pressure|no worries|fine if not|timing is wrong/i.test(body)) {
    warnings.push(`Give ${firstName(f.connector)} an easy way to say no.`)
  }
  // The target's own name may contain the goal's ("Kenji Mori" and "Kenji"): leave it out before looking.
  if (goal !== null && new RegExp(`introduc\\w*\\s+(me|us)\\s+to\\s+${escapeRegExp(goal)}`, 'i').test(body.split(target).join('…'))) {
    warnings.push(`Ask ${firstName(f.connector)} for ${target}, who can reach ${goal}, not for ${goal} directly.`)
  }
  if (words(body) > 300) warnings.push(`${words(body)} words: a note asking a favor stays short.`)
  warnings.push(...textProblems(body))
  return warnings
}

// ---- The forwardable blurb ----------------------------------------------------

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
    why: [g === null ? `I would welcome the chance to learn from ${t}.` : `I am hoping to reach ${g}, and ${t} could help me get there.`],
    bring: ['I would be glad to help in return however I can.'],
  }
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
  if (cred !== '') who = `${who.replace(/[.,;:!?…]+$/, '')} — ${cred}`
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
  if (parts.length > 4) problems.push(`${parts.length} sentences: keep it to four.`)
  if (count > 110) problems.push(`${count} words: a forwardable note stays under about 110.`)
  const longest = Math.max(0, ...parts.map(words))
  if (longest > 40) problems.push(`One sentence has ${longest} words: split or shorten it.`)
  problems.push(...textProblems(text))
  return { sentences: parts.length, words: count, missing, generic, problems }
}

// ---- Introducing two people ------------------------------------------------------

export interface OptInFields {
  signer: Signer
  /** the person being asked */
  to: string
  toEmail: string | null
  /** the person they would meet */
  other: string
  /** how the other person is described ("Head of Payments at Beta") */
  otherContext: string
  /** what the asked person gains, in the user's words */
  gain: string
}

/** Asking one side first: who the other is, what this side gains, and an easy no. */
export function composeOptIn(f: OptInFields): Message {
  const other = clause(f.other)
  const context = clause(f.otherContext)
  const body = lines([
    greet(f.to),
    '',
    endWith(`Would you like me to introduce you to ${other}${context === '' ? '' : `, ${context}`}`, '?'),
    asSentence(f.gain),
    '',
    'Only if you are interested and have the time: a simple "not now" is completely fine.',
    '',
    signature(f.signer, 'Best,'),
  ])
  return { to: f.toEmail === null || f.toEmail === '' ? [] : [f.toEmail], cc: [], subject: endWith(`Would you like to meet ${other}`, '?'), body }
}

/** What an opt-in lacks: this side's gain, an address. */
export function checkOptIn(body: string, f: Pick<OptInFields, 'to' | 'toEmail' | 'other' | 'gain'>): string[] {
  const warnings: string[] = []
  if (f.toEmail === null || f.toEmail === '') warnings.push(missingEmail(f.to, [f.other]))
  if (!hasWords(f.gain)) warnings.push(`Say what ${clause(f.to)} gains from meeting ${firstName(f.other)}.`)
  warnings.push(...textProblems(body))
  return warnings
}

export interface IntroSide {
  name: string
  email: string | null
  /** continues the name: "is a friend from university", "and I worked together at Acme" */
  howIKnow: string
  /** a line of genuine credit */
  credit: string
  /** what this side gains */
  gain: string
}

export interface IntroEmailFields {
  signer: Signer
  a: IntroSide
  b: IntroSide
  context: string
  /** who takes the next step */
  schedules: 'a' | 'b'
}

export const INTRO_WORD_LIMIT = 150

export interface IntroEmail extends Message {
  words: number
  warnings: string[]
}

export const introSubject = (a: string, b: string, context: string): string => {
  const c = clause(context)
  return `Intro: ${clause(a)} <> ${clause(b)}${c === '' ? '' : ` - ${c}`}`
}

/** One side's paragraph, addressed to `to`, about `about`. */
function sidePara(to: string, about: IntroSide, gain: string): string {
  const how = clause(about.howIKnow)
  const credit = asSentence(about.credit)
  const why = asSentence(gain, { capital: false })
  return [endWith(`${firstName(to)}, ${clause(about.name)}${how === '' ? '' : ` ${how}`}`, '.'), credit, why === '' ? '' : `Why talk: ${why}`].filter((s) => s !== '').join(' ')
}

/** Subject `Intro: A <> B - context`, both in To, how I know each, the gain for each, who schedules. */
export function composeIntroEmail(f: IntroEmailFields): IntroEmail {
  const scheduler = f.schedules === 'a' ? f.a : f.b
  const other = f.schedules === 'a' ? f.b : f.a
  const body = lines([
    greet(f.a.name, f.b.name),
    '',
    'Happy to connect you two, as promised.',
    '',
    sidePara(f.a.name, f.b, f.a.gain),
    '',
    sidePara(f.b.name, f.a, f.b.gain),
    '',
    `I will let ${firstName(scheduler.name)} take it from here and suggest a few times to ${firstName(other.name)}.`,
    '',
    signature(f.signer, 'Best,'),
  ])
  return {
    to: [f.a.email, f.b.email].filter((e): e is string => e !== null && e !== ''),
    cc: [],
    subject: introSubject(f.a.name, f.b.name, f.context),
    body,
    words: words(body),
    warnings: checkIntroEmail(body, f),
  }
}

/** What must be settled before an introduction goes out: a gain for each side, a short email. */
export function introEssentials(body: string, f: Pick<IntroEmailFields, 'a' | 'b'>): string[] {
  const warnings: string[] = []
  if (!hasWords(f.a.gain)) warnings.push(`No gain stated for ${clause(f.a.name)}.`)
  if (!hasWords(f.b.gain)) warnings.push(`No gain stated for ${clause(f.b.name)}.`)
  const count = words(body)
  if (count > INTRO_WORD_LIMIT) warnings.push(`${count} words: introductions work best under about ${INTRO_WORD_LIMIT}.`)
  return warnings
}

/** What the introduction lacks, judged on the text that will be sent: essentials, addresses, text. */
export function checkIntroEmail(body: string, f: Pick<IntroEmailFields, 'a' | 'b'>): string[] {
  const warnings = introEssentials(body, f)
  for (const [side, other] of [[f.a, f.b], [f.b, f.a]] as const) {
    if (side.email === null || side.email === '') warnings.push(missingEmail(side.name, [other.name]))
  }
  warnings.push(...textProblems(body))
  return warnings
}

type Addressee = { name: string; email: string | null }

/** The reply-all that moves me to BCC and leaves the two to it. */
export function composeHandoff(signer: Signer, a: Addressee, b: Addressee, subject: string): Message {
  return {
    to: [a.email, b.email].filter((e): e is string => e !== null && e !== ''),
    cc: [],
    subject: subject.startsWith('Re: ') ? subject : `Re: ${subject}`,
    body: lines([
      '(Moving myself to BCC.)',
      '',
      `Great to see you connected, ${firstName(a.name)} and ${firstName(b.name)}. I will step out of the thread and leave you to it.`,
      '',
      signature(signer, 'Best,'),
    ]),
  }
}

/** What the handoff lacks: addresses; and the usual text checks. */
export function checkHandoff(body: string, a: Addressee, b: Addressee): string[] {
  return [
    ...[a, b].filter((p) => p.email === null || p.email === '').map((p) => missingEmail(p.name, [a.name, b.name])),
    ...textProblems(body),
  ]
}

// ---- Getting messages out --------------------------------------------------------

/**
 * A mailto: link (RFC 6068), the one place Kith builds them. Every address
 * must be an email address (`isEmailAddress`), or there is no link (null):
 * an address is never trusted to be only an address. Addresses, subject and
 * body are percent-encoded as UTF-8 (an address keeps its @), so nothing left
 * in them can separate a header (&, ?, #, =, +, %); the body's line breaks
 * become %0D%0A, and the subject is one line.
 */
export function mailtoUrl(m: Message): string | null {
  if (![...m.to, ...m.cc].every(isEmailAddress)) return null
  const encode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const address = (a: string): string => encode(a).replace(/%40/g, '@')
  const query: string[] = []
  if (m.cc.length > 0) query.push(`cc=${m.cc.map(address).join(',')}`)
  const subject = m.subject.replace(LINE_BREAKS, ' ')
  if (subject !== '') query.push(`subject=${encode(subject)}`)
  if (m.body !== '') query.push(`body=${encode(m.body.replace(LINE_BREAKS, '\r\n'))}`)
  return `mailto:${m.to.map(address).join(',')}${query.length === 0 ? '' : `?${query.join('&')}`}`
}
