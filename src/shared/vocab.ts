/** The words Kith uses for strengths, kinds and sizes, shared by every door. */

/** True when `value` is one of `list`: narrows text or a number read from outside to the list's type. */
export function isOneOf<T extends string | number>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value)
}

export const STRENGTHS = [1, 2, 3, 4, 5] as const
export type Strength = (typeof STRENGTHS)[number]
export const isStrength = (value: unknown): value is Strength => isOneOf(STRENGTHS, value)

export const STRENGTH_WORDS: Record<Strength, string> = {
  1: 'Met once',
  2: 'Acquaintance',
  3: 'Know well',
  4: 'Close',
  5: 'Very close',
}

/** A strength in words ("Close"); a number outside 1 to 5, which Kith never stores, is shown as it is. */
export function strengthWord(strength: number): string {
  return isStrength(strength) ? STRENGTH_WORDS[strength] : String(strength)
}

/** What a person's labels say: a tag, something they need, something they offer. */
export const LABEL_KINDS = ['tag', 'need', 'offer'] as const
export type LabelKind = (typeof LABEL_KINDS)[number]

export const RELATIONSHIP_KINDS = ['colleague', 'friend', 'family', 'classmate', 'investor', 'client', 'other'] as const
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number]

export const CONFIDENCES = ['firsthand', 'believed', 'inferred'] as const
export type Confidence = (typeof CONFIDENCES)[number]
export const isConfidence = (value: unknown): value is Confidence => isOneOf(CONFIDENCES, value)

export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  firsthand: 'I know it firsthand',
  believed: 'I think they know each other',
  inferred: 'Inferred',
}

export const RELATIONSHIP_SOURCES = ['entered', 'imported'] as const
export type RelationshipSource = (typeof RELATIONSHIP_SOURCES)[number]

export const INTERACTION_KINDS = ['meeting', 'call', 'email', 'message', 'event', 'other'] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]
export const isInteractionKind = (value: unknown): value is InteractionKind => isOneOf(INTERACTION_KINDS, value)

export const FAVOR_KINDS = ['introduction', 'advice', 'referral', 'help', 'gift', 'other'] as const
export type FavorKind = (typeof FAVOR_KINDS)[number]

export const FAVOR_SIZES = ['small', 'medium', 'large'] as const
export type FavorSize = (typeof FAVOR_SIZES)[number]
export const isFavorSize = (value: unknown): value is FavorSize => isOneOf(FAVOR_SIZES, value)

export const TASK_KINDS = ['thank_connector', 'reply_target', 'close_loop', 'give_back', 'handoff', 'nudge', 'other'] as const
export type TaskKind = (typeof TASK_KINDS)[number]

export const SUGGESTION_STATUSES = ['open', 'started', 'dismissed', 'snoozed', 'known'] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

/** Favor points, as docs/scoring.md counts them. */
export const FAVOR_POINTS: Record<FavorSize, number> = { small: 1, medium: 2, large: 3 }

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** What a favor I gave met, said after logging it: "It gives back to Priya Rao: the follow-up to give back is done." ('' for nothing) */
export function givesBackWords(favor: { receiver: { name: string }; settled: readonly string[] }): string {
  const n = favor.settled.length
  if (n === 0) return ''
  return `It gives back to ${favor.receiver.name}: ${n === 1 ? 'the follow-up to give back is' : `${n} follow-ups to give back are`} done.`
}
