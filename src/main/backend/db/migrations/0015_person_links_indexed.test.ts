import { describe, expect, it } from 'vitest'
import { dbAt, migrateTo } from '../../testing/migrations'

describe('migration 15: person links indexed', () => {
  it('leaves every column that points at a person leading an index, so deleting a person reads no whole table', async () => {
    const handle = await dbAt(14)
    const { sqlite } = handle
    const unindexed = (): string[] => {
      const tables = sqlite.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all()
      const out: string[] = []
      for (const table of tables) {
        const links = sqlite.prepare<[string], { table: string; from: string }>('SELECT "table", "from" FROM pragma_foreign_key_list(?)').all(table)
        const leading = new Set(
          sqlite
            .prepare<[string], string>('SELECT name FROM pragma_index_list(?)')
            .pluck()
            .all(table)
            .map((index) => sqlite.prepare<[string], string>('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck().get(index)),
        )
        for (const link of links) if (link.table === 'person' && !leading.has(link.from)) out.push(`${table}.${link.from}`)
      }
      return out.sort()
    }
    expect(unindexed()).toEqual(['colleague_rejection.person_b', 'introduction.goal_id', 'introduction.person_b_id', 'review_item.other_id', 'review_item.person_id', 'suggestion.person_b', 'task.person_id'])
    await migrateTo(handle, 15)
    expect(unindexed()).toEqual([])
  })
})
