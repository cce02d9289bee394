// Over 400 lines on purpose: every method, its arguments and its access rule in one place is the map of the app.
/**
 * The one contract: every backend method, declared once with its argument
 * schema and result type. The backend's handler map must satisfy it, and the
 * renderer client, the CLI and the HTTP server are all typed from it.
 */
import { z } from 'zod'
import type { OpenImport } from './api'
import { scoringSettings, type ScoringSettings } from './scoring'
import { suggestionSettings, type SuggestionSettings } from './suggestions'
import {
  MERGE_FIELDS,
  backupId,
  PEOPLE_SORTS,
  favorInput,
  id,
  introDetails,
  eventDate,
  isoDate,
  isoWeek,
  weeklySettings,
  type WeeklySettings,
  followUpInput,
  interactionInput,
  orgPatch,
  personCreate,
  profileInput,
  personName,
  personPatch,
  relationshipInput,
} from './schemas'
import type {
  AppStatus,
  BackupInfo,
  DemoRemoval,
  DemoState,
  DemoSummary,
  DoctorReport,
  Facets,
  FavorView,
  InteractionView,
  IntroductionDetail,
  IntroductionRequest,
  MergeResult,
  Neighbourhood,
  NetworkMap,
  PathsResult,
  PeopleList,
  PersonDetail,
  PersonRef,
  RelationshipRecord,
  RestoreResult,
  FavorStanding,
  Nudge,
  OrganisationMerge,
  OrganisationView,
  Profile,
  SearchHit,
  SuggestionView,
  TaskView,
  WeekView,
} from './types'
import {
  EXPORT_FORMATS,
  archiveChooseArgs,
  archiveJobArgs,
  archiveSettings,
  importApplyArgs,
  importStartArgs,
  reviewAcceptArgs,
  reviewEditArgs,
  reviewRejectArgs,
  type ArchiveJobStatus,
  type ArchiveResult,
  type ArchiveSettings,
  type ExportFile,
  type ImportBatchView,
  type ImportJobStatus,
  type ImportResult,
  type ReviewEntry,
  type ReviewList,
  type ReviewOutcome,
  type UndoResult,
} from './imports'

interface MethodSpec<A extends z.ZodType, R> {
  args: A
  /** Phantom: carries the result type (boxed, so a nullable result survives), never read at run time. */
  result?: [R]
}

/** Declare a method: `method<Result>()(argsSchema)`. */
const method =
  <R>() =>
  <A extends z.ZodType>(args: A): MethodSpec<A, R> => ({ args })

const noArgs = z.strictObject({})

