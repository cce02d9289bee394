/**
 * Importing and exporting: the formats, the arguments the backend accepts,
 * and what it reports back. Shared by the renderer, the CLI and the backend.
 */
import { z } from 'zod'
import { MAX_EMAIL_LENGTH, isEmailAddress } from './email-address'
import { formatBytes, groupThousands } from './format'
import { RELATIONSHIP_KINDS } from './vocab'

export const IMPORT_FORMATS = ['linkedin', 'google', 'outlook', 'csv', 'vcard', 'relationships', 'json'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn connections (CSV)',
  google: 'Google Contacts (CSV)',
  outlook: 'Outlook contacts (CSV)',
  csv: 'Contacts spreadsheet (CSV)',
  vcard: 'vCard (.vcf)',
  relationships: 'Relationship sheet (CSV)',
  json: 'Kith JSON (a full export)',
}

/** Archives Kith learns from (read from a path the user chose, streamed, with no size limit). */
export const ARCHIVE_FORMATS = ['mbox', 'apple-mbox', 'eml', 'ics', 'linkedin-export'] as const
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number]

export const ARCHIVE_FORMAT_LABELS: Record<ArchiveFormat, string> = {
  mbox: 'Mail archive (mbox)',
  'apple-mbox': 'Apple Mail export (.mbox folder)',
  eml: 'Mail messages (.eml)',
  ics: 'Calendar (.ics)',
  'linkedin-export': 'LinkedIn data export',
}

