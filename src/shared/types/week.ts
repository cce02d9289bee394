/** The weekly review: suggested introductions, favors to return, ties gone cold, follow-ups. */
import type { IntroState } from '../intro-states'
import type { SuggestionStatus } from '../vocab'
import type { TaskView } from './introductions'
import type { Factor } from './paths'
import type { PersonRef } from './people'

export interface SuggestionView {
  id: number
  rank: number
  a: PersonRef
  b: PersonRef
  score: number
  /** the factors; score is their product */
  reasons: Factor[]
  status: SuggestionStatus
  introductionId: number | null
  /** where the introduction started from it stands now (null when none was, or it was deleted) */
  introductionState: IntroState | null
  /** started, its introduction abandoned (or deleted), and the two still not known to each other: it can be started again */
  canStartAgain: boolean
}

/** Two people who share many contacts: they may already know each other. */
export interface MaybeKnown {
  a: PersonRef
  b: PersonRef
  shared: number
  index: number
}

export interface FavorStanding {
  person: PersonRef
  /** the full name, with the company when someone else has the same name */
  label: string
  givenByMe: number
  receivedByMe: number
  pointsGivenByMe: number
  pointsReceivedByMe: number
  /** points I gave minus points they gave */
  balance: number
  lastFavor: string
  /** change of the balance over the last 90 days */
  trend: number
}

export interface Nudge {
  person: PersonRef
  /** the full name, with the company when someone else has the same name */
  label: string
  text: string
  /** my contacts who offer what they need */
  helpers: PersonRef[]
}

export interface ColdTie {
  person: PersonRef
  strength: number
  lastTalked: string | null
  cadenceDays: number
  daysSince: number | null
}

export interface WeekView {
  week: string
  suggestions: SuggestionView[]
  /**
   * Whether anything suggestions are made from is recorded (needs and offers, interests):
   * with none, an empty list says to record them; with some, that no
   * new pair gains from it this week.
   */
  suggestionsFromSomething: boolean
  maybeKnown: MaybeKnown[]
  followUps: TaskView[]
  favorsToReturn: Nudge[]
  coldTies: ColdTie[]
}
