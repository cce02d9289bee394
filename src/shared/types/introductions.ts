/** Introductions, their follow-up tasks and drafts, and the profile that signs them. */
import type { IntroKind } from '../intro-states'
import type { TaskKind } from '../vocab'
import type { BeforeYouAsk, PathView } from './paths'
import type { PersonRef } from './people'

export interface IntroPerson extends PersonRef {
  email: string | null
  company: string | null
  title: string | null
}

export type TaskStatus = 'overdue' | 'today' | 'upcoming' | 'done'

export interface TaskView {
  id: number
  introductionId: number | null
  person: PersonRef | null
  kind: TaskKind
  title: string
  dueOn: string
  snoozedUntil: string | null
  doneAt: string | null
  status: TaskStatus
}

/** One introduction in a list. */
export interface IntroductionRequest {
  id: number
  kind: IntroKind
  state: string
  /** "Ask Vera to introduce you to Yara" / "Introduce Ana and Ben" */
  title: string
  connector: PersonRef | null
  target: PersonRef | null
  personA: PersonRef | null
  personB: PersonRef | null
  path: PersonRef[]
  score: number | null
  /** For one hop of a longer path: the person the whole chain leads to (null when the target is the goal). */
  goal: PersonRef | null
  /** The hop before this one (its introduction id), and the one drafted after it. */
  previousId: number | null
  nextId: number | null
  createdAt: string
  updatedAt: string
  openTasks: number
  overdueTasks: number
  nextDue: string | null
}

export interface IntroductionDetail extends IntroductionRequest {
  me: IntroPerson
  /** connector and target for an ask; A and B when I connect two people */
  people: IntroPerson[]
  answers: { a: 'yes' | 'no' | null; b: 'yes' | 'no' | null }
  details: Record<string, string | boolean>
  meetingOn: string | null
  history: { state: string; on: string }[]
  tasks: TaskView[]
  nextStates: string[]
  /** for an ask, until the introduction is made or the ask ends (`checksApply`): the four before-you-ask answers for its path, from today's data; else [] */
  checks: BeforeYouAsk[]
  /** The messages Kith drafts for it, from the stored fields and the user's profile. */
  drafts: IntroductionDrafts
  /** for an ask that ended without an introduction (declined, abandoned): the other ways to whom it was for; else null */
  otherWays: OtherWays | null
}

/** Where to turn once a request ends without an introduction. */
export interface OtherWays {
  /** whom the request was for in the end: the last person of a longer path, else its target */
  to: PersonRef
  /** the request's connector, named as namesakes are told apart (null when gone) */
  connector: string | null
  /** whether I know them myself now (then no path is looked for) */
  known: boolean
  /** whether I archived them since (then no path is looked for either) */
  archived: boolean
  /**
   * up to three ways to them, best first: none through this request's
   * connector, nor through anyone who said no about the person they would
   * be asked for
   */
  ways: PathView[]
  /** whether Find a path knows more such ways than those listed */
  more: boolean
}

/** The forwardable blurb's four sentences: who I am, why this person, what I bring, a small ask. */
export interface BlurbSentences {
  who: string
  why: string
  bring: string
  ask: string
}

export interface DraftMessage {
  to: string[]
  /** names of the people it is for who are not in To, because Kith has no email address for them */
  leftOut: string[]
  cc: string[]
  subject: string
  body: string
  /** what the checker found (empty: nothing to fix) */
  warnings: string[]
}

export interface IntroductionDrafts {
  /** an ask: the note to the connector */
  ask: DraftMessage | null
  /**
   * an ask: the forwardable blurb and what the checker says of it; `sentences`
   * are its four parts as they stand (the user's edits, else drafted), null
   * when the user wrote the blurb as one paragraph
   */
  blurb: { text: string; warnings: string[]; sentences: BlurbSentences | null } | null
  /** connecting two people: the opt-in to each side */
  optIns: { a: DraftMessage; b: DraftMessage } | null
  /** connecting two people: the introduction email and the BCC handoff */
  email: DraftMessage | null
  handoff: DraftMessage | null
}

/** Who the user is, as every draft signs and describes them. */
export interface Profile {
  fullName: string
  role: string
  organisation: string
  /** one line that makes the user credible to a stranger */
  credibility: string
  /** how drafts end, e.g. "Best, Jordan" */
  signOff: string
}
