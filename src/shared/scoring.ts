/**
 * The parameters of path scoring (shared/design/scoring.md), with their
 * defaults. Every one is editable in Settings.
 */
import { z } from 'zod'

const unit = z.number().min(0).max(1)

export const scoringSettings = z.strictObject({
  /** p for strengths 1..5 */
  base: z.tuple([unit, unit, unit, unit, unit]),
  /** recency half-life, in days */
  halfLifeDays: z.number().min(1).max(3650),
  /** recency of a relationship between two others with no interaction logged together */
  unknownRecency: unit,
  /** recency of my relationship with someone I never logged talking to */
  neverLoggedRecency: unit,
  confidence: z.strictObject({ firsthand: unit, believed: unit, inferred: unit }),
  /** p(e) is clamped to [floor, ceiling] */
  floor: unit,
  ceiling: unit,
  reciprocity: z.strictObject({
    base: z.number().min(0).max(2),
    perPoint: z.number().min(0).max(1),
    min: z.number().min(0).max(2),
    max: z.number().min(0).max(2),
  }),
  /** asks through a connector within this many days wear them out */
  fatigueWindowDays: z.number().int().min(1).max(3650),
  /** lambda: the factor per relationship beyond two */
  hopPenalty: unit,
})

export type ScoringSettings = z.infer<typeof scoringSettings>

export const DEFAULT_SCORING: ScoringSettings = {
  base: [0.2, 0.4, 0.6, 0.8, 0.95],
  halfLifeDays: 90,
  unknownRecency: 0.75,
  neverLoggedRecency: 0.5,
  confidence: { firsthand: 1, believed: 0.7, inferred: 0.5 },
  floor: 0.05,
  ceiling: 0.95,
  reciprocity: { base: 0.85, perPoint: 0.05, min: 0.6, max: 1 },
  fatigueWindowDays: 90,
  hopPenalty: 0.8,
}
