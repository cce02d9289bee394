/** People, what is recorded about them, and the lists and search that show them. */
import type { Confidence, FavorKind, FavorSize, InteractionKind, RelationshipKind, RelationshipSource, Strength } from '../vocab'
import type { BackupInfo } from './app'

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
  /** when Kith estimated the strength from archives: why, in words; null when the user set it */
  strengthEstimate: string | null
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
  /** the give-back follow-ups this favor met (their titles): given by me to a connector after an introduction */
  settled: string[]
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
  moved: { relationships: number; interactions: number; favors: number; introductions: number }
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
