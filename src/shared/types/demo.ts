/** The sample network: whether it is here, and removing it. */
import type { PersonRef } from './people'

/** Whether the sample network is here, and whether its removal can still be undone. */
export interface DemoState {
  /** sample people still here (you are not counted) */
  samplePeople: number
  /** the last removal, while it can be undone */
  removed: { at: string; people: number } | null
}

export interface DemoRemoval {
  removed: number
  /** sample people edited or used by hand since the sample was loaded: they stay */
  kept: PersonRef[]
}