export const contract = {
  status: method<AppStatus>()(noArgs),
  doctor: method<DoctorReport>()(noArgs),
  /** Backs up into the data folder's backups/; where it goes is never the page's to say. */
  'backup.create': method<BackupInfo>()(noArgs),
  'backup.list': method<BackupInfo[]>()(noArgs),
  /**
   * Restores a backup from backups/, named by its id (`BackupInfo.name`), never by a path. A file
   * without any people, relationships, interactions or favors is refused unless `confirmEmpty`.
   */
  'backup.restore': method<RestoreResult>()(z.strictObject({ id: backupId, confirmEmpty: z.boolean().default(false) })),
  /** Desktop app only: saves a copy where the user chooses in a native dialog (null when they cancel). */
  'backup.saveCopy': method<BackupInfo | null>()(noArgs),
  /** Desktop app only: restores a file the user chooses in a native dialog (null when they cancel); `confirmEmpty` as for restore. */
  'backup.restoreFile': method<RestoreResult | null>()(z.strictObject({ confirmEmpty: z.boolean().default(false) })),
  /** Loads the sample network into an empty database, or around you when you are the only one here. */
  'demo.load': method<DemoSummary>()(noArgs),
  'demo.get': method<DemoState>()(noArgs),
  /** Removes the sample people, except those edited or used by hand since (and never you); undone with `demo.undoRemove`. */
  'demo.remove': method<DemoRemoval>()(noArgs),
  'demo.undoRemove': method<DemoState>()(noArgs),
  /** Starts reading a file in the background; poll `imports.job` for progress and the preview. */
  'imports.start': method<ImportJobStatus>()(importStartArgs),
  'imports.job': method<ImportJobStatus>()(z.strictObject({ jobId: z.string().min(1).max(100) })),
  'imports.apply': method<ImportResult>()(importApplyArgs),
  'imports.cancel': method<ImportJobStatus>()(z.strictObject({ jobId: z.string().min(1).max(100) })),
  'imports.list': method<ImportBatchView[]>()(noArgs),
  /** An import left at its preview in this backend (its page reloaded or closed), to show again or cancel; null when none waits. */
  'imports.waiting': method<OpenImport | null>()(noArgs),
  'imports.undo': method<UndoResult>()(z.strictObject({ id })),
  /**
   * An archive import (mail, calendar), started from a path the CLI or the desktop's file picker
   * gave (never the page): its progress and preview, applying it, cancelling it.
   */
  /** Desktop app only: starts one on an archive the user picks in a native dialog (null when they cancel). */
  'imports.archiveChoose': method<ArchiveJobStatus | null>()(archiveChooseArgs),
  'imports.archiveJob': method<ArchiveJobStatus>()(archiveJobArgs),
  'imports.archiveApply': method<ArchiveResult>()(archiveJobArgs),
  'imports.archiveCancel': method<ArchiveJobStatus>()(archiveJobArgs),
  /** Reads a ready archive import again (after the user confirmed their own addresses): a new job takes its place. */
  'imports.archiveReread': method<ArchiveJobStatus>()(archiveJobArgs),
  /** What archive imports learned, waiting for review: new people, proposed ties, estimated strengths. */
  'review.list': method<ReviewList>()(noArgs),
  'review.accept': method<ReviewOutcome>()(reviewAcceptArgs),
  'review.reject': method<ReviewOutcome>()(reviewRejectArgs),
  /** A proposed tie's strength or kind, before it is accepted. */
  'review.edit': method<ReviewEntry>()(reviewEditArgs),
  'export.create': method<ExportFile>()(z.strictObject({ format: z.enum(EXPORT_FORMATS) })),
  'me.get': method<PersonRef | null>()(noArgs),
  /** Sets who "me" is: an existing person by id, or by name (created when no one has it). */
  'me.set': method<PersonRef>()(
    z.union([z.strictObject({ id }), z.strictObject({ name: personName })], {
      error: 'give either an id or a name',
    }),
  ),
  'people.list': method<PeopleList>()(
    z.strictObject({
      sort: z.enum(PEOPLE_SORTS).default('name'),
      descending: z.boolean().default(false),
      tag: z.string().trim().max(100).nullable().default(null),
      company: z.string().trim().max(300).nullable().default(null),
      archived: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200_000).default(200_000),
    }),
  ),
  'people.get': method<PersonDetail>()(z.strictObject({ id })),
  'people.create': method<PersonDetail>()(personCreate),
  'people.update': method<PersonDetail>()(z.strictObject({ id, patch: personPatch })),
  'people.archive': method<PersonRef>()(z.strictObject({ id })),
  'people.unarchive': method<PersonRef>()(z.strictObject({ id })),
  'people.delete': method<PersonRef>()(z.strictObject({ id })),
  'people.merge': method<MergeResult>()(
    z
      .strictObject({
        keepId: id,
        mergeId: id,
        /** Which person each field comes from; "keep" when not given. */
        take: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['keep', 'merge'])).default({}),
      })
      .refine((m) => m.keepId !== m.mergeId, { message: 'choose two different people', path: ['mergeId'] }),
  ),
  /** Finds one person by id, exact name or email; an ambiguous name is an error listing the candidates. */
  'people.resolve': method<PersonRef>()(z.strictObject({ ref: z.string().trim().min(1, 'name someone').max(300) })),
  'people.facets': method<Facets>()(noArgs),
  'people.neighbourhood': method<Neighbourhood>()(
    z.strictObject({ id, limit: z.number().int().min(1).max(100).default(24) }),
  ),
  'relationships.set': method<RelationshipRecord>()(relationshipInput),
  'relationships.delete': method<{ id: number }>()(z.strictObject({ id })),
  'interactions.log': method<InteractionView>()(interactionInput),
  /** Rewrites a logged interaction, with the same rules as logging it. */
  'interactions.update': method<InteractionView>()(z.strictObject({ id, interaction: interactionInput })),
  'interactions.delete': method<{ id: number }>()(z.strictObject({ id })),
  'favors.log': method<FavorView>()(favorInput),
  'favors.update': method<FavorView>()(z.strictObject({ id, favor: favorInput })),
  'favors.delete': method<{ id: number }>()(z.strictObject({ id })),
  'paths.find': method<PathsResult>()(
    z
      .strictObject({
        to: id.optional(),
        company: z.string().trim().min(1).max(300).optional(),
        tag: z.string().trim().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(100).default(10),
        maxHops: z.union([z.literal(3), z.literal(4)]).default(3),
        /** every simple path within the hop limit, without the per-connector cap */
        all: z.boolean().default(false),
      })
      .refine((a) => [a.to, a.company, a.tag].filter((x) => x !== undefined).length === 1, {
        message: 'give exactly one of to, company or tag',
      }),
  ),
  'settings.scoring.get': method<ScoringSettings>()(noArgs),
  'settings.scoring.set': method<ScoringSettings>()(scoringSettings),
  'settings.scoring.reset': method<ScoringSettings>()(noArgs),
  /** Starts an introduction request along a path (me first, target last), scored by the backend as paths.find scores it. */
  'introductions.request': method<IntroductionRequest>()(
    z.strictObject({
      path: z.array(id).min(3, 'a path has at least one connector').max(5),
    }),
  ),
  'introductions.list': method<IntroductionRequest[]>()(
    z.strictObject({ state: z.string().max(40).nullable().default(null), personId: id.nullable().default(null) }),
  ),
  'introductions.get': method<IntroductionDetail>()(z.strictObject({ id })),
  /** I introduce two people: starts with double opt-in. */
  'introductions.connect': method<IntroductionDetail>()(
    z
      .strictObject({ a: id, b: id, context: z.string().trim().max(300).default(''), confirmed: z.boolean().default(false) })
      .refine((c) => c.a !== c.b, { message: 'choose two different people', path: ['b'] }),
  ),
  'introductions.update': method<IntroductionDetail>()(z.strictObject({ id, details: introDetails })),
  /** Records one side's answer to the double opt-in. */
  'introductions.answer': method<IntroductionDetail>()(
    z.strictObject({ id, side: z.enum(['a', 'b']), answer: z.enum(['yes', 'no']).nullable() }),
  ),
  /** Moves to another state; sending an introduction with warnings needs `confirmed`. */
  'introductions.move': method<IntroductionDetail>()(
    z.strictObject({
      id,
      to: z.string().min(1).max(40),
      date: eventDate.optional(),
      confirmed: z.boolean().default(false),
    }),
  ),
  'week.get': method<WeekView>()(z.strictObject({ week: isoWeek.optional() })),
  /** `relationshipId`: for "known", the relationship it recorded (null: one was there already), for suggestions.reopen. */
  'suggestions.act': method<SuggestionView & { relationshipId: number | null }>()(
    z.strictObject({ id, action: z.enum(['start', 'dismiss', 'snooze', 'known']), strength: z.number().int().min(1).max(5).default(2) }),
  ),
  /** Undo for dismiss, snooze and known: open again; for known, the relationship it recorded is taken back as unconfirmKnown does. */
  'suggestions.reopen': method<SuggestionView>()(
    z.strictObject({ id, relationshipId: id.nullable().default(null), strength: z.number().int().min(1).max(5).default(2) }),
  ),
  /** "They already know each other": records the relationship; `relationshipId` is the one it made (null: one was already recorded), for undo. */
  'suggestions.confirmKnown': method<{ a: number; b: number; relationshipId: number | null }>()(
    z.strictObject({ a: id, b: id, strength: z.number().int().min(1).max(5).default(2) }).refine((p) => p.a !== p.b, { message: 'two different people', path: ['b'] }),
  ),
  /**
   * Takes back what confirmKnown recorded: deletes that relationship while it
   * is still the one it made (the same two people, the strength it was
   * recorded with, unchanged since); refused once it was changed, so an edit
   * is never lost to the undo.
   */
  'suggestions.unconfirmKnown': method<{ removed: true }>()(
    z.strictObject({ relationshipId: id, a: id, b: id, strength: z.number().int().min(1).max(5).default(2) }).refine((p) => p.a !== p.b, { message: 'two different people', path: ['b'] }),
  ),
  'reciprocity.get': method<{ standings: FavorStanding[]; nudges: Nudge[] }>()(noArgs),
  'settings.weekly.get': method<WeeklySettings>()(noArgs),
  'settings.weekly.set': method<WeeklySettings>()(weeklySettings),
  /** What counts as a gain in the weekly suggestions: interests (tags) and complementary roles. */
  'settings.suggestions.get': method<SuggestionSettings>()(noArgs),
  'settings.suggestions.set': method<SuggestionSettings>()(suggestionSettings),
  /** The user's own addresses (they decide each message's direction) and whether learned interactions keep subjects. */
  'settings.archive.get': method<ArchiveSettings>()(noArgs),
  'settings.archive.set': method<ArchiveSettings>()(archiveSettings),
  /** Follow-ups, overdue first; `personId`: only those about that person. */
  'tasks.list': method<TaskView[]>()(
    z.strictObject({ due: z.boolean().default(false), includeDone: z.boolean().default(false), personId: id.nullable().default(null) }),
  ),
  'tasks.done': method<TaskView>()(z.strictObject({ id, done: z.boolean().default(true) })),
  'tasks.snooze': method<TaskView>()(z.strictObject({ id, until: isoDate })),
  'tasks.add': method<TaskView>()(followUpInput),
  /** Takes back an introduction's last move, and what that move added (tasks, favors, learned relationships). */
  'introductions.undoMove': method<IntroductionDetail>()(z.strictObject({ id })),
  'profile.get': method<Profile>()(noArgs),
  'profile.set': method<Profile>()(profileInput),
  'orgs.list': method<OrganisationView[]>()(z.strictObject({ query: z.string().trim().max(300).nullable().default(null) })),
  'orgs.update': method<OrganisationView>()(z.strictObject({ id, patch: orgPatch })),
  /** Folds one organisation into another (names, domains, people); undone with `orgs.undoMerge`. */
  'orgs.merge': method<OrganisationMerge>()(
    z.strictObject({ keepId: id, mergeId: id }).refine((m) => m.keepId !== m.mergeId, { message: 'choose two different organisations', path: ['mergeId'] }),
  ),
  'orgs.merges': method<OrganisationMerge[]>()(noArgs),
  'orgs.undoMerge': method<OrganisationMerge>()(z.strictObject({ id })),
  /** An inferred colleague tie is real: it becomes a relationship. */
  'colleagues.confirm': method<RelationshipRecord>()(
    z.strictObject({ a: id, b: id, strength: z.number().int().min(1).max(5).default(2) }).refine((p) => p.a !== p.b, { message: 'two different people', path: ['b'] }),
  ),
  /** "They don't know each other": the inferred tie never comes back. */
  'colleagues.reject': method<{ a: number; b: number }>()(
    z.strictObject({ a: id, b: id }).refine((p) => p.a !== p.b, { message: 'two different people', path: ['b'] }),
  ),
  /**
   * The network and its ties, packed for the network map; filters apply here so the answer stays small.
   * A large network is cut to the `maxPeople` closest to me and best connected (the answer says how many matched).
   */
  'network.map': method<NetworkMap>()(
    z.strictObject({
      tag: z.string().trim().min(1).max(200).nullable().default(null),
      organisationId: z.number({ error: 'must be an organisation id (a whole number)' }).int().positive().max(Number.MAX_SAFE_INTEGER).nullable().default(null),
      minStrength: z.number().int().min(1).max(5).default(1),
      maxPeople: z.number().int().min(1).max(1_000_000).default(5_000),
      maxEdges: z.number().int().min(0).max(1_000_000).default(150_000),
    }),
  ),
  search: method<SearchHit[]>()(
    z.strictObject({
      query: z.string().max(300, 'a search is limited to 300 characters'),
      limit: z.number().int().min(1).max(100).default(20),
      includeArchived: z.boolean().default(false),
    }),
  ),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (defaults may be left out). */
