import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 5: weekly review', () => {
  it('keeps people and introductions from schema 4, with no keep-in-touch cadence set', async () => {
    const handle = await dbAt(4)
    const { sqlite } = handle
    const [ana, ben] = insertPeople(sqlite, ['Ana Silva', 'Ben Okafor'], { notes: 'Met at the fintech meetup' })
    insertRow(sqlite, 'introduction', { kind: 'connect', state: 'introduced', person_a_id: ana, person_b_id: ben, a_answer: 'yes', b_answer: 'yes', details: '{"why":"both hiring"}', created_at: AT, updated_at: AT })

    await migrateTo(handle, 5)
    expect(tableRows(sqlite, 'person', ['name', 'notes', 'cadence_days'])).toEqual([
      { name: 'Ana Silva', notes: 'Met at the fintech meetup', cadence_days: null },
      { name: 'Ben Okafor', notes: 'Met at the fintech meetup', cadence_days: null },
    ])
    expect(tableRows(sqlite, 'introduction', ['state', 'person_a_id', 'person_b_id', 'details'])).toEqual([
      { state: 'introduced', person_a_id: ana, person_b_id: ben, details: '{"why":"both hiring"}' },
    ])
    expect(tableRows(sqlite, 'suggestion')).toEqual([])
    expect(tableRows(sqlite, 'suggestion_week')).toEqual([])
  })

  it('takes a cadence of 1 day to 10 years and refuses anything else', async () => {
    const { sqlite } = await dbAt(5)
    const ana = insertRow(sqlite, 'person', { name: 'Ana', cadence_days: 30, created_at: AT, updated_at: AT })
    const cadence = sqlite.prepare('UPDATE person SET cadence_days = ? WHERE id = ?')
    cadence.run(1, ana)
    cadence.run(3650, ana)
    expect(() => cadence.run(0, ana)).toThrow(/CHECK/)
    expect(() => cadence.run(3651, ana)).toThrow(/CHECK/)
    cadence.run(null, ana)
    expect(tableRows(sqlite, 'person', ['cadence_days'])).toEqual([{ cadence_days: null }])
  })

  it('opens a suggestion by default and refuses an unknown status, a pair twice in one week, a reversed pair and reasons that are not JSON', async () => {
    const { sqlite } = await dbAt(5)
    const [ana, ben, cleo] = insertPeople(sqlite, ['Ana', 'Ben', 'Cleo'])
    const suggestion = { week: '2026-W10', rank: 1, person_a: ana, person_b: ben, score: 0.8, reasons: '["both in fintech"]', created_at: AT }
    insertRow(sqlite, 'suggestion', suggestion)
    expect(tableRows(sqlite, 'suggestion', ['week', 'status', 'snoozed_until', 'introduction_id'])).toEqual([{ week: '2026-W10', status: 'open', snoozed_until: null, introduction_id: null }])
    expect(() => sqlite.prepare("UPDATE suggestion SET status = 'ignored'").run()).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'suggestion', { ...suggestion, rank: 2 })).toThrow(/UNIQUE/)
    expect(() => insertRow(sqlite, 'suggestion', { ...suggestion, person_a: cleo, person_b: ana })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'suggestion', { ...suggestion, person_b: cleo, reasons: 'both in fintech' })).toThrow(/CHECK/)
    // The same pair may come back another week.
    insertRow(sqlite, 'suggestion', { ...suggestion, week: '2026-W15' })
    expect(tableRows(sqlite, 'suggestion', ['week'])).toEqual([{ week: '2026-W10' }, { week: '2026-W15' }])
  })

  it('forgets a suggestion with its people, and keeps it when the introduction it started is deleted', async () => {
    const { sqlite } = await dbAt(5)
    const [ana, ben, cleo] = insertPeople(sqlite, ['Ana', 'Ben', 'Cleo'])
    const intro = insertRow(sqlite, 'introduction', { kind: 'connect', person_a_id: ana, person_b_id: ben, created_at: AT, updated_at: AT })
    insertRow(sqlite, 'suggestion', { week: '2026-W10', rank: 1, person_a: ana, person_b: ben, score: 0.8, reasons: '[]', status: 'started', introduction_id: intro, created_at: AT })
    insertRow(sqlite, 'suggestion', { week: '2026-W10', rank: 2, person_a: ben, person_b: cleo, score: 0.5, reasons: '[]', created_at: AT })
    sqlite.prepare('DELETE FROM introduction WHERE id = ?').run(intro)
    expect(tableRows(sqlite, 'suggestion', ['rank', 'status', 'introduction_id'])).toEqual([
      { rank: 1, status: 'started', introduction_id: null },
      { rank: 2, status: 'open', introduction_id: null },
    ])
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(cleo)
    expect(tableRows(sqlite, 'suggestion', ['rank'])).toEqual([{ rank: 1 }])
  })

  it('remembers a week computed with nothing to suggest, once', async () => {
    const { sqlite } = await dbAt(5)
    insertRow(sqlite, 'suggestion_week', { week: '2026-W10', computed_at: AT })
    expect(() => insertRow(sqlite, 'suggestion_week', { week: '2026-W10', computed_at: AT })).toThrow(/UNIQUE|PRIMARY KEY/)
  })

  it("reads a week's suggestions in rank order, and a pair's history, by index", async () => {
    const { sqlite } = await dbAt(5)
    const week = queryPlan(sqlite, 'SELECT * FROM suggestion WHERE week = ? ORDER BY rank', '2026-W10').join('\n')
    expect(week).toMatch(/USING INDEX suggestion_by_week/)
    expect(week).not.toMatch(/TEMP B-TREE/)
    expect(queryPlan(sqlite, 'SELECT * FROM suggestion WHERE person_a = ? AND person_b = ?', 1, 2).join('\n')).toMatch(/USING INDEX suggestion_pair/)
  })
})
