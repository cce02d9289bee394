/**
 * Argument schemas for the relationship graph. The backend validates every
 * call with them, and the renderer's forms use the same schemas to show what
 * is wrong next to each field.
 */
import { z } from 'zod'
import { isEmailAddress } from './email-address'
import { groupThousands } from './format'
import { CONFIDENCES, FAVOR_KINDS, FAVOR_SIZES, INTERACTION_KINDS, RELATIONSHIP_KINDS } from './vocab'

export const LIMITS = {
  name: 200,
  shortText: 300,
  note: 20_000,
  listItems: 100,
  label: 100,
  url: 2_000,
} as const

export const id = z.number({ error: 'must be an id (a whole number)' }).int().positive().max(Number.MAX_SAFE_INTEGER)

export const personName = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'Enter a name')
  .max(LIMITS.name, `Names are limited to ${LIMITS.name} characters`)

/** Optional free text: blank becomes null. */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} is limited to ${groupThousands(max)} characters`)
    .nullable()
    .transform((v) => {
      const t = v?.trim() ?? ''
      return t === '' ? null : t
    })

export const note = optionalText(LIMITS.note, 'A note')

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number)
  if (y === undefined || m === undefined || d === undefined) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A birthday: a full date, or month and day when the year is not known ('--MM-DD'). */
export const birthday = z
  .string()
  .trim()
  .regex(/^(\d{4}|-)-\d{2}-\d{2}$/, 'Use a date like 1990-03-14, or --03-14 without the year')
  .refine((v) => isRealDate(v.startsWith('--') ? `2000${v.slice(1)}` : v), 'That date does not exist')

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-14')
  .refine(isRealDate, 'That date does not exist')

/** The earliest day Kith records something happening on: earlier is a mistyped year. */
export const EARLIEST_DATE = '1900-01-01'

/**
 * The day something happened (a meeting, a favor, a step of an introduction).
 * Not before 1900 here; not after today is checked by the backend, which
 * knows the user's day.
 */
export const eventDate = isoDate.refine((v) => v >= EARLIEST_DATE, {
  error: (issue) => `${String(issue.input)} is before 1900; check the year`,
})

const list = (item: z.ZodType<string>, what: string) =>
  z
    .array(item)
    .max(LIMITS.listItems, `At most ${LIMITS.listItems} ${what}`)
    .transform((items) => {
      const seen = new Set<string>()
      return items.filter((i) => {
        const key = i.toLowerCase()
        if (i === '' || seen.has(key)) return false
        seen.add(key)
        return true
      })
    })

const label = z.string().trim().max(LIMITS.label, `Labels are limited to ${LIMITS.label} characters`)
/** An email address (see `isEmailAddress`), or blank. */
export const email = z
  .string()
  .trim()
  .max(LIMITS.shortText)
  .refine((v) => v === '' || isEmailAddress(v), 'Enter an email address like ana@example.com')
export const phone = z
  .string()
  .trim()
  .max(50)
  .refine((v) => v === '' || /^[+()\d\s./-]{3,}$/.test(v) && /\d/.test(v), 'Enter a phone number (digits, spaces, + - . ( ))')
const url = z
  .string()
  .trim()
  .max(LIMITS.url)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'Enter a web address starting with https://')
  .nullable()
  .transform((v) => (v === null || v === '' ? null : v))

/** A LinkedIn address as people paste it: `linkedin.com/in/x` or `www.linkedin.com/in/x` gains its https://. */
const linkedinUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .transform((v) => (/^(?:[a-z]{2,3}\.|www\.)?linkedin\.com\//i.test(v) ? `https://${v}` : v))
  .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'Enter a web address starting with https://')
  .nullable()
  .transform((v) => (v === null || v === '' ? null : v))

export const employmentInput = z.strictObject({
  company: z.string().trim().min(1, 'Enter the company').max(LIMITS.shortText),
  title: optionalText(LIMITS.shortText, 'A title').default(null),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
}).refine((e) => e.startDate === null || e.endDate === null || e.startDate <= e.endDate, {
  message: 'The end comes before the start',
  path: ['endDate'],
})

