/**
 * What Kith accepts as an email address, in one place: the contract, every
 * importer, the mailto encoder and the check on links handed to the operating
 * system all ask `isEmailAddress`.
 *
 * The rule is zod's own email check (`z.email()`, whose pattern is
 * `z.regexes.email`): a dot-separated local part of letters, digits and
 * _ ' + -, an @, and a domain of labels ending in a top-level domain of two or
 * more letters. It is stricter than RFC 5322 (no quoted local parts, no
 * comments, no ? = & % # / in the local part, no IP-literal domains), which is
 * the point: nothing in an accepted address can be read as a mailto header, a
 * query or a fragment.
 */
import { z } from 'zod'

/** The longest address SMTP can carry (RFC 5321: 254 octets in a path). */
export const MAX_EMAIL_LENGTH = 254

const address = z.email()

export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && address.safeParse(value).success
}
