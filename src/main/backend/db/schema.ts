/**
 * Kysely's view of the database. Columns that are nullable are typed
 * `T | null`, never optional; database-generated columns are `Generated<>`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { BatchFormat } from '../../../shared/imports'
import type { IntroKind } from '../../../shared/intro-states'
import type {
  Confidence,
  FavorKind,
  FavorSize,
  InteractionKind,
  LabelKind,
  RelationshipKind,
  RelationshipSource,
  Strength,
  SuggestionStatus,
  TaskKind,
} from '../../../shared/vocab'

export interface SettingTable {
  key: string
  /** JSON text */
  value: string
}

export interface PersonTable {
  id: Generated<number>
  name: string
  company: string | null
  title: string | null
  /** 1 for the one person who is the user, else 0 */
  is_me: Generated<number>
  /** JSON array of strings */
  aliases: Generated<string>
  /** JSON array of strings */
  phones: Generated<string>
  location: string | null
  notes: string | null
  how_we_met: string | null
  introduced_by_id: number | null
  linkedin_url: string | null
  website: string | null
  archived_at: string | null
  cadence_days: number | null
  /** 'YYYY-MM-DD', or '--MM-DD' without a year */
  birthday: string | null
  created_at: string
  updated_at: string
}

export interface PersonEmailTable {
  person_id: number
  email: string
  /** lower-cased, trimmed: what lookups compare */
  email_norm: string
  position: number
}

export interface PersonLabelTable {
  person_id: number
  kind: LabelKind
  label: string
  /** lower-cased, trimmed, inner spaces collapsed */
  label_norm: string
  position: number
}

export interface EmploymentTable {
  id: Generated<number>
  person_id: number
  company: string
  title: string | null
  start_date: string | null
  end_date: string | null
}

export interface RelationshipTable {
  id: Generated<number>
  /** the lower person id of the pair: relationships are undirected */
  person_a: number
  person_b: number
  /** a CHECK keeps it within 1 to 5; writes pass the number the caller checked */
  strength: ColumnType<Strength, number, number>
  kind: Generated<RelationshipKind>
  confidence: Generated<Confidence>
  source: Generated<RelationshipSource>
  /** JSON array of strings */
  contexts: Generated<string>
  since: string | null
  created_at: string
  updated_at: string
  /** why the strength is what Kith estimated from archives; null when the user (or an import's default) set it */
  strength_estimate: Generated<string | null>
}

export interface InteractionTable {
  id: Generated<number>
  occurred_on: string
  kind: InteractionKind
  note: string | null
  with_me: Generated<number>
  created_at: string
  updated_at: string
}

export interface InteractionPersonTable {
  interaction_id: number
  person_id: number
}

export interface FavorTable {
  id: Generated<number>
  giver_id: number
  receiver_id: number
  occurred_on: string
  kind: FavorKind
  size: FavorSize
  note: string | null
  introduction_id: number | null
  created_at: string
  updated_at: string
}

export interface IntroductionTable {
  id: Generated<number>
  kind: IntroKind
  /**
   * Text, not IntroState: there is no CHECK, and a Kith JSON import copies it as the file has
   * it (the state machine gives an unknown state no moves). Kith's own moves write only known states.
   */
  state: Generated<string>
  connector_id: number | null
  target_id: number | null
  /** JSON array of person ids, me first, target last */
  path: Generated<string>
  score: number | null
  person_a_id: number | null
  person_b_id: number | null
  a_answer: string | null
  b_answer: string | null
  /** JSON object of the message fields */
  details: Generated<string>
  meeting_on: string | null
  /** for one hop of a longer path: the person the chain leads to */
  goal_id: number | null
  /** the hop before this one */
  previous_id: number | null
  created_at: string
  updated_at: string
}

export interface IntroductionEventTable {
  id: Generated<number>
  introduction_id: number
  /** text, for the same reason as introduction.state */
  state: string
  on_date: string
  created_at: string
}

export interface TaskTable {
  id: Generated<number>
  introduction_id: number | null
  person_id: number | null
  kind: TaskKind
  title: string
  due_on: string
  snoozed_until: string | null
  done_at: string | null
  created_at: string
  /** a give_back task done because I gave the connector a favor after the introduction: that favor (migration 16) */
  settled_by_favor_id: Generated<number | null>
}

