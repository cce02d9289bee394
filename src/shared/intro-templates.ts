/**
 * The messages Kith drafts for asking and introducing, and the checks it runs
 * on them. Every text is a starting point the user edits.
 */

export interface Message {
  to: string[]
  cc: string[]
  subject: string
  body: string
}

const words = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name

export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

// ---- Asking for an introduction -------------------------------------------------

export interface AskFields {
  me: string
  connector: string
  target: string
  /** why this person in particular */
  why: string
  /** what I can offer them, not only what I want */
  offer: string
  blurb: string
}

/** The note to the connector: why, what I bring, the blurb, permission, and an easy way out. */
export function composeAsk(f: AskFields): string {
  const c = firstName(f.connector)
  const lines = [
    `Hi ${c},`,
    '',
    `I hope you are well. Would you be open to introducing me to ${f.target}?`,
    f.why.trim() === '' ? '' : `Why ${firstName(f.target)}: ${f.why.trim()}`,
    f.offer.trim() === '' ? '' : `What I could offer in return: ${f.offer.trim()}`,
    ...(f.blurb.trim() === '' ? [] : ['', 'If it helps, here is a short note you could forward as it is:', '', f.blurb.trim()]),
    '',
    `Only if you are comfortable with it, and please ask ${firstName(f.target)} first. If now is not a good time, or it does not feel right, no problem at all: I completely understand.`,
    '',
    'Thank you,',
    firstName(f.me),
  ]
  return lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n')
}

export interface BlurbFields {
  me: string
  role: string
  target: string
  topic: string
  credibility: string
  ask: string
}

/** Four sentences the connector can forward: who I am, why, what I bring, a small ask. */
export function composeBlurb(f: BlurbFields): string {
  return [
    `${f.me} is ${f.role.trim() === '' ? 'someone I know well' : f.role.trim()}.`,
    `${firstName(f.me)} would love to hear ${firstName(f.target)}’s view on ${f.topic.trim() === '' ? 'their work' : f.topic.trim()}.`,
    f.credibility.trim() === '' ? `${firstName(f.me)} is happy to share what they have learned in return.` : f.credibility.trim().replace(/\.?$/, '.'),
    f.ask.trim() === '' ? 'Would a 15-minute call work?' : f.ask.trim().replace(/[.?!]?$/, '?'),
  ].join(' ')
}

export type BlurbPart = 'who' | 'why' | 'bring' | 'ask'

export interface BlurbCheck {
  sentences: number
  words: number
  missing: BlurbPart[]
  problems: string[]
}

const BLURB_PART_WORDS: Record<BlurbPart, string> = {
  who: 'who you are',
  why: 'why you want to connect',
  bring: 'what you bring',
  ask: 'a small, specific ask',
}