/** Every field of a person a user can set. */
export const personFields = {
  name: personName,
  aliases: list(z.string().trim().max(LIMITS.name), 'aliases'),
  emails: list(email, 'emails'),
  phones: list(phone, 'phone numbers'),
  company: optionalText(LIMITS.shortText, 'A company name'),
  title: optionalText(LIMITS.shortText, 'A title'),
  location: optionalText(LIMITS.shortText, 'A location'),
  tags: list(label, 'tags'),
  needs: list(label, 'needs'),
  offers: list(label, 'offers'),
  notes: note,
  howWeMet: optionalText(LIMITS.note, 'How we met'),
  introducedById: id.nullable(),
  linkedinUrl,
  website: url,
  employment: z.array(employmentInput).max(LIMITS.listItems, `At most ${LIMITS.listItems} jobs`),
  /** keep in touch at least every this many days (null: the default for the strength) */
  cadenceDays: z.number().int('Use whole days').min(1, 'At least one day').max(3650, 'At most ten years').nullable(),
  birthday: birthday.nullable(),
}

/** Who already knows a person being added (say, someone to find a path to). */
export const knownByInput = z.strictObject({
  id,
  strength: z.number().int().min(1, 'Choose a strength from 1 to 5').max(5, 'Choose a strength from 1 to 5'),
  confidence: z.enum(CONFIDENCES).default('believed'),
})

export const personCreate = z.strictObject({
  ...personFields,
  /** Add even when someone already in Kith has the same name, an email or the LinkedIn profile. */
  allowDuplicate: z.boolean().default(false),
  knownBy: z.array(knownByInput).max(200).default([]),
  aliases: personFields.aliases.default([]),
  emails: personFields.emails.default([]),
  phones: personFields.phones.default([]),
  company: personFields.company.default(null),
  title: personFields.title.default(null),
  location: personFields.location.default(null),
  tags: personFields.tags.default([]),
  needs: personFields.needs.default([]),
  offers: personFields.offers.default([]),
  notes: personFields.notes.default(null),
  howWeMet: personFields.howWeMet.default(null),
  introducedById: personFields.introducedById.default(null),
  linkedinUrl: personFields.linkedinUrl.default(null),
  website: personFields.website.default(null),
  employment: personFields.employment.default([]),
  cadenceDays: personFields.cadenceDays.default(null),
  birthday: personFields.birthday.default(null),
})
export type PersonCreate = z.output<typeof personCreate>

export const personPatch = z.strictObject(personFields).partial()
export type PersonPatch = z.output<typeof personPatch>

export const relationshipInput = z
  .strictObject({
    a: id,
    b: id,
    strength: z.number({ error: 'Choose a strength from 1 to 5' }).int('Choose a strength from 1 to 5').min(1, 'Choose a strength from 1 to 5').max(5, 'Choose a strength from 1 to 5'),
    kind: z.enum(RELATIONSHIP_KINDS).default('other'),
    confidence: z.enum(CONFIDENCES).default('firsthand'),
    contexts: list(z.string().trim().max(LIMITS.shortText), 'contexts').default([]),
    since: isoDate.nullable().default(null),
  })
  .refine((r) => r.a !== r.b, { message: 'A person cannot have a relationship with themself', path: ['b'] })
export type RelationshipInput = z.output<typeof relationshipInput>

/** A follow-up the user adds by hand: what to do, by when, and whom (or which introduction) it is about. */
export const followUpInput = z.strictObject({
  personId: id.nullable().default(null),
  title: z.string().trim().min(1, 'Enter what to do').max(300, 'A follow-up is limited to 300 characters'),
  due: isoDate,
  introductionId: id.nullable().default(null),
})

export const interactionInput = z.strictObject({
  date: eventDate,
  kind: z.enum(INTERACTION_KINDS),
  people: z
    .array(id)
    .min(1, 'Choose at least one person')
    .max(200, 'At most 200 people')
    .refine((ids) => new Set(ids).size === ids.length, 'A person is listed twice'),
  note: note.default(null),
  withMe: z.boolean().default(true),
})
export type InteractionInput = z.output<typeof interactionInput>

