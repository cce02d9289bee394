/** Domain types shared by the backend, the renderer and the CLI. */
import type { IntroKind } from './intro-states'
import type {
  Confidence,
  FavorKind,
  FavorSize,
  InteractionKind,
  RelationshipKind,
  RelationshipSource,
  Strength,
  SuggestionStatus,
  TaskKind,
} from './vocab'

export type { SuggestionStatus }

export interface TableCounts {
  people: number
  relationships: number
  interactions: number
  favors: number
}

export interface AppStatus {
  dataDir: string
  dbPath: string
  schemaVersion: number
  counts: TableCounts
  /** What the check for damage found; when not empty, Kith changes nothing until a backup is restored. */
  damage: string[]
}

export interface DoctorReport {
  ok: boolean
  integrity: string[]
  foreignKeyProblems: { table: string; rowid: number | null; parent: string }[]
  schemaVersion: number
  appSchemaVersion: number
  dataDir: string
  dbPath: string
  sqliteVersion: string
  journalMode: string
  counts: TableCounts
  /** rows holding a value Kith would not have written: JSON that does not fit its shape, an email that is not an address (at most 100) */
  storedValueProblems: StoredValueProblem[]
}

/** One stored value that does not read back as Kith wrote it: where it is and what is wrong. */
export interface StoredValueProblem {
  table: string
  column: string
  /** the row's rowid; for person_email (a table without rowids), the person's id */
  rowid: number
  problem: string
}

export type BackupKind = 'manual' | 'auto' | 'pre-migrate' | 'pre-restore' | 'pre-merge'

export interface BackupInfo {
  /** The backup's file name, and its id in backups/ (never a path on disk). */
  name: string
  kind: BackupKind
  bytes: number
  createdAt: string
}

export interface RestoreResult {
  /** The name of the backup or file restored (never its folder). */
  restoredFrom: string
  safetyCopy: BackupInfo
  schemaVersion: number
  counts: TableCounts
}

export interface DemoSummary {
  counts: TableCounts
}

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

export interface PersonRef {
  id: number
  name: string
}

/** One row of the people list. */
export interface PersonRow {
  id: number
  name: string
  company: string | null
  title: string | null
  tags: string[]
  isMe: boolean
  archived: boolean
  /** My last interaction with them (YYYY-MM-DD). */
  lastInteractionOn: string | null
  /** Strength of my relationship with them. */
  myStrength: number | null
}

export interface PeopleList {
  /** how many people match, in all */
  total: number
  /** where `people` starts in that ordering */
  offset: number
  people: PersonRow[]
}

export interface EmploymentView {
  id: number
  company: string
  title: string | null
  startDate: string | null
  endDate: string | null
}

export interface RelationshipView {
  id: number
  /** The other person, seen from the person whose page this is. */
  other: PersonRef & { company: string | null; archived: boolean }
  strength: Strength
  kind: RelationshipKind
  confidence: Confidence
  source: RelationshipSource
  contexts: string[]
  since: string | null
  updatedAt: string
}

export interface RelationshipRecord {
  id: number
  a: PersonRef
  b: PersonRef
  strength: Strength
  kind: RelationshipKind
  confidence: Confidence
  source: RelationshipSource
  contexts: string[]
  since: string | null
  /** true when this replaced an earlier record of the same pair */
  updated: boolean
}

export interface InteractionView {
  id: number
  date: string
  kind: InteractionKind
  note: string | null
  withMe: boolean
  people: PersonRef[]
}

export interface FavorView {
  id: number
  giver: PersonRef
  receiver: PersonRef
  date: string
  kind: FavorKind
  size: FavorSize
  note: string | null
  introductionId: number | null
  /** With me only: my points given minus theirs, after this favor (oldest first). */
  runningBalance: number | null
}

export interface FavorBalance {
  givenByMe: number
  receivedByMe: number
  pointsGivenByMe: number
  pointsReceivedByMe: number
  /** points I gave them minus points they gave me */
  balance: number
}

