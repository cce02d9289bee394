import { missingEmail, textProblems } from './checks'
import { asSentence, clause, endWith, firstName, greet, hasWords, lines, signature, words, type Message, type Signer } from './wording'

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
  /** the line of credit the user wrote for the other person ("She shipped Stripe Treasury"): who they are, beyond a title */
  otherCredit?: string
}

/** Asking one side first: who the other is (with their line of credit), what this side gains, and an easy no. */
export function composeOptIn(f: OptInFields): Message {
  const other = clause(f.other)
  const context = clause(f.otherContext)
  const body = lines([
    greet(f.to),
    '',
    endWith(`Would you like me to introduce you to ${other}${context === '' ? '' : `, ${context}`}`, '?'),
    [asSentence(f.otherCredit ?? ''), asSentence(f.gain)].filter((line) => line !== '').join(' '),
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
  /** what they do (`roleWords`), for when the user has not said how they know them: "Founder at Juniper Robotics" */
  role: string
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
  const why = asSentence(gain)
  const role = clause(about.role)
  // "Grace, Valentina Ferreira, Founder at Juniper, is a friend from university." or, with nothing said of how I
  // know them, "Grace, meet Valentina Ferreira, Founder at Juniper."; the gain follows as a sentence of its own.
  const opening =
    how === ''
      ? `${firstName(to)}, meet ${clause(about.name)}${role === '' ? '' : `, ${role}`}`
      : // (Not before "and I worked together": "Ana Silva, Head of Data, and I" reads as a list of three.)
        `${firstName(to)}, ${clause(about.name)}${role === '' || /^(,|and\b)/i.test(how) ? '' : `, ${role},`} ${how}`
  return [endWith(opening, '.'), credit, why].filter((s) => s !== '').join(' ')
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