export const favorInput = z
  .strictObject({
    giverId: id,
    receiverId: id,
    date: eventDate,
    kind: z.enum(FAVOR_KINDS),
    size: z.enum(FAVOR_SIZES),
    note: note.default(null),
    introductionId: id.nullable().default(null),
  })
  .refine((f) => f.giverId !== f.receiverId, { message: 'Giver and receiver must be two different people', path: ['receiverId'] })
export type FavorInput = z.output<typeof favorInput>

const detailText = z.string().max(LIMITS.note, `Limited to ${groupThousands(LIMITS.note)} characters`)

/** The fields of an introduction's messages; every one optional. */
export const introDetails = z
  .strictObject({
    why: detailText,
    offer: detailText,
    /** the blurb as one paragraph the user wrote (older drafts); when set it wins over the sentences */
    blurb: detailText,
    /** the blurb's four sentences as the user edited them; empty: drafted from the profile, why and offer */
    blurbWho: detailText,
    blurbWhy: detailText,
    blurbBring: detailText,
    blurbAsk: detailText,
    message: detailText,
    checksConfirmed: z.boolean(),
    context: detailText,
    aGain: detailText,
    bGain: detailText,
    aHow: detailText,
    bHow: detailText,
    aCredit: detailText,
    bCredit: detailText,
    schedules: z.enum(['a', 'b']),
    email: detailText,
    handoff: detailText,
    /**
     * On a hop of a longer path: why the user wants to meet the person at its end, and what they
     * can offer them. Not drafted on this hop (its blurb goes to the next person); the hop that
     * asks for that person is drafted with them as its why and offer.
     */
    goalWhy: detailText,
    goalOffer: detailText,
  })
  .partial()
export type IntroDetails = z.output<typeof introDetails>

export const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, 'Use a week like 2026-W48')

export const weeklySettings = z.strictObject({
  enabled: z.boolean(),
  /** 1 Monday .. 7 Sunday */
  day: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00'),
})
export type WeeklySettings = z.output<typeof weeklySettings>
export const DEFAULT_WEEKLY: WeeklySettings = { enabled: true, day: 1, time: '09:00' }

export const PEOPLE_SORTS = ['name', 'lastInteraction', 'strength'] as const
export type PeopleSort = (typeof PEOPLE_SORTS)[number]

/** Fields a merge can take from either person. */
export const MERGE_FIELDS = ['name', 'company', 'title', 'location', 'notes', 'howWeMet', 'introducedById', 'linkedinUrl', 'website', 'birthday'] as const
export type MergeField = (typeof MERGE_FIELDS)[number]

/** The user's own profile, used by every draft. */
export const profileInput = z.strictObject({
  fullName: z.string().trim().max(LIMITS.name, `Names are limited to ${LIMITS.name} characters`).default(''),
  role: z.string().trim().max(LIMITS.shortText).default(''),
  organisation: z.string().trim().max(LIMITS.shortText).default(''),
  credibility: z.string().trim().max(LIMITS.shortText).default(''),
  signOff: z.string().trim().max(LIMITS.shortText).default(''),
})
export type ProfileInput = z.output<typeof profileInput>

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'Enter a domain like stripe.com')

export const orgPatch = z
  .strictObject({
    name: z.string().trim().min(1, 'Enter a name').max(LIMITS.shortText),
    aliases: list(z.string().trim().max(LIMITS.shortText), 'other names'),
    domains: list(domain, 'domains'),
  })
  .partial()
export type OrgPatch = z.output<typeof orgPatch>

/**
 * A backup's id: its file name in the data folder's backups/ (kith-….sqlite),
 * letters, digits, - and _ only, so it can never be a path, a dot-dot or a
 * name outside that folder.
 */
export const BACKUP_ID_PATTERN = /^kith-[A-Za-z0-9][A-Za-z0-9_-]{0,150}\.sqlite$/

export const backupId = z
  .string()
  .max(200, 'is too long')
  .regex(BACKUP_ID_PATTERN, 'must be the name of a backup in the backups folder (kith-….sqlite), not a path')
