import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT
const taskRow = (kind: string, extra: Record<string, unknown> = {}) => ({ kind, title: 'Thank Ana', due_on: '2026-11-20', created_at: AT, ...extra })

describe('migration 14: nudges', () => {
  it('keeps every follow-up from schema 13 with its id, and its undo record still goes with it', async () => {
    const handle = await dbAt(13)
    const { sqlite } = handle
    const [ana] = insertPeople(sqlite, ['Ana'])
    const intro = insertRow(sqlite, 'introduction', { kind: 'connect', state: 'asking', person_a_id: ana, details: '{}', created_at: AT, updated_at: AT })
    const event = insertRow(sqlite, 'introduction_event', { introduction_id: intro, state: 'asking', on_date: '2026-11-20', created_at: AT })
    const thank = insertRow(sqlite, 'task', taskRow('thank_connector', { introduction_id: intro, person_id: ana }))
    const mine = insertRow(sqlite, 'task', taskRow('other', { title: 'Send the deck', done_at: AT }))
    insertRow(sqlite, 'introduction_effect', { introduction_id: intro, event_id: event, entity: 'task', entity_id: thank, change: null })

    await migrateTo(handle, 14)
    expect(tableRows(sqlite, 'task', ['id', 'kind', 'title', 'introduction_id', 'person_id', 'done_at'])).toEqual([
      { id: thank, kind: 'thank_connector', title: 'Thank Ana', introduction_id: intro, person_id: ana, done_at: null },
      { id: mine, kind: 'other', title: 'Send the deck', introduction_id: null, person_id: null, done_at: AT },
    ])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    // The undo record of the task is still there, and still goes with its task.
    expect(tableRows(sqlite, 'introduction_effect', ['entity', 'entity_id'])).toEqual([{ entity: 'task', entity_id: thank }])
    sqlite.prepare('DELETE FROM task WHERE id = ?').run(thank)
    expect(tableRows(sqlite, 'introduction_effect')).toEqual([])
  })

  it('takes nudges, still refuses unknown kinds, and keeps the indexes and the links to introductions and people', async () => {
    const { sqlite } = await dbAt(14)
    const [ana] = insertPeople(sqlite, ['Ana'])
    insertRow(sqlite, 'task', taskRow('nudge', { person_id: ana }))
    expect(() => insertRow(sqlite, 'task', taskRow('chase'))).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'task', taskRow('nudge', { introduction_id: 999 }))).toThrow(/FOREIGN KEY/)
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ana)
    expect(tableRows(sqlite, 'task', ['person_id'])).toEqual([{ person_id: null }])
    expect(queryPlan(sqlite, 'SELECT id FROM task WHERE done_at IS NULL AND due_on < ?', '2026-12-01').join('\n')).toMatch(/INDEX task_due/)
    expect(queryPlan(sqlite, 'SELECT id FROM task WHERE introduction_id = ?', 1).join('\n')).toMatch(/INDEX task_intro/)
  })
})
