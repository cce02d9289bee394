/**
 * What the user rejected on the Review page, remembered by who the
 * correspondents are (`e:addr`, `l:profile`, the learning step's keys), so a
 * later import neither creates a rejected person again nor proposes a
 * rejected tie again, even after the person was deleted and added back by
 * hand. Rejections are the user's, not an import's: undo leaves them.
 */
import type Database from 'better-sqlite3'
import { normalizeLinkedin } from '../person-record'

/** Every key a correspondent with this address and profile can be known by. */
export function identityKeys(email: string | null, linkedinUrl: string | null): string[] {
  const keys: string[] = []
  if (linkedinUrl !== null) keys.push(`l:${linkedinUrl}`)
  if (email !== null && email !== '') keys.push(`e:${email}`)
  return keys
}

/** The keys a person in Kith answers to: each of their addresses and their LinkedIn profile. */
export function personKeys(sqlite: Database.Database, personId: number): string[] {
  const emails = sqlite.prepare<[number], string>('SELECT email_norm FROM person_email WHERE person_id = ? ORDER BY position').pluck().all(personId)
  const url = sqlite.prepare<[number], string | null>('SELECT linkedin_url FROM person WHERE id = ?').pluck().get(personId) ?? null
  const profile = url === null ? null : normalizeLinkedin(url)
  return [...(profile === null ? [] : [`l:${profile}`]), ...emails.filter((e) => e !== '').map((e) => `e:${e}`)]
}

/** Remembers a rejected new person by every key they had; call before deleting them. */
export function rememberRejectedPerson(sqlite: Database.Database, personId: number, now: string): void {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO rejected_correspondent (key, created_at) VALUES (?, ?)')
  for (const key of personKeys(sqlite, personId)) insert.run(key, now)
}

/** Remembers that two people do not know each other, for every pair of their keys. */
export function rememberRejectedTie(sqlite: Database.Database, a: number, b: number, now: string): void {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO rejected_tie (key_a, key_b, created_at) VALUES (?, ?, ?)')
  const keysB = personKeys(sqlite, b)
  for (const x of personKeys(sqlite, a)) {
    for (const y of keysB) if (x !== y) insert.run(x < y ? x : y, x < y ? y : x, now)
  }
}

/** Reads what was rejected, for one plan. */
export class Rejections {
  private readonly person: Database.Statement<[string]>
  private readonly tie: Database.Statement<[string, string]>

  constructor(sqlite: Database.Database) {
    this.person = sqlite.prepare<[string]>('SELECT 1 FROM rejected_correspondent WHERE key = ?').pluck()
    this.tie = sqlite.prepare<[string, string]>('SELECT 1 FROM rejected_tie WHERE key_a = ? AND key_b = ?').pluck()
  }

  /** Whether the user rejected someone known by any of these keys. */
  personRejected(keys: readonly string[]): boolean {
    return keys.some((k) => this.person.get(k) !== undefined)
  }

  /** Whether the user said that anyone known by keys `a` does not know anyone known by keys `b`. */
  tieRejected(a: readonly string[], b: readonly string[]): boolean {
    for (const x of a) {
      for (const y of b) {
        if (x !== y && this.tie.get(x < y ? x : y, x < y ? y : x) !== undefined) return true
      }
    }
    return false
  }
}
