// What a person an import made has gained since from elsewhere: then they are the user's, not the import's.
import type Database from 'better-sqlite3'

/**
 * What was added to a person after the import (batch) that made them,
 * in words, or null when nothing was: another import that matched or made
 * them, an edit of their record, a relationship entered by hand, a favor, an
 * introduction, a follow-up, or an interaction the import did not log.
 *
 * Made once for many people: its statements are prepared once (an undo of
 * 20,000 people prepared them 140,000 times, three seconds of its eight),
 * and each compares one column at a time, which an index answers (`? IN (a,
 * b)` reads the whole table: that undo took minutes).
 */
export function addedSinceCheck(sqlite: Database.Database): (person: number, batch: number) => string | null {
  const other = sqlite
    .prepare<{ id: number; batch: number }, string>(
      `SELECT b.file_name FROM import_item i JOIN import_batch b ON b.id = i.batch_id
       WHERE i.entity = 'person' AND i.entity_id = :id AND i.batch_id <> :batch AND b.undone_at IS NULL ORDER BY b.id LIMIT 1`,
    )
    .pluck()
  const checks: [Database.Statement<{ id: number }>, string][] = (
    [
      ['SELECT 1 FROM person WHERE id = :id AND updated_at > created_at', 'their details were edited'],
      ["SELECT 1 FROM relationship WHERE (person_a = :id OR person_b = :id) AND source = 'entered'", 'a relationship entered by hand'],
      ['SELECT 1 FROM favor WHERE giver_id = :id OR receiver_id = :id', 'a favor'],
      [
        'SELECT 1 FROM introduction WHERE connector_id = :id OR target_id = :id OR goal_id = :id OR person_a_id = :id OR person_b_id = :id',
        'an introduction',
      ],
      ['SELECT 1 FROM task WHERE person_id = :id', 'a follow-up'],
    ] as const
  ).map(([query, words]) => [sqlite.prepare<{ id: number }>(query), words])
  const logged = sqlite.prepare<{ id: number; batch: number }>(
    `SELECT 1 FROM interaction_person ip WHERE ip.person_id = :id AND NOT EXISTS
       (SELECT 1 FROM import_item i WHERE i.entity = 'interaction' AND i.entity_id = ip.interaction_id AND i.batch_id = :batch)`,
  )
  return (person, batch) => {
    const since = other.get({ id: person, batch })
    if (since !== undefined) return `the import of ${since}`
    for (const [statement, words] of checks) if (statement.get({ id: person }) !== undefined) return words
    return logged.get({ id: person, batch }) === undefined ? null : 'an interaction logged since'
  }
}