/** What an archive of this format holds, counted: "1 meeting" for a calendar, "2,048 messages" for mail. */
export function archiveItemCount(format: ArchiveFormat, n: number): string {
  const [one, many] = format === 'ics' ? ['meeting', 'meetings'] : ['message', 'messages']
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

const IGNORED_WORDS: Record<IgnoredReason, string> = {
  list: 'from mailing lists',
  bulk: 'of bulk mail',
  automated: 'of automated mail',
  'no-reply': 'from no-reply senders',
  crowd: 'with too many people',
  'already imported': 'already imported',
  'not with me': 'not between you and someone',
  'shared inbox': 'with shared inboxes only (support@, info@…)',
}

/** "1 message from mailing lists", "3 meetings already imported": what an archive left out, and why. */
export function ignoredWords(format: ArchiveFormat, why: IgnoredReason, n: number): string {
  return `${archiveItemCount(format, n)} ${IGNORED_WORDS[why]}`
}

/** What an import in the history was read from: a contacts file or an archive. */
export type BatchFormat = ImportFormat | ArchiveFormat

export const BATCH_FORMAT_LABELS: Record<BatchFormat, string> = { ...FORMAT_LABELS, ...ARCHIVE_FORMAT_LABELS }

export const EXPORT_FORMATS = ['json', 'csv', 'vcard'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const IMPORT_LIMITS = {
  bytes: 50 * 1024 * 1024,
  records: 200_000,
} as const

/** What a file over the size limit is told, on the page, in the CLI and by the backend ("The file", or its name). */
export function importTooBigMessage(what: string, bytes: number): string {
  return `${what} is ${formatBytes(bytes)}; Kith imports files up to ${IMPORT_LIMITS.bytes / 1024 / 1024} MB. Split it, or export fewer contacts at a time.`
}

/** Imported people are linked to me this strongly unless the user says otherwise. */
export const DEFAULT_STRENGTH: Record<ImportFormat, number | null> = {
  linkedin: 2,
  google: 2,
  outlook: 2,
  csv: 2,
  vcard: 2,
  relationships: null,
  json: null,
}

/** Base64 of the file; a little over 4/3 of the byte limit. */
const base64 = z
  .string()
  .max(Math.ceil((IMPORT_LIMITS.bytes * 4) / 3) + 4 + 1024, `Files are limited to ${IMPORT_LIMITS.bytes / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file must be sent as base64')

export const importStartArgs = z.strictObject({
  fileName: z.string().trim().min(1, 'Name the file').max(500),
  data: base64,
  format: z.enum(IMPORT_FORMATS).nullable().default(null),
})

export const MATCH_ACTIONS = ['merge', 'new', 'skip'] as const
export type MatchAction = (typeof MATCH_ACTIONS)[number]

export const importDecision = z.strictObject({
  /** the record's index in the preview */
  index: z.number().int().min(0),
  action: z.enum(MATCH_ACTIONS),
  /** for a merge: whose value wins where both have one */
  prefer: z.enum(['mine', 'file']).default('mine'),
})
export type ImportDecision = z.output<typeof importDecision>

export const importApplyArgs = z.strictObject({
  jobId: z.string().min(1).max(100),
  /** link imported people to me this strongly; null: do not link */
  strength: z.number().int().min(1).max(5).nullable(),
  decisions: z.array(importDecision).max(200_000).default([]),
})

/** `expired`: a preview left waiting too long, let go by Kith. */
export const IMPORT_PHASES = ['reading', 'matching', 'ready', 'applying', 'done', 'failed', 'cancelled', 'expired'] as const
export type ImportPhase = (typeof IMPORT_PHASES)[number]
export const isImportPhase = (value: unknown): value is ImportPhase => (IMPORT_PHASES as readonly unknown[]).includes(value)

export interface ImportProblem {
  line: number
  message: string
}

/** How an incoming record lines up with the people already in Kith. */
export type MatchKind = 'email' | 'linkedin' | 'name and company'

export interface FieldConflict {
  field: string
  mine: string
  file: string
}

export interface PreviewMatch {
  index: number
  line: number
  name: string
  company: string | null
  /** the person it matches */
  existing: { id: number; name: string; company: string | null }
  by: MatchKind
  /** what a merge would add: fields now empty, new emails, phones and tags */
  adds: string[]
  conflicts: FieldConflict[]
}

export interface PreviewNew {
  index: number
  line: number
  name: string
  company: string | null
  title: string | null
  email: string | null
  /** other rows of the file folded into this one */
  duplicates: number
  /** people already in Kith with the same name, elsewhere: the same person after a move, perhaps (merge them after the import if so) */
  namesakes: { id: number; name: string; company: string | null }[]
}

export interface PreviewRelationship {
  line: number
  a: string
  b: string
  strength: number
  /** 'new' or 'update'; who would be created */
  action: 'new' | 'update' | 'same'
  creates: string[]
}

export interface ImportPreview {
  jobId: string
  fileName: string
  format: ImportFormat
  notes: string[]
  records: number
  counts: {
    new: number
    matches: number
    /** rows folded into an earlier row of the same file */
    duplicates: number
    /** matches that would change nothing */
    unchanged: number
    errors: number
    ignored: number
    relationshipsNew: number
    relationshipsUpdated: number
    peopleCreatedForRelationships: number
  }
  /** the source and date tag every imported person gets */
  tag: string | null
  defaultStrength: number | null
  /** false until the user has said who they are: imported people cannot be linked to them */
  meSet: boolean
  /** every match (they need a decision), at most 5,000 */
  matches: PreviewMatch[]
  /** the first 200 new people */
  newPeople: PreviewNew[]
  relationships: PreviewRelationship[]
  /** at most 1,000 of each */
  errors: ImportProblem[]
  warnings: ImportProblem[]
  ignored: ImportProblem[]
}

export interface ImportJobStatus {
  jobId: string
  phase: ImportPhase
  /** 0..1 within the phase */
  progress: number
  preview: ImportPreview | null
  result: ImportResult | null
  error: string | null
  /** the line a whole-file error is on, when it has one */
  errorLine: number | null
}

export interface ImportResult {
  batchId: number | null
  format: ImportFormat
  created: number
  updated: number
  skipped: number
  relationshipsCreated: number
  relationshipsUpdated: number
  errors: ImportProblem[]
}

export interface ImportBatchView {
  id: number
  format: BatchFormat
  fileName: string
  tag: string | null
  createdAt: string
  undoneAt: string | null
  created: number
  updated: number
  skipped: number
  errors: number
}

export interface UndoResult {
  batchId: number
  peopleDeleted: number
  /** people it added who have gained something from elsewhere since: kept, with what (at most all of them; usually few) */
  peopleKept: { id: number; name: string; why: string }[]
  peopleRestored: number
  relationshipsDeleted: number
  relationshipsRestored: number
  /** The name in backups/ of the backup taken first (never a path). */
  backup: string
}

export interface ExportFile {
  fileName: string
  mimeType: string
  content: string
  people: number
  /** On a damaged database: what could not be read and is missing from the file. */
  skipped?: string[]
}

// ---- Learning from archives (mail, calendar) ----

/** Why messages or meetings did not count as conversations between people. */
export const IGNORED_REASONS = ['list', 'bulk', 'automated', 'no-reply', 'crowd', 'already imported', 'not with me', 'shared inbox'] as const
export type IgnoredReason = (typeof IGNORED_REASONS)[number]

/** How far an archive import has got, for the page and the CLI to show. */
export interface ArchiveProgress {
  /** bytes of the archive read so far, and in all (null when not known) */
  bytes: number
  totalBytes: number | null
  /** messages (mail) or meetings (calendar) read */
  messages: number
  /** correspondents who would become or match people so far */
  people: number
}

/** Someone the user exchanged with, and the strength Kith estimates for the tie. */
export interface LearnedPerson {
  /** the person in Kith, for a match */
  id: number | null
  name: string
  email: string | null
  sent: number
  received: number
  meetings: number
  /** the estimate, or null when "me" is not set or the user set the strength */
  strength: number | null
  explanation: string
  /** matched to someone in Kith by their whole name alone (they had no address): the address is added to them */
  byName: boolean
}

/** Someone who wrote to the user (or was written to) one way only, or whom the user rejected before: listed, not added. */
export interface HeardFrom {
  name: string
  email: string | null
  sent: number
  received: number
  /** the user rejected them on the Review page before: never proposed again */
  rejected: boolean
}

export interface LearnedTie {
  a: string
  b: string
  threads: number
  last: string
  context: string
}

/** An address the archive suggests is the user's own (the sender of their sent mail), for them to confirm. */
export interface ProposedOwnAddress {
  email: string
  name: string | null
  /** messages it sent in the archive's sent mail */
  count: number
  /** Gmail's Sent label, or the most frequent sender of a sent folder */
  reason: 'sent-label' | 'sent-folder'
}

/** What an archive import would do; nothing is written until it is applied. The shape `kith import --json` prints. */
export interface ArchivePreview {
  jobId: string
  fileName: string
  format: ArchiveFormat
  /** the user's addresses that decided each message's direction */
  myAddresses: string[]
  /** the addresses Kith already counts as the user's, and those the archive suggests besides (not yet counted) */
  ownAddresses: { known: string[]; proposed: ProposedOwnAddress[] }
  messages: number
  /** the first 1,000 of each list (`totals` has how many there are) */
  people: { created: LearnedPerson[]; matched: LearnedPerson[]; heardFrom: HeardFrom[] }
  /** how many interactions (one per thread and day) would be logged */
  interactions: number
  /** ties between other people, proposed for review (the first 1,000) */
  ties: LearnedTie[]
  /** how many of each there are, whatever the lists above hold */
  totals: { created: number; matched: number; heardFrom: number; ties: number; errors: number }
  ignored: Record<IgnoredReason, number>
  errors: ImportProblem[]
  notes: string[]
}

export interface ArchiveResult {
  /** the import in the history; null when nothing was learned, and so nothing was recorded */
  batchId: number | null
  format: ArchiveFormat
  peopleCreated: number
  peopleMatched: number
  interactions: number
  strengthsEstimated: number
  tiesProposed: number
}

export interface ArchiveJobStatus {
  jobId: string
  /** what is being read, so progress can name messages or meetings */
  format: ArchiveFormat
  phase: ImportPhase
  progress: ArchiveProgress
  preview: ArchivePreview | null
  result: ArchiveResult | null
  error: string | null
}

export const archiveJobArgs = z.strictObject({ jobId: z.string().min(1).max(100) })

/** The user's own address for one import, as typed. */
const myAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH)
  .refine((v) => isEmailAddress(v), 'Enter an email address like ana@example.com')

/** Desktop only: the user picks an archive in a native dialog (a file, or a folder); the page never names a path. */
export const archiveChooseArgs = z.strictObject({
  what: z.enum(['file', 'folder']),
  myAddresses: z.array(myAddress).max(100).default([]),
})

/** The extensions an archive sent from the page (browser mode's upload) may have. */
export const UPLOAD_EXTENSIONS = ['.mbox', '.ics', '.eml', '.zip'] as const

/** Browser mode's archive upload (`POST /upload/archive?name=…&my=…`): the file's own name, never a path, and the user's addresses. */
export const archiveUploadArgs = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Name the file')
    .max(255, 'A file name has at most 255 characters')
    .refine((v) => !['/', '\\', '\u0000'].some((c) => v.includes(c)), 'A file name, not a path')
    .refine((v) => UPLOAD_EXTENSIONS.some((ext) => v.toLowerCase().endsWith(ext)), 'Kith learns from .mbox, .ics, .eml or .zip archives; choose one of those'),
  myAddresses: z.array(myAddress).max(100).default([]),
})

/** Who the user is in their mail, and whether subjects are kept on the interactions learned from it. */
export const archiveSettings = z.strictObject({
  myAddresses: z.array(myAddress).max(100),
  keepSubjects: z.boolean(),
})
export type ArchiveSettings = z.output<typeof archiveSettings>
export const DEFAULT_ARCHIVE_SETTINGS: ArchiveSettings = { myAddresses: [], keepSubjects: true }

// ---- Reviewing what Kith learned ----

export const REVIEW_KINDS = ['person', 'strength', 'tie'] as const
export type ReviewKind = (typeof REVIEW_KINDS)[number]

export interface ReviewEntry {
  id: number
  kind: ReviewKind
  batchId: number
  /** the person (a new one, or the one whose strength was estimated), or a tie's first person */
  person: { id: number; name: string }
  /** a tie's second person */
  other: { id: number; name: string } | null
  /** a tie's proposed strength, or the estimated strength of the link to me */
  strength: number | null
  /** a tie's proposed kind */
  relationshipKind: string | null
  /** why: the estimate's reason, or the tie's context */
  detail: string
  createdAt: string
}

export interface ReviewList {
  people: ReviewEntry[]
  ties: ReviewEntry[]
  strengths: ReviewEntry[]
}

const reviewIds = z.array(z.number().int().positive()).min(1, 'name at least one item').max(100_000)

export const reviewAcceptArgs = z.union([z.strictObject({ ids: reviewIds }), z.strictObject({ all: z.literal(true) })])
export const reviewRejectArgs = z.strictObject({ ids: reviewIds })
export const reviewEditArgs = z
  .strictObject({
    id: z.number().int().positive(),
    strength: z.number().int().min(1).max(5).optional(),
    kind: z.enum(RELATIONSHIP_KINDS).optional(),
  })
  .refine((e) => e.strength !== undefined || e.kind !== undefined, { message: 'change the strength or the kind', path: ['strength'] })

export interface ReviewOutcome {
  accepted: number
  rejected: number
  /** relationships created from accepted ties */
  relationshipsCreated: number
  /** people deleted because they were rejected */
  peopleDeleted: number
  /** relationships that went with them (ties with them accepted before, or recorded since) */
  relationshipsDeleted: number
}

/** "1 item" or "2,000 items". */
export function reviewItemsText(count: number): string {
  return `${groupThousands(count)} ${count === 1 ? 'item' : 'items'}`
}

/** What a review decision did, in one sentence: "1 item accepted, 1 relationship added." ("nothing changed." for nothing). */
export function reviewOutcomeText(o: ReviewOutcome): string {
  const counted = (n: number, one: string, many: string): string => `${groupThousands(n)} ${n === 1 ? one : many}`
  const parts: string[] = []
  if (o.accepted > 0) parts.push(`${reviewItemsText(o.accepted)} accepted`)
  if (o.rejected > 0) parts.push(`${reviewItemsText(o.rejected)} rejected`)
  if (o.relationshipsCreated > 0) parts.push(`${counted(o.relationshipsCreated, 'relationship', 'relationships')} added`)
  if (o.peopleDeleted > 0) parts.push(`${counted(o.peopleDeleted, 'person', 'people')} deleted`)
  if (o.relationshipsDeleted > 0) parts.push(`${counted(o.relationshipsDeleted, 'relationship', 'relationships')} with them deleted`)
  return parts.length === 0 ? 'nothing changed.' : `${parts.join(', ')}.`
}

/** "Kept 2 people who have more than this import since: Sarah Chen (an introduction), Tom Becker (an interaction logged since)." ('' for none) */
export function keptWords(kept: UndoResult['peopleKept']): string {
  if (kept.length === 0) return ''
  const shown = kept.slice(0, 5).map((k) => `${k.name} (${k.why})`)
  const more = kept.length > shown.length ? ` and ${kept.length - shown.length} more` : ''
  return `Kept ${kept.length === 1 ? 'one person' : `${kept.length} people`} with more than this import since: ${shown.join(', ')}${more}.`
}
