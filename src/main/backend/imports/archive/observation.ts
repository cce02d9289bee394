/**
 * What every archive reader (mail, calendar, LinkedIn messages) hands to the
 * learning step: one message or meeting, with who took part, and nothing of
 * its body. The readers know their file formats; the learning step knows
 * people, ties and strengths, and only ever sees these.
 */

/** Someone on a message or at a meeting, as the archive names them. */
export interface Participant {
  /** lower-cased address, when the source has one */
  email: string | null
  /** the display name, decoded, when the source has one */
  name: string | null
  /** a LinkedIn profile URL, normalised, when the source has one (LinkedIn messages) */
  linkedinUrl: string | null
  /** the archive itself says this is its owner (LinkedIn's export knows whose it is) */
  me?: boolean
}

export type ObservationKind = 'email' | 'message' | 'meeting'

export interface Observation {
  kind: ObservationKind
  /**
   * A key that is the same every time the same message or occurrence is read,
   * so a re-import adds nothing twice: the Message-ID, an event's UID plus its
   * occurrence start, a LinkedIn conversation id plus the message's date.
   */
  sourceKey: string
  /** when it was sent or when the meeting started (UTC ISO 8601) */
  at: string
  /** groups the messages of one conversation (thread root, conversation id, event UID) */
  threadKey: string
  /** the subject or event title, when there is one */
  subject: string | null
  /** the sender, or the meeting's organiser */
  from: Participant | null
  /** everyone else on it: To and Cc, or attendees who did not decline */
  to: Participant[]
  /**
   * Why it does not count as a conversation between people, if it does not:
   * a mailing list, bulk or automated mail, a no-reply sender, too many people.
   */
  noise: 'list' | 'bulk' | 'automated' | 'no-reply' | 'crowd' | null
}

/** A connection in LinkedIn's export: someone the owner is linked with, messages or not. */
export interface ConnectionFact {
  kind: 'connection'
  /** the entry and line it came from, for warnings */
  line: number
  name: string
  email: string | null
  /** missing in older exports */
  linkedinUrl: string | null
  company: string | null
  title: string | null
}

/** The export's owner, from its Profile.csv. */
export interface OwnerFact {
  kind: 'owner'
  name: string
  headline: string | null
}

/** A job in the owner's work history, from Positions.csv (dates YYYY-MM-DD, end null while current). */
export interface PositionFact {
  kind: 'position'
  company: string
  title: string | null
  startDate: string | null
  endDate: string | null
}

/** A problem with one row of one entry, left out of the import. */
export interface RowProblemFact {
  kind: 'problem'
  /** the row's line in its entry (0 for the entry as a whole); the message names the entry */
  line: number
  message: string
}

/** What a reader hands over: observations, and from LinkedIn's export also facts about its owner and connections. */
export type ArchiveItem = Observation | ConnectionFact | OwnerFact | PositionFact | RowProblemFact
