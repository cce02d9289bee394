/** The factors of docs/scoring.md, one function each. */
import type { ScoringSettings } from '../../../shared/scoring'

import type { Confidence } from '../../../shared/vocab'

export type { Confidence }

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS)
}

export function baseOf(s: ScoringSettings, strength: number): number {
  return s.base[Math.min(5, Math.max(1, Math.round(strength))) - 1] ?? 0
}

/**
 * 0.5 + 0.5 x 2^(-days / H); when nothing was ever logged, the "never
 * logged" value for my own ties and the "unknown" value between others.
 */
export function recencyOf(s: ScoringSettings, daysAgo: number | null, touchesMe: boolean): number {
  if (daysAgo === null) return touchesMe ? s.neverLoggedRecency : s.unknownRecency
  return 0.5 + 0.5 * 2 ** (-Math.max(0, daysAgo) / s.halfLifeDays)
}

export function confidenceOf(s: ScoringSettings, confidence: Confidence): number {
  return s.confidence[confidence]
}

/** The chance one relationship carries the ask, clamped. */
export function edgeChance(s: ScoringSettings, strength: number, confidence: Confidence, daysAgo: number | null, touchesMe: boolean): number {
  const raw = baseOf(s, strength) * recencyOf(s, daysAgo, touchesMe) * confidenceOf(s, confidence)
  return Math.min(s.ceiling, Math.max(s.floor, raw))
}

/** First connector only: clamp(base + perPoint x (points I gave c - points c gave me)). */
export function reciprocityOf(s: ScoringSettings, balance: number): number {
  return Math.min(s.reciprocity.max, Math.max(s.reciprocity.min, s.reciprocity.base + s.reciprocity.perPoint * balance))
}

/** Every connector: 1 / (1 + asks routed through them in the window). */
export function fatigueOf(recentAsks: number): number {
  return 1 / (1 + recentAsks)
}

/** lambda^(edges - 2) */
export function hopOf(s: ScoringSettings, edges: number): number {
  return s.hopPenalty ** (edges - 2)
}
