/**
 * Removing the sample network, and undoing that. Loading the sample records
 * which people it added and when; removing deletes those people with what
 * hangs on them, except anyone the user has since edited or used by hand (and
 * never you). Every row the removal deletes or changes is kept in the setting
 * table, so undo puts them back exactly, with the same ids.
 */
import { z } from 'zod'
import type { DemoRemoval, DemoState, PersonRef } from '../../../shared/types'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { readSetting, writeSetting } from '../settings/stored'

const SAMPLE_KEY = 'sample'
const REMOVED_KEY = 'sample.removed'

const sampleRecord = z.strictObject({
  loadedAt: z.string(),
  people: z.array(z.number().int()),
  introductions: z.array(z.number().int()),
})
export type SampleRecord = z.output<typeof sampleRecord>

const cell = z.union([z.string(), z.number(), z.null()])
const removedRecord = z.strictObject({
  at: z.string(),
  people: z.number().int(),
  sample: sampleRecord,
  /** the rows as they were before the removal, per table (`rid` first when the table has rowids) */
  tables: z.array(z.strictObject({ table: z.string(), rowid: z.boolean(), columns: z.array(z.string()), rows: z.array(z.array(cell)) })),
})

/** The tables whose rows are never part of the sample (the record itself lives in `setting`). */
const UNTOUCHED = new Set(['setting'])

export async function recordSample(backend: BackendState, record: SampleRecord): Promise<void> {
  await backend.writeSync('nothing', () => {
    writeSetting(backend, SAMPLE_KEY, record)
    backend.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(REMOVED_KEY)
  })
}

function readSample(backend: BackendState): SampleRecord | null {
  return readSetting(backend, SAMPLE_KEY, sampleRecord.nullable(), null)
}

function readRemoved(backend: BackendState): z.output<typeof removedRecord> | null {
  return readSetting(backend, REMOVED_KEY, removedRecord.nullable(), null)
}

function presentIds(backend: BackendState, ids: readonly number[]): number[] {
  if (ids.length === 0) return []
  const found = new Set<number>()
  const sql = backend.sqlite.prepare<[string], number>("SELECT p.id FROM person p JOIN json_each(?) j ON p.id = j.value WHERE p.is_me = 0").pluck()
  for (const id of sql.all(JSON.stringify(ids))) found.add(id)
  return ids.filter((id) => found.has(id))
}

export function demoState(backend: BackendState): DemoState {
  const sample = readSample(backend)
  const removed = readRemoved(backend)
  return {
    samplePeople: sample === null ? 0 : presentIds(backend, sample.people).length,
    removed: removed === null ? null : { at: removed.at, people: removed.people },
  }
}

/**
 * Sample people the user has made their own since loading: edited (their
 * record changed), or in a relationship, interaction, favor, introduction or
 * task the user added or changed afterwards (a sample introduction moved on
 * keeps everyone in it).
 */
function keptPeople(backend: BackendState, sample: SampleRecord): PersonRef[] {
  const rows = backend.sqlite
    .prepare<{ people: string; at: string }, PersonRef>(
      `WITH s(id) AS (SELECT value FROM json_each(:people))
       SELECT p.id, p.name FROM person p JOIN s ON s.id = p.id
       WHERE p.is_me = 0 AND (
         p.updated_at > :at
         OR EXISTS (SELECT 1 FROM relationship r WHERE (r.person_a = p.id OR r.person_b = p.id) AND r.updated_at > :at)
         OR EXISTS (SELECT 1 FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = p.id AND i.updated_at > :at)
         OR EXISTS (SELECT 1 FROM favor f WHERE (f.giver_id = p.id OR f.receiver_id = p.id) AND f.updated_at > :at)
         OR EXISTS (SELECT 1 FROM introduction n WHERE p.id IN (n.connector_id, n.target_id, n.person_a_id, n.person_b_id, n.goal_id) AND (n.created_at > :at OR n.updated_at > :at))
         OR EXISTS (SELECT 1 FROM task t WHERE t.person_id = p.id AND t.created_at > :at)
       )
       ORDER BY p.name, p.id`,
    )
    .all({ people: JSON.stringify(sample.people), at: sample.loadedAt })
  return rows
}

interface TableInfo {
  name: string
  rowid: boolean
  columns: string[]
}

