import { sql, type Kysely } from 'kysely'

/**
 * What the user rejected on the Review page, remembered by who the
 * correspondents are rather than by person id, so that a later archive
 * import does not bring it back (the rejected person is deleted, and a new
 * import would otherwise create them afresh).
 *
 * Keys are the ones the learning step gives a correspondent: `e:` and a
 * normalised email address, or `l:` and a normalised LinkedIn profile.
 *
 * - `rejected_correspondent`: a new person the user rejected, once per key
 *   they had (each address, their profile).
 * - `rejected_tie`: two correspondents the user said do not know each other,
 *   one row per pair of their keys, the smaller key first.
 *
 * Neither belongs to an import: undoing an import leaves them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE rejected_correspondent (
      key TEXT NOT NULL PRIMARY KEY CHECK (length(key) > 2 AND (substr(key, 1, 2) IN ('e:', 'l:'))),
      created_at TEXT NOT NULL
    ) WITHOUT ROWID`,
    sql`CREATE TABLE rejected_tie (
      key_a TEXT NOT NULL CHECK (length(key_a) > 2 AND (substr(key_a, 1, 2) IN ('e:', 'l:'))),
      key_b TEXT NOT NULL CHECK (length(key_b) > 2 AND (substr(key_b, 1, 2) IN ('e:', 'l:'))),
      created_at TEXT NOT NULL,
      CHECK (key_a < key_b),
      PRIMARY KEY (key_a, key_b)
    ) WITHOUT ROWID`,
  ]
  for (const statement of statements) await statement.execute(db)
}
