// What a person an import made has gained since from elsewhere: then they are the user's, not the import's.
import type Database from 'better-sqlite3'

/**
 * What was added to a person after the import (batch) that made them,
 * in words, or null when nothing was: another import that matched or made
 * them, an edit of their record, a relationship entered by hand, a favor, an
 * introduction, a follow-up, or an interaction the import did not log.
 */
export function addedSince(sqlite: Database.Database, person: number, batch: number): string | null {
  const other = sqlite
    .prepare<[number, number], string>(
      `SELECT b.file_name FROM import_item i JOIN import_batch b ON b.id = i.batch_id
       WHERE i.entity = 'person' AND i.entity_id = ? AND i.batch_id <> ? AND b.undone_at IS NULL ORDER BY b.id LIMIT 1`,
    )
    .pluck()
    .get(person, batch)
  if (other !== undefined) return `the import of ${other}`
  const checks: [string, string][] = [
    ['SELECT 1 FROM person WHERE id = ? AND updated_at > created_at', 'their details were edited'],
    ["SELECT 1 FROM relationship WHERE ? IN (person_a, person_b) AND source = 'entered'", 'a relationship entered by hand'],
    ['SELECT 1 FROM favor WHERE ? IN (giver_id, receiver_id)', 'a favor'],
    ['SELECT 1 FROM introduction WHERE ? IN (connector_id, target_id, goal_id, person_a_id, person_b_id)', 'an introduction'],
    ['SELECT 1 FROM task WHERE person_id = ?', 'a follow-up'],
  ]
  for (const [query, words] of checks) if (sqlite.prepare(query).get(person) !== undefined) return words
  const logged = sqlite
    .prepare(
      `SELECT 1 FROM interaction_person ip WHERE ip.person_id = ? AND NOT EXISTS
         (SELECT 1 FROM import_item i WHERE i.entity = 'interaction' AND i.entity_id = ip.interaction_id AND i.batch_id = ?)`,
    )
    .get(person, batch)
  return logged === undefined ? null : 'an interaction logged since'
}
