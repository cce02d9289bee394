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