export interface PersonDetail {
  id: number
  name: string
  aliases: string[]
  emails: string[]
  phones: string[]
  company: string | null
  title: string | null
  location: string | null
  tags: string[]
  needs: string[]
  offers: string[]
  notes: string | null
  howWeMet: string | null
  introducedBy: PersonRef | null
  linkedinUrl: string | null
  website: string | null
  cadenceDays: number | null
  /** 'YYYY-MM-DD', or '--MM-DD' without a year */
  birthday: string | null
  employment: EmploymentView[]
  isMe: boolean
  archivedAt: string | null
  createdAt: string
  updatedAt: string
  /** My last interaction with them. */
  lastInteraction: InteractionView | null
  relationships: RelationshipView[]
  interactions: InteractionView[]
  favors: FavorView[]
  /** Between me and them; null on my own page or before "me" is set. */
  balance: FavorBalance | null
}

export interface SearchHit {
  id: number
  name: string
  company: string | null
  title: string | null
  isMe: boolean
  /** 0 is a perfect match, 1 no match (Fuse.js's scale) */
  score: number
}

export interface Facets {
  tags: { label: string; count: number }[]
  companies: { name: string; count: number }[]
}

export interface MergeResult {
  person: PersonDetail
  backup: BackupInfo
  moved: { relationships: number; interactions: number; favors: number }
}

export interface Neighbourhood {
  center: PersonRef
  /** The people the center knows, strongest first. */
  nodes: (PersonRef & { strength: number })[]
  /** Relationships among those people (not with the center). */
  edges: { a: number; b: number; strength: number }[]
  /** How many people the center knows in all. */
  total: number
}

export type PathTarget =
  | { kind: 'person'; id: number; name: string }
  | { kind: 'company'; name: string; people: number }
  | { kind: 'tag'; name: string; people: number }

export interface Factor {
  label: string
  value: number
}

export type Verdict = 'good' | 'caution' | 'stop'

export interface BeforeYouAsk {
  question: string
  verdict: Verdict
  reason: string
}

/** How one step of a path is known: a relationship someone recorded, or an inferred colleague tie. */
export type PathStep =
  | { kind: 'relationship' }
  | { kind: 'colleague'; organisation: PersonRef; since: string | null }

export interface PathView {
  score: number
  /** from me to the target */
  people: PersonRef[]
  /** one per relationship along the path, in order */
  steps: PathStep[]
  /** strengths of the relationships along the path, in order */
  strengths: number[]
  factors: Factor[]
  beforeYouAsk: BeforeYouAsk[]
}

export interface DirectTie {
  id: number
  name: string
  strength: number
  lastTalked: string | null
  /** for a company or tag target: what to do instead of an introduction ("ask them about their colleagues at X") */
  hint: string | null
}

export interface PathsResult {
  target: PathTarget
  /** targets I already know: not an introduction, shown first */
  direct: DirectTie[]
  paths: PathView[]
  /** how many targets were searched (several for a company or a tag) */
  targets: number
}

export interface IntroPerson extends PersonRef {
  email: string | null
  company: string | null
  title: string | null
}

export type TaskStatus = 'overdue' | 'today' | 'upcoming' | 'done'

export interface TaskView {
  id: number
  introductionId: number | null
  person: PersonRef | null
  kind: TaskKind
  title: string
  dueOn: string
  snoozedUntil: string | null
  doneAt: string | null
  status: TaskStatus
}

/** One introduction in a list. */
export interface IntroductionRequest {
  id: number
  kind: IntroKind
  state: string
  /** "Ask Vera to introduce you to Yara" / "Introduce Ana and Ben" */
  title: string
  connector: PersonRef | null
  target: PersonRef | null
  personA: PersonRef | null
  personB: PersonRef | null
  path: PersonRef[]
  score: number | null
  /** For one hop of a longer path: the person the whole chain leads to (null when the target is the goal). */
  goal: PersonRef | null
  /** The hop before this one (its introduction id), and the one drafted after it. */
  previousId: number | null
  nextId: number | null
  createdAt: string
  updatedAt: string
  openTasks: number
  overdueTasks: number
  nextDue: string | null
}

