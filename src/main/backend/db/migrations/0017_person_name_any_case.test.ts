import { describe, expect, it } from 'vitest'
import { dbAt, migrateTo, queryPlan } from '../../testing/migrations'

describe('migration 17: person names in any case', () => {
  it('finds everyone bearing a name, ignoring case, without reading the whole table', async () => {
    const handle = await dbAt(16)
    const namesakes = 'SELECT id, company, title FROM person WHERE name = ? COLLATE NOCASE'
    expect(queryPlan(handle.sqlite, namesakes, 'ana lee').join('\n')).toMatch(/^SCAN person/)
    await migrateTo(handle, 17)
    expect(queryPlan(handle.sqlite, namesakes, 'ana lee').join('\n')).toMatch(/USING INDEX person_name_any_case/)
    // Reciprocity's count of each person's namesakes too.
    const counted = 'SELECT (SELECT count(*) FROM person q WHERE q.name = p.name COLLATE NOCASE AND q.id <> p.id) FROM person p WHERE p.id = ?'
    expect(queryPlan(handle.sqlite, counted, 1).join('\n')).toMatch(/INDEX person_name_any_case/)
  })
})
