/** The words Kith uses for strengths, kinds and sizes, shared by every door. */

export const STRENGTHS = [1, 2, 3, 4, 5] as const
export type Strength = (typeof STRENGTHS)[number]

export const STRENGTH_WORDS: Record<Strength, string> = {
  1: 'Met once',
  2: 'Acquaintance',
  3: 'Know well',
  4: 'Close',
  5: 'Very close',
}

export const RELATIONSHIP_KINDS = ['colleague', 'friend', 'family', 'classmate', 'investor', 'client', 'other'] as const
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number]

export const CONFIDENCES = ['firsthand', 'believed', 'inferred'] as const
export type Confidence = (typeof CONFIDENCES)[number]

export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  firsthand: 'I know it firsthand',
  believed: 'I think they know each other',
  inferred: 'Inferred',
}

export const RELATIONSHIP_SOURCES = ['entered', 'imported'] as const
export type RelationshipSource = (typeof RELATIONSHIP_SOURCES)[number]

export const INTERACTION_KINDS = ['meeting', 'call', 'email', 'message', 'event', 'other'] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

export const FAVOR_KINDS = ['introduction', 'advice', 'referral', 'help', 'gift', 'other'] as const
export type FavorKind = (typeof FAVOR_KINDS)[number]

export const FAVOR_SIZES = ['small', 'medium', 'large'] as const
export type FavorSize = (typeof FAVOR_SIZES)[number]

/** Favor points, as docs/scoring.md counts them. */
export const FAVOR_POINTS: Record<FavorSize, number> = { small: 1, medium: 2, large: 3 }

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
