import { missingEmail, textProblems } from './checks'
import { asSentence, clause, endWith, escapeRegExp, firstName, greet, hasWords, lines, signature, words, type Message, type Signer } from './wording'

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
  /** on the next hop of a longer path: who introduced me to the connector */
  introducedBy?: string | null
  /** the last time we talked was long ago: the note gets back in touch before it asks */
  longSilence?: boolean
}

/** The goal when it is someone other than the target. */
export const goalOf = (target: string, goal: string | null | undefined): string | null => {
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
  const introducedBy = clause(f.introducedBy ?? '')
  const opening =
    introducedBy !== ''
      ? `I am glad ${firstName(introducedBy)} introduced us.`
      : f.longSilence === true
        ? 'It has been far too long since we last talked, and I hope all is well with you.'
        : 'I hope you are well.'
  const ask = [`${opening} ${endWith(`Would you be open to introducing me to ${target}`, '?')}`]
  if (goal !== null) ask.push(endWith(`I am hoping to reach ${goal} in the end, and ${t} is well placed to help me with that`, '.'))
  const blurb = f.blurb.trim()
  // A sentence the blurb below already says, word for word, is not said twice: the blurb carries it.
  const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()
  // Whole sentences only: "AI." is not carried by "...generative AI."
  const carried = (sentence: string): boolean => sentence !== '' && new RegExp(`(^|[.!?]\\s)${escapeRegExp(flat(sentence))}(\\s|$)`).test(flat(blurb))
  const why = asSentence(f.why)
  const offer = asSentence(f.offer)
  const said = [carried(why) ? 'why I would like to meet them' : '', carried(offer) ? 'what I can offer' : ''].filter((x) => x !== '')
  const lead =
    said.length === 0
      ? `In case it helps, here is a short note about me that you could forward to ${t}`
      : `Here is a short note about me that you could forward to ${t}; it says ${said.join(' and ')}`
  const body = lines([
    greet(f.connector),
    '',
    ask.join(' '),
    '',
    carried(why) ? '' : why,
    '',
    carried(offer) ? '' : offer,
    '',
    ...(blurb === '' ? [] : [endWith(lead, ':'), '', blurb, '']),
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