export interface IntroductionDetail extends IntroductionRequest {
  me: IntroPerson
  /** connector and target for an ask; A and B when I connect two people */
  people: IntroPerson[]
  answers: { a: 'yes' | 'no' | null; b: 'yes' | 'no' | null }
  details: Record<string, string | boolean>
  meetingOn: string | null
  history: { state: string; on: string }[]
  tasks: TaskView[]
  nextStates: string[]
  /** for an ask: the four before-you-ask answers for its path, from today's data */
  checks: BeforeYouAsk[]
  /** The messages Kith drafts for it, from the stored fields and the user's profile. */
  drafts: IntroductionDrafts
}

/** The forwardable blurb's four sentences: who I am, why this person, what I bring, a small ask. */
export interface BlurbSentences {
  who: string
  why: string
  bring: string
  ask: string
}

export interface DraftMessage {
  to: string[]
  /** names of the people it is for who are not in To, because Kith has no email address for them */
  leftOut: string[]
  cc: string[]
  subject: string
  body: string
  /** what the checker found (empty: nothing to fix) */
  warnings: string[]
}

export interface IntroductionDrafts {
  /** an ask: the note to the connector */
  ask: DraftMessage | null
  /**
   * an ask: the forwardable blurb and what the checker says of it; `sentences`
   * are its four parts as they stand (the user's edits, else drafted), null
   * when the user wrote the blurb as one paragraph
   */
  blurb: { text: string; warnings: string[]; sentences: BlurbSentences | null } | null
  /** connecting two people: the opt-in to each side */
  optIns: { a: DraftMessage; b: DraftMessage } | null
  /** connecting two people: the introduction email and the BCC handoff */
  email: DraftMessage | null
  handoff: DraftMessage | null
}

/** Who the user is, as every draft signs and describes them. */
export interface Profile {
  fullName: string
  role: string
  organisation: string
  /** one line that makes the user credible to a stranger */
  credibility: string
  /** how drafts end, e.g. "Best, Jordan" */
  signOff: string
}

export interface OrganisationView {
  id: number
  name: string
  /** other names that mean this organisation ("Stripe, Inc.") */
  aliases: string[]
  /** email domains of its people (stripe.com) */
  domains: string[]
  /** people Kith has there now, and ever */
  current: number
  people: number
}

export interface OrganisationMerge {
  id: number
  kept: PersonRef
  /** the name the merged organisation had */
  mergedName: string
  createdAt: string
  undoneAt: string | null
}


export interface SuggestionView {
  id: number
  rank: number
  a: PersonRef
  b: PersonRef
  score: number
  /** the factors; score is their product */
  reasons: Factor[]
  status: SuggestionStatus
  introductionId: number | null
}

/** Two people who share many contacts: they may already know each other. */
export interface MaybeKnown {
  a: PersonRef
  b: PersonRef
  shared: number
  index: number
}

export interface FavorStanding {
  person: PersonRef
  /** the full name, with the company when someone else has the same name */
  label: string
  givenByMe: number
  receivedByMe: number
  pointsGivenByMe: number
  pointsReceivedByMe: number
  /** points I gave minus points they gave */
  balance: number
  lastFavor: string
  /** change of the balance over the last 90 days */
  trend: number
}

export interface Nudge {
  person: PersonRef
  /** the full name, with the company when someone else has the same name */
  label: string
  text: string
  /** my contacts who offer what they need */
  helpers: PersonRef[]
}

export interface ColdTie {
  person: PersonRef
  strength: number
  lastTalked: string | null
  cadenceDays: number
  daysSince: number | null
}

export interface WeekView {
  week: string
  suggestions: SuggestionView[]
  maybeKnown: MaybeKnown[]
  followUps: TaskView[]
  favorsToReturn: Nudge[]
  coldTies: ColdTie[]
}