export interface SuggestionTable {
  id: Generated<number>
  week: string
  rank: number
  person_a: number
  person_b: number
  score: number
  /** JSON array of { label, value } */
  reasons: string
  status: Generated<SuggestionStatus>
  snoozed_until: string | null
  introduction_id: number | null
  created_at: string
}

export interface SuggestionWeekTable {
  week: string
  computed_at: string
}

export interface ImportBatchTable {
  id: Generated<number>
  format: BatchFormat
  file_name: string
  tag: string | null
  strength: ColumnType<Strength | null, number | null, number | null>
  created_count: number
  updated_count: number
  skipped_count: number
  error_count: number
  created_at: string
  undone_at: string | null
}

export interface ImportItemTable {
  batch_id: number
  entity: 'person' | 'relationship' | 'interaction' | 'introduction'
  entity_id: number
  action: 'created' | 'updated'
  /** JSON: what an update added and what it replaced */
  change: string | null
}

export interface OrganisationTable {
  id: Generated<number>
  name: string
  created_at: string
  updated_at: string
}

export interface OrganisationNameTable {
  /** see normalizeOrgName */
  name_norm: string
  organisation_id: number
  name: string
  source: 'data' | 'user'
}

export interface OrganisationSpellingTable {
  spelling: string
  name_norm: string
}

export interface OrganisationDomainTable {
  domain: string
  /** null: the user said this domain is no organisation's */
  organisation_id: number | null
  source: 'learned' | 'user'
}

export interface OrganisationMergeTable {
  id: Generated<number>
  kept_id: number
  merged_id: number
  merged_name: string
  /** JSON: the merged organisation's row, names and domains */
  snapshot: string
  created_at: string
  undone_at: string | null
}

export interface ColleagueRejectionTable {
  person_a: number
  person_b: number
  created_at: string
}

export interface ArchiveSourceTable {
  source_key: string
  batch_id: number
}

/** What one archive import saw of one person (messages each way, meetings, first and last), for strength estimates. */
export interface ArchiveTallyTable {
  batch_id: number
  person_id: number
  sent: number
  received: number
  meetings: number
  first_at: string
  last_at: string
}

/** A new person the user rejected on the Review page, by one of their correspondent keys (`e:addr`, `l:profile`). */
export interface RejectedCorrespondentTable {
  key: string
  created_at: string
}

/** Two correspondents the user said do not know each other, by their keys, the smaller first. */
export interface RejectedTieTable {
  key_a: string
  key_b: string
  created_at: string
}

export type ReviewKind = 'person' | 'strength' | 'tie'

export interface ReviewItemTable {
  id: Generated<number>
  batch_id: number
  kind: ReviewKind
  person_id: number
  other_id: number | null
  strength: number | null
  relationship_kind: RelationshipKind | null
  detail: string
  created_at: string
}

export type EffectEntity = 'relationship' | 'interaction' | 'task' | 'favor' | 'introduced_by' | 'introduction'

export interface IntroductionEffectTable {
  id: Generated<number>
  introduction_id: number
  event_id: number
  entity: EffectEntity
  entity_id: number
  /** JSON: what the effect replaced, when it changed something rather than adding it */
  change: string | null
}

export interface Database {
  setting: SettingTable
  person: PersonTable
  person_email: PersonEmailTable
  person_label: PersonLabelTable
  employment: EmploymentTable
  relationship: RelationshipTable
  interaction: InteractionTable
  interaction_person: InteractionPersonTable
  favor: FavorTable
  introduction: IntroductionTable
  introduction_event: IntroductionEventTable
  task: TaskTable
  suggestion: SuggestionTable
  suggestion_week: SuggestionWeekTable
  import_batch: ImportBatchTable
  import_item: ImportItemTable
  organisation: OrganisationTable
  organisation_name: OrganisationNameTable
  organisation_spelling: OrganisationSpellingTable
  organisation_domain: OrganisationDomainTable
  organisation_merge: OrganisationMergeTable
  colleague_rejection: ColleagueRejectionTable
  introduction_effect: IntroductionEffectTable
  archive_source: ArchiveSourceTable
  archive_tally: ArchiveTallyTable
  rejected_correspondent: RejectedCorrespondentTable
  rejected_tie: RejectedTieTable
  review_item: ReviewItemTable
}

export type Person = Selectable<PersonTable>
export type NewPerson = Insertable<PersonTable>
export type PersonUpdate = Updateable<PersonTable>
export type Relationship = Selectable<RelationshipTable>
export type NewRelationship = Insertable<RelationshipTable>
