/**
 * The drafts of one introduction, built in one place from its stored details
 * and the user's profile. What the user edited wins over what Kith composes;
 * every draft carries what the checkers say of the text that will be sent.
 */
import {
  BLURB_PARTS,
  askSubject,
  checkAsk,
  checkBlurb,
  checkHandoff,
  checkIntroEmail,
  checkOptIn,
  composeAsk,
  composeBlurbSentences,
  composeHandoff,
  composeIntroEmail,
  composeOptIn,
  assembleBlurb,
  roleWords,
  type BlurbPart,
  type IntroEmailFields,
} from '../../../shared/intro-templates'
import type { BlurbSentences, DraftMessage, IntroPerson, IntroductionDrafts, PersonRef, Profile } from '../../../shared/types'
import type { IntroKind } from '../../../shared/intro-states'

const NONE: IntroductionDrafts = { ask: null, blurb: null, optIns: null, email: null, handoff: null }

/** The details field holding the user's own version of each blurb sentence. */
export const BLURB_FIELDS: Record<BlurbPart, 'blurbWho' | 'blurbWhy' | 'blurbBring' | 'blurbAsk'> = {
  who: 'blurbWho',
  why: 'blurbWhy',
  bring: 'blurbBring',
  ask: 'blurbAsk',
}

export interface DraftInput {
  kind: IntroKind
  details: Record<string, unknown>
  /** connector and target for an ask; A and B when I connect two people */
  people: IntroPerson[]
  /** for one hop of a longer path: the person the chain leads to */
  goal: PersonRef | null
  answers: { a: 'yes' | 'no' | null; b: 'yes' | 'no' | null }
  profile: Profile
  /** for an ask: days since I last talked with the connector (null: nothing logged), and who introduced us on a longer path */
  connector?: { lastTalkedDays: number | null; introducedBy: string | null } | null
}

/** Past this many days since we last talked, the note to a connector opens by getting back in touch (as the checks say). */
const LONG_SILENCE_DAYS = 180

/** A stored text field; '' when absent. */
const text = (d: Record<string, unknown>, key: string): string => {
  const v = d[key]
  return typeof v === 'string' ? v : ''
}

/** The user's own text when there is some, else the composed one. */
const own = (d: Record<string, unknown>, key: string, composed: string): string => (text(d, key).trim() === '' ? composed : text(d, key))

const profileWarnings = (profile: Profile): string[] =>
  profile.fullName.trim() === '' ? ['Your name is missing: add it in Settings, under Your profile, so drafts are signed with it.'] : []

/** The blurb's four sentences as they stand: the user's edits, else drafted. */
export function blurbSentences(d: Record<string, unknown>, profile: Profile, target: string, goal: string | null): BlurbSentences {
  const composed = composeBlurbSentences({ ...profile, target, goal, why: text(d, 'why'), offer: text(d, 'offer') })
  const out = { ...composed }
  for (const part of BLURB_PARTS) out[part] = own(d, BLURB_FIELDS[part], composed[part]).trim()
  return out
}

/** Who of `people` cannot be in To: no email address on record. */
const withoutEmail = (...people: { name: string; email: string | null }[]): string[] => people.filter((p) => p.email === null || p.email.trim() === '').map((p) => p.name)

function askDrafts(input: DraftInput): IntroductionDrafts {
  const [connector, target] = input.people
  if (connector === undefined || target === undefined) return NONE
  const d = input.details
  const { profile } = input
  const goal = input.goal !== null && input.goal.id !== target.id ? input.goal.name : null
  const legacy = text(d, 'blurb')
  const sentences = legacy.trim() === '' ? blurbSentences(d, profile, target.name, goal) : null
  const blurbText = sentences === null ? legacy.trim() : assembleBlurb(sentences)
  const blurbCheck = checkBlurb(sentences ?? blurbText, profile.fullName, target.name, goal)
  const why = text(d, 'why')
  const offer = text(d, 'offer')
  const composed = composeAsk({
    signer: profile,
    connector: connector.name,
    connectorEmail: connector.email,
    target: target.name,
    goal,
    why,
    offer,
    blurb: blurbText,
    introducedBy: input.connector?.introducedBy ?? null,
    longSilence: (input.connector?.lastTalkedDays ?? 0) > LONG_SILENCE_DAYS,
  })
  const message = text(d, 'message')
  const edited = message.trim() !== ''
  const body = edited ? message : composed.body
  return {
    ...NONE,
    ask: {
      ...composed,
      leftOut: withoutEmail(connector),
      subject: askSubject(target.name),
      body,
      warnings: [...profileWarnings(profile), ...checkAsk(body, { connector: connector.name, connectorEmail: connector.email, target: target.name, goal, why, offer, edited })],
    },
    blurb: { text: blurbText, warnings: blurbCheck.problems, sentences },
  }
}

function connectDrafts(input: DraftInput): IntroductionDrafts {
  const [a, b] = input.people
  if (a === undefined || b === undefined) return NONE
  const d = input.details
  const { profile } = input
  const optIn = (to: IntroPerson, other: IntroPerson, gain: string, otherCredit: string): DraftMessage => {
    const fields = { signer: profile, to: to.name, toEmail: to.email, other: other.name, otherContext: roleWords(other), gain, otherCredit }
    const m = composeOptIn(fields)
    return { ...m, leftOut: withoutEmail(to), warnings: checkOptIn(m.body, fields) }
  }
  const fields: IntroEmailFields = {
    signer: profile,
    a: { name: a.name, email: a.email, howIKnow: text(d, 'aHow'), credit: text(d, 'aCredit'), gain: text(d, 'aGain'), role: roleWords(a) },
    b: { name: b.name, email: b.email, howIKnow: text(d, 'bHow'), credit: text(d, 'bCredit'), gain: text(d, 'bGain'), role: roleWords(b) },
    context: text(d, 'context'),
    schedules: d.schedules === 'b' ? 'b' : 'a',
  }
  const composed = composeIntroEmail(fields)
  const emailBody = own(d, 'email', composed.body)
  const saidNo = [input.answers.a === 'no' ? a.name : null, input.answers.b === 'no' ? b.name : null].filter((n) => n !== null)
  const notYes = [input.answers.a === null ? a.name : null, input.answers.b === null ? b.name : null].filter((n) => n !== null)
  const optInState =
    saidNo.length > 0
      ? [`${saidNo.join(' and ')} said no: this introduction is not to be sent.`]
      : notYes.length === 2
        ? ['Neither side has said yes yet.']
        : notYes.map((n) => `${n} has not said yes yet.`)
  const handoff = composeHandoff(profile, a, b, composed.subject)
  const handoffBody = own(d, 'handoff', handoff.body)
  return {
    ...NONE,
    optIns: { a: optIn(a, b, text(d, 'aGain'), text(d, 'bCredit')), b: optIn(b, a, text(d, 'bGain'), text(d, 'aCredit')) },
    email: {
      to: composed.to,
      leftOut: withoutEmail(a, b),
      cc: composed.cc,
      subject: composed.subject,
      body: emailBody,
      warnings: [...optInState, ...profileWarnings(profile), ...checkIntroEmail(emailBody, fields)],
    },
    handoff: { ...handoff, leftOut: withoutEmail(a, b), body: handoffBody, warnings: checkHandoff(handoffBody, a, b) },
  }
}

/** Every draft of an introduction, with what the checkers say. */
export function introDrafts(input: DraftInput): IntroductionDrafts {
  return input.kind === 'ask' ? askDrafts(input) : connectDrafts(input)
}