function tables(backend: BackendState): TableInfo[] {
  const list = backend.sqlite
    .prepare<[], { name: string; wr: number }>("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all()
  return list
    .filter((t) => !UNTOUCHED.has(t.name))
    .map((t) => ({
      name: t.name,
      rowid: t.wr === 0,
      columns: backend.sqlite.prepare<[string], string>('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(t.name),
    }))
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`

export async function removeSample(backend: BackendState): Promise<DemoRemoval> {
  const sample = readSample(backend)
  const people = sample === null ? [] : presentIds(backend, sample.people)
  if (sample === null || people.length === 0) throw new KithError('not_found', 'There is no sample network here to remove.')
  const kept = keptPeople(backend, sample)
  const keptIds = new Set(kept.map((p) => p.id))
  const removing = people.filter((id) => !keptIds.has(id))
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const all = tables(backend)
  await backend.writeSync('everything', () => {
      all.forEach((t, i) => {
        const key = t.rowid ? 'rowid AS "rid", ' : ''
        sqlite.prepare(`CREATE TEMP TABLE sample_before_${i} AS SELECT ${key}* FROM main.${quote(t.name)}`).run()
      })
      const ids = JSON.stringify(removing)
      // The sample's introductions go with any of their people: one that stays would name someone no longer
      // there. (One the user has moved on since keeps all its people, above, and stays whole.)
      sqlite
        .prepare(
          `DELETE FROM introduction WHERE id IN (SELECT value FROM json_each(:intros)) AND EXISTS (
             SELECT 1 FROM json_each(:ids) j WHERE j.value IN (connector_id, target_id, person_a_id, person_b_id, goal_id))`,
        )
        .run({ intros: JSON.stringify(sample.introductions), ids })
      sqlite.prepare('DELETE FROM person WHERE is_me = 0 AND id IN (SELECT value FROM json_each(?))').run(ids)
      // Interactions left with no one in them went with their people.
      sqlite.prepare('DELETE FROM interaction WHERE NOT EXISTS (SELECT 1 FROM interaction_person WHERE interaction_id = interaction.id)').run()
      const changed = all.map((t, i) => {
        const key = t.rowid ? 'rowid AS "rid", ' : ''
        const rows = sqlite
          .prepare<[], (string | number | null)[]>(`SELECT * FROM temp.sample_before_${i} EXCEPT SELECT ${key}* FROM main.${quote(t.name)}`)
          .raw()
          .all()
        sqlite.prepare(`DROP TABLE temp.sample_before_${i}`).run()
        return { table: t.name, rowid: t.rowid, columns: t.columns, rows }
      })
      writeSetting(backend, REMOVED_KEY, { at: now, people: removing.length, sample, tables: changed.filter((c) => c.rows.length > 0) })
      // What stays is the user's now; a later removal finds nothing of the sample.
      writeSetting(backend, SAMPLE_KEY, { ...sample, people: [] })
  })
  return { removed: removing.length, kept }
}

/** Puts back what the last removal took away, with the same ids. */
export async function undoSampleRemoval(backend: BackendState): Promise<DemoState> {
  const removed = readRemoved(backend)
  if (removed === null) throw new KithError('not_found', 'There is no removal of the sample network to undo.')
  const sqlite = backend.sqlite
  try {
    await backend.writeSync('everything', () => {
        sqlite.pragma('defer_foreign_keys = ON')
        for (const t of removed.tables) {
          const cols = t.columns.map(quote)
          const table = `main.${quote(t.table)}`
          if (!t.rowid) {
            const insert = sqlite.prepare(`INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
            for (const row of t.rows) insert.run(...row)
            continue
          }
          const exists = sqlite.prepare(`SELECT 1 FROM ${table} WHERE rowid = ?`)
          const insert = sqlite.prepare(`INSERT INTO ${table} (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`)
          const update = sqlite.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`)
          for (const [rid, ...values] of t.rows) {
            if (exists.get(rid) === undefined) insert.run(rid, ...values)
            else update.run(...values, rid)
          }
        }
        writeSetting(backend, SAMPLE_KEY, removed.sample)
        sqlite.prepare('DELETE FROM setting WHERE key = ?').run(REMOVED_KEY)
    })
  } catch (err) {
    if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
      throw new KithError('conflict', 'The sample network cannot be put back: people or details added since clash with it. Nothing was changed.')
    }
    throw err
  }
  return demoState(backend)
}
