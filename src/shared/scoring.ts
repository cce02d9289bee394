/**
 * The parameters of path scoring (docs/scoring.md), with their
 * defaults. Every one is editable in Settings.
 */
import { z } from 'zod'

const unit = z.number().min(0).max(1)

/** Inferred colleague ties: two people whose time at one organisation overlapped. */
export const colleagueSettings = z.strictObject({
  enabled: z.boolean(),
  /** the strength an inferred colleague tie counts as */
  strength: z.number().int().min(1).max(5),
  /** size(n) = min(1, sizeScale / n), n = people Kith has at the organisation */
  sizeScale: z.number().min(1).max(10_000),
  /** an overlap shorter than this many days counts x shortOverlapFactor */
  shortOverlapDays: z.number().int().min(0).max(3650),
  shortOverlapFactor: unit,
})
export type ColleagueSettings = z.infer<typeof colleagueSettings>

export const DEFAULT_COLLEAGUES: ColleagueSettings = { enabled: true, strength: 2, sizeScale: 8, shortOverlapDays: 90, shortOverlapFactor: 0.5 }

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
  colleagues: colleagueSettings.default(DEFAULT_COLLEAGUES),
}).refine((s) => s.floor <= s.ceiling, { message: 'The floor must not be above the ceiling', path: ['floor'] })
  .refine((s) => s.reciprocity.min <= s.reciprocity.max, { message: 'The lowest reciprocity must not be above the highest', path: ['reciprocity', 'min'] })

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
  colleagues: DEFAULT_COLLEAGUES,
}