export type ArgsIn<M extends MethodName> = z.input<Contract[M]['args']>
/** What a handler receives after validation. */
export type Args<M extends MethodName> = z.output<Contract[M]['args']>
export type Result<M extends MethodName> = NonNullable<Contract[M]['result']>[0]

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/**
 * Whether a method may change the database ('write') or only reads it
 * ('read'). Reading a file the user chose, or saving a copy elsewhere, counts
 * as reading. A damaged database refuses every write; a new method must be
 * classified here (the compiler insists).
 */
export const METHOD_ACCESS = {
  status: 'read',
  doctor: 'read',
  'backup.create': 'read',
  'backup.list': 'read',
  /** replaces the whole file rather than writing into it, so it works on a damaged database */
  'backup.restore': 'write',
  /** a copy elsewhere, chosen by the user: kept possible on a damaged database, for whoever repairs it */
  'backup.saveCopy': 'read',
  /** as backup.restore */
  'backup.restoreFile': 'write',
  'demo.load': 'write',
  'demo.get': 'read',
  'demo.remove': 'write',
  'demo.undoRemove': 'write',
  'imports.start': 'read',
  'imports.job': 'read',
  'imports.apply': 'write',
  'imports.cancel': 'read',
  'imports.list': 'read',
  'imports.waiting': 'read',
  'imports.undo': 'write',
  /** reads a file the user chose, as imports.start does */
  'imports.archiveChoose': 'read',
  'imports.archiveJob': 'read',
  'imports.archiveApply': 'write',
  'imports.archiveCancel': 'read',
  'imports.archiveReread': 'read',
  'review.list': 'read',
  'review.accept': 'write',
  'review.reject': 'write',
  'review.edit': 'write',
  'export.create': 'read',
  'me.get': 'read',
  'me.set': 'write',
  'people.list': 'read',
  'people.get': 'read',
  'people.create': 'write',
  'people.update': 'write',
  'people.archive': 'write',
  'people.unarchive': 'write',
  'people.delete': 'write',
  'people.merge': 'write',
  'people.resolve': 'read',
  'people.facets': 'read',
  'people.neighbourhood': 'read',
  'relationships.set': 'write',
  'relationships.delete': 'write',
  'interactions.log': 'write',
  'interactions.update': 'write',
  'interactions.delete': 'write',
  'favors.log': 'write',
  'favors.update': 'write',
  'favors.delete': 'write',
  'paths.find': 'read',
  'settings.scoring.get': 'read',
  'settings.scoring.set': 'write',
  'settings.scoring.reset': 'write',
  'introductions.request': 'write',
  'introductions.list': 'read',
  'introductions.get': 'read',
  'introductions.connect': 'write',
  'introductions.update': 'write',
  'introductions.answer': 'write',
  'introductions.move': 'write',
  /** computes and stores the week's suggestions the first time a week is shown */
  'week.get': 'write',
  'suggestions.act': 'write',
  'suggestions.reopen': 'write',
  'suggestions.confirmKnown': 'write',
  'suggestions.unconfirmKnown': 'write',
  'reciprocity.get': 'read',
  'settings.weekly.get': 'read',
  'settings.weekly.set': 'write',
  'settings.suggestions.get': 'read',
  'settings.suggestions.set': 'write',
  'settings.archive.get': 'read',
  'settings.archive.set': 'write',
  'tasks.list': 'read',
  'tasks.done': 'write',
  'tasks.snooze': 'write',
  'tasks.add': 'write',
  'introductions.undoMove': 'write',
  'profile.get': 'read',
  'profile.set': 'write',
  'orgs.list': 'read',
  'orgs.update': 'write',
  'orgs.merge': 'write',
  'orgs.merges': 'read',
  'orgs.undoMerge': 'write',
  'colleagues.confirm': 'write',
  'colleagues.reject': 'write',
  'network.map': 'read',
  search: 'read',
} as const satisfies Record<MethodName, 'read' | 'write'>
