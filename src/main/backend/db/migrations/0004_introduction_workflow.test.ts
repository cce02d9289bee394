import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 4: introduction workflow', () => {
  it('keeps the asks of schema 3 with their state and path, and gives them no answers and empty details', async () => {
    const handle = await dbAt(3)
    const { sqlite } = handle
    const [me, ana, ben] = insertPeople(sqlite, ['Me', 'Ana', 'Ben'])
    insertRow(sqlite, 'introduction', { kind: 'ask', state: 'asked', connector_id: ana, target_id: ben, path: JSON.stringify([me, ana, ben]), score: 0.42, created_at: AT, updated_at: AT })

    await migrateTo(handle, 4)
    expect(tableRows(sqlite, 'introduction', ['kind', 'state', 'connector_id', 'target_id', 'path', 'score', 'person_a_id', 'person_b_id', 'a_answer', 'b_answer', 'details', 'meeting_on'])).toEqual([
      { kind: 'ask', state: 'asked', connector_id: ana, target_id: ben, path: JSON.stringify([me, ana, ben]), score: 0.42, person_a_id: null, person_b_id: null, a_answer: null, b_answer: null, details: '{}', meeting_on: null },
    ])
    expect(tableRows(sqlite, 'introduction_event')).toEqual([])
    expect(tableRows(sqlite, 'task')).toEqual([])
  })

  it('refuses an answer other than yes or no, details that are not JSON, an unknown task kind and an untitled task', async () => {
    const { sqlite } = await dbAt(4)
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const intro = insertRow(sqlite, 'introduction', { kind: 'connect', person_a_id: ana, person_b_id: ben, a_answer: 'yes', created_at: AT, updated_at: AT })
    expect(() => sqlite.prepare("UPDATE introduction SET b_answer = 'maybe' WHERE id = ?").run(intro)).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE introduction SET details = '{oops' WHERE id = ?").run(intro)).toThrow(/CHECK/)
    const task = { introduction_id: intro, person_id: ana, kind: 'close_loop', title: 'Ask Ana how it went', due_on: '2026-03-09', created_at: AT }
    insertRow(sqlite, 'task', task)
    expect(() => insertRow(sqlite, 'task', { ...task, kind: 'call_mum' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'task', { ...task, title: '' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'introduction_event', { introduction_id: intro + 1, state: 'asked', on_date: '2026-03-02', created_at: AT })).toThrow(/FOREIGN KEY/)
  })

  it('deletes an introduction with its history and tasks, and keeps a task when its person is deleted', async () => {
    const { sqlite } = await dbAt(4)
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const kept = insertRow(sqlite, 'introduction', { kind: 'connect', person_a_id: ana, person_b_id: ben, created_at: AT, updated_at: AT })
    const gone = insertRow(sqlite, 'introduction', { kind: 'ask', connector_id: ana, target_id: ben, created_at: AT, updated_at: AT })
    for (const id of [kept, gone]) {
      insertRow(sqlite, 'introduction_event', { introduction_id: id, state: 'asked', on_date: '2026-03-02', created_at: AT })
      insertRow(sqlite, 'task', { introduction_id: id, person_id: ana, kind: 'thank_connector', title: 'Thank Ana', due_on: '2026-03-05', created_at: AT })
    }
    sqlite.prepare('DELETE FROM introduction WHERE id = ?').run(gone)
    expect(tableRows(sqlite, 'introduction_event', ['introduction_id'])).toEqual([{ introduction_id: kept }])
    expect(tableRows(sqlite, 'task', ['introduction_id', 'person_id'])).toEqual([{ introduction_id: kept, person_id: ana }])

    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ana)
    expect(tableRows(sqlite, 'task', ['introduction_id', 'person_id', 'title'])).toEqual([{ introduction_id: kept, person_id: null, title: 'Thank Ana' }])
    expect(tableRows(sqlite, 'introduction', ['id', 'person_a_id', 'person_b_id'])).toEqual([{ id: kept, person_a_id: null, person_b_id: ben }])
  })

  it("finds an introduction's history and tasks, and the open tasks by due date, by index", async () => {
    const { sqlite } = await dbAt(4)
    expect(queryPlan(sqlite, 'SELECT * FROM introduction_event WHERE introduction_id = ?', 1).join('\n')).toMatch(/USING INDEX introduction_event_intro/)
    expect(queryPlan(sqlite, 'SELECT * FROM task WHERE introduction_id = ?', 1).join('\n')).toMatch(/USING INDEX task_intro/)
    expect(queryPlan(sqlite, 'SELECT * FROM task WHERE done_at IS NULL AND due_on <= ?', '2026-03-09').join('\n')).toMatch(/USING INDEX task_due/)
  })
})
