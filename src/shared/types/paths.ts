/** Paths to someone: each step, its factors, and what to check before asking. */
import type { LiveAskState } from '../intro-states'
import type { PersonRef } from './people'

export type PathTarget =
  | { kind: 'person'; id: number; name: string }
  | { kind: 'company'; name: string; people: number }
  | { kind: 'tag'; name: string; people: number }

export interface Factor {
  label: string
  value: number
}

export type Verdict = 'good' | 'caution' | 'stop'

export interface BeforeYouAsk {
  question: string
  verdict: Verdict
  reason: string
}

/** How one step of a path is known: a relationship someone recorded, or an inferred colleague tie. */
export type PathStep =
  | { kind: 'relationship' }
  | { kind: 'colleague'; organisation: PersonRef; since: string | null }

export interface PathView {
  score: number
  /** from me to the target, each named as the People list tells namesakes apart (the name, with the company when someone else has it) */
  people: PersonRef[]
  /** one per relationship along the path, in order */
  steps: PathStep[]
  /** strengths of the relationships along the path, in order */
  strengths: number[]
  factors: Factor[]
  beforeYouAsk: BeforeYouAsk[]
  /**
   * The ask already under way for this path's first step (its connector asked
   * for its next person): asking again would repeat it, so it is opened
   * instead. Null when there is none.
   */
  underWay: { id: number; state: LiveAskState } | null
}

export interface DirectTie {
  id: number
  name: string
  strength: number
  lastTalked: string | null
  /** for a company or tag target: what to do instead of an introduction ("ask them about their colleagues at X") */
  hint: string | null
  /**
   * A person asked about whom I know only faintly (2/5 or less, no talk logged
   * for a year, never introduced to me): paths to them are looked for as well,
   * since a word from someone who knows them well may carry more than mine.
   */
  faint: boolean
}

export interface PathsResult {
  target: PathTarget
  /** targets I already know: not an introduction, shown first */
  direct: DirectTie[]
  paths: PathView[]
  /** how many targets were searched (several for a company or a tag) */
  targets: number
}
