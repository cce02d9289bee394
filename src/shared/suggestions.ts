/**
 * What counts as a gain when Kith suggests introductions (docs/suggestions.md):
 * the tags the user marked as interests, and the roles that complement each
 * other. Editable in Settings.
 */
import { z } from 'zod'

/**
 * Tags Kith's imports put on people ("import LinkedIn 2026-11-28"): they say
 * where someone came from, so they are never an interest.
 */
export const SOURCE_TAG = /^import \S+ \d{4}-\d{2}-\d{2}$/i

export const isSourceTag = (tag: string): boolean => SOURCE_TAG.test(tag.trim())

const interest = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'An interest cannot be blank')
  .max(100, 'Interests are limited to 100 characters')
  .refine((t) => !isSourceTag(t), { message: 'An import tag says where someone came from: it cannot be an interest' })

const role = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'Enter a role')
  .max(60, 'Roles are limited to 60 characters')
  .refine((r) => /[\p{L}\p{N}]/u.test(r), { message: 'A role needs a letter or a digit' })

export const suggestionSettings = z.strictObject({
  /** tags that mean a shared interest when two people both carry them */
  interests: z.array(interest).max(200, 'At most 200 interests'),
  /** pairs of roles whose holders gain from meeting each other (both ways) */
  complementaryRoles: z.array(z.strictObject({ a: role, b: role })).max(20, 'At most 20 pairs of roles'),
})

export type SuggestionSettings = z.output<typeof suggestionSettings>

export const DEFAULT_SUGGESTION_SETTINGS: SuggestionSettings = {
  interests: [],
  complementaryRoles: [
    { a: 'founder', b: 'investor' },
    { a: 'hiring manager', b: 'candidate' },
  ],
}