/** Flags a missing part, more than four sentences, or a long paragraph. */
export function checkBlurb(text: string, me: string, target: string): BlurbCheck {
  const parts = sentences(text)
  const lower = text.toLowerCase()
  const missing: BlurbPart[] = []
  const names = [me.toLowerCase(), firstName(me).toLowerCase()].filter((n) => n !== '')
  if (!(names.some((n) => lower.includes(n)) || /\b(i am|i'm|i’m)\b/.test(lower))) missing.push('who')
  const targetFirst = firstName(target).toLowerCase()
  if (!(lower.includes(targetFirst) || /\b(connect|meet|learn|perspective|view|advice|interested)\b/.test(lower))) missing.push('why')
  if (!/\b(bring|offer|share|built|build|led|lead|run|ran|founded|recently|help|experience|years)\b/.test(lower)) missing.push('bring')
  const last = parts[parts.length - 1] ?? ''
  if (!(last.endsWith('?') || /\b(call|chat|coffee|minutes|min|quick)\b/.test(last.toLowerCase()))) missing.push('ask')
  const problems = missing.map((m) => `Missing: ${BLURB_PART_WORDS[m]}.`)
  if (parts.length > 4) problems.push(`${parts.length} sentences: keep it to four.`)
  if (words(text) > 110) problems.push(`${words(text)} words: a forwardable note stays under about 110.`)
  const longest = Math.max(0, ...parts.map(words))
  if (longest > 40) problems.push(`One sentence has ${longest} words: split or shorten it.`)
  return { sentences: parts.length, words: words(text), missing, problems }
}

// ---- Introducing two people ------------------------------------------------------

export interface OptInFields {
  me: string
  /** the person being asked */
  to: string
  toEmail: string | null
  /** the person they would meet */
  other: string
  /** how the other person is described */
  otherContext: string
  /** what the asked person gains */
  gain: string
}

/** Asking one side first: who, why, what they gain, and an easy no. */
export function composeOptIn(f: OptInFields): Message {
  const to = firstName(f.to)
  const body = [
    `Hi ${to},`,
    '',
    `Would you like me to introduce you to ${f.other}${f.otherContext.trim() === '' ? '' : `, ${f.otherContext.trim()}`}?`,
    f.gain.trim() === '' ? '' : `I think it would be worth your time: ${f.gain.trim()}`,
    '',
    'Only if you are interested and have the time; a simple "not now" is completely fine.',
    '',
    firstName(f.me),
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n')
  return { to: f.toEmail === null ? [] : [f.toEmail], cc: [], subject: `Would you like to meet ${f.other}?`, body }
}

export interface IntroEmailFields {
  me: string
  a: { name: string; email: string | null; howIKnow: string; credit: string; gain: string }
  b: { name: string; email: string | null; howIKnow: string; credit: string; gain: string }
  context: string
  /** who takes the next step */
  schedules: 'a' | 'b'
}

export const INTRO_WORD_LIMIT = 150

export interface IntroEmail extends Message {
  words: number
  warnings: string[]
}

/** Subject `Intro: A <> B - context`, both in To, how I know each, the gain for each, who schedules. */
export function composeIntroEmail(f: IntroEmailFields): IntroEmail {
  const a = firstName(f.a.name)
  const b = firstName(f.b.name)
  const scheduler = f.schedules === 'a' ? f.a : f.b
  const other = f.schedules === 'a' ? f.b : f.a
  const body = [
    `Hi ${a} and ${b},`,
    '',
    `Happy to connect you two, as promised.`,
    '',
    `${a}, ${f.b.name}${f.b.howIKnow.trim() === '' ? '' : ` ${f.b.howIKnow.trim()}`}.${f.b.credit.trim() === '' ? '' : ` ${f.b.credit.trim().replace(/\.?$/, '.')}`}${f.a.gain.trim() === '' ? '' : ` Why talk: ${f.a.gain.trim().replace(/\.?$/, '.')}`}`,
    '',
    `${b}, ${f.a.name}${f.a.howIKnow.trim() === '' ? '' : ` ${f.a.howIKnow.trim()}`}.${f.a.credit.trim() === '' ? '' : ` ${f.a.credit.trim().replace(/\.?$/, '.')}`}${f.b.gain.trim() === '' ? '' : ` Why talk: ${f.b.gain.trim().replace(/\.?$/, '.')}`}`,
    '',
    `I will let ${firstName(scheduler.name)} take it from here and suggest a few times to ${firstName(other.name)}.`,
    '',
    firstName(f.me),
  ].join('\n')
  const count = words(body)
  const warnings: string[] = []
  if (f.a.gain.trim() === '') warnings.push(`No gain stated for ${f.a.name}.`)
  if (f.b.gain.trim() === '') warnings.push(`No gain stated for ${f.b.name}.`)
  if (count > INTRO_WORD_LIMIT) warnings.push(`${count} words: introductions work best under about ${INTRO_WORD_LIMIT}.`)
  return {
    to: [f.a.email, f.b.email].filter((e): e is string => e !== null && e !== ''),
    cc: [],
    subject: `Intro: ${f.a.name} <> ${f.b.name}${f.context.trim() === '' ? '' : ` - ${f.context.trim()}`}`,
    body,
    words: count,
    warnings,
  }
}

/** The reply-all that moves me to BCC and leaves the two to it. */
export function composeHandoff(me: string, a: { name: string; email: string | null }, b: { name: string; email: string | null }, subject: string): Message {
  return {
    to: [a.email, b.email].filter((e): e is string => e !== null && e !== ''),
    cc: [],
    subject: subject.startsWith('Re: ') ? subject : `Re: ${subject}`,
    body: [`(Moving myself to BCC.)`, '', `Great to see you connected, ${firstName(a.name)} and ${firstName(b.name)}. I will step out of the thread and leave you to it.`, '', firstName(me)].join('\n'),
  }
}

// ---- Getting messages out --------------------------------------------------------

/**
 * A mailto: link (RFC 6068): addresses comma-separated; subject and body
 * percent-encoded as UTF-8, line breaks as %0D%0A, nothing left that a mail
 * program could read as a separator (&, ?, #, =, +).
 */
export function mailtoUrl(m: Message): string {
  const encode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const query: string[] = []
  if (m.cc.length > 0) query.push(`cc=${m.cc.map(encode).join(',')}`)
  if (m.subject !== '') query.push(`subject=${encode(m.subject)}`)
  if (m.body !== '') query.push(`body=${encode(m.body.replace(/\r?\n/g, '\r\n'))}`)
  const address = (a: string): string => encode(a).replace(/%40/g, '@')
  if (m.cc.length > 0) query[0] = `cc=${m.cc.map(address).join(',')}`
  return `mailto:${m.to.map(address).join(',')}${query.length === 0 ? '' : `?${query.join('&')}`}`
}
