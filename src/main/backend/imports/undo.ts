/**
 * Undoing an import: what it created is deleted (with what has since been
 * attached to it), and what it changed is put back where it still holds the
 * imported value, so later edits by hand are kept. A person it created who
 * has gained something from elsewhere since is kept (see `addedSinceCheck`). A
 * backup comes first.
 */
import type { ImportBatchView, UndoResult } from '../../../shared/imports'
import type { BackendState } from '../state'
import { createBackup } from '../backup/backups'
import { KithError } from '../errors'
import type { PersonChange } from './apply'
import { requireJsonColumn, storedPersonChange, storedRelationshipChange } from '../db/json-column'
import { normalizeEmail, normalizeLabel, parseJsonList } from '../people/records'
import { SCALARS } from './plan'
import { addedSinceCheck } from './added-since'

interface BatchRow {
  id: number
  format: ImportBatchView['format']
  file_name: string
  tag: string | null
  created_at: string
  undone_at: string | null
  created_count: number
  updated_count: number
  skipped_count: number
  error_count: number
}

const view = (r: BatchRow): ImportBatchView => ({
  id: r.id,
  format: r.format,
  fileName: r.file_name,
  tag: r.tag,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
  created: r.created_count,
  updated: r.updated_count,
  skipped: r.skipped_count,
  errors: r.error_count,
})

export function listImports(backend: BackendState): ImportBatchView[] {
  const rows = backend.sqlite.prepare<[], BatchRow>('SELECT * FROM import_batch ORDER BY id DESC').all()
  return rows.map(view)
}

const COLUMNS = new Set<string>(SCALARS.map(([, column]) => column))

export async function undoImport(backend: BackendState, batchId: number): Promise<UndoResult> {
  const sqlite = backend.sqlite
  const batch = sqlite.prepare<[number], BatchRow>('SELECT * FROM import_batch WHERE id = ?').get(batchId)
  if (batch === undefined) throw new KithError('not_found', `There is no import #${batchId}.`)
  if (batch.undone_at !== null) throw new KithError('conflict', `The import of ${batch.file_name} was already undone on ${batch.undone_at.slice(0, 10)}.`)
  const backup = await createBackup(backend, undefined, '-pre-undo')
  const now = backend.now().toISOString()
  const result: UndoResult = { batchId, peopleDeleted: 0, peopleKept: [], peopleRestored: 0, relationshipsDeleted: 0, relationshipsRestored: 0, backup: backup.name }
  const items = sqlite
    .prepare<[number], { entity: string; entity_id: number; action: 'created' | 'updated'; change: string | null }>(
      'SELECT entity, entity_id, action, change FROM import_item WHERE batch_id = ? ORDER BY rowid DESC',
    )
    .all(batchId)

  const s = {
    deletePerson: sqlite.prepare('DELETE FROM person WHERE id = ? AND is_me = 0'),
    forget: sqlite.prepare('UPDATE person SET introduced_by_id = NULL WHERE introduced_by_id = ?'),
    relationshipsOf: sqlite.prepare<[number, number], number>('SELECT count(*) FROM relationship WHERE person_a = ? OR person_b = ?').pluck(),
    deleteCreated: new Map([
      ['relationship', sqlite.prepare('DELETE FROM relationship WHERE id = ?')],
      ['interaction', sqlite.prepare('DELETE FROM interaction WHERE id = ?')],
      ['introduction', sqlite.prepare('DELETE FROM introduction WHERE id = ?')],
    ]),
    restoreRelationship: sqlite.prepare(
      `UPDATE relationship SET strength = ?, kind = ?, confidence = ?, contexts = ?, updated_at = ?
       WHERE id = ? AND strength = ? AND kind = ? AND confidence = ? AND contexts = ?`,
    ),
    restoreEstimate: sqlite.prepare(
      `UPDATE relationship SET strength = ?, strength_estimate = ?, updated_at = ?
       WHERE id = ? AND strength = ? AND strength_estimate IS ?`,
    ),
    listsOf: sqlite.prepare<[number], { phones: string; aliases: string }>('SELECT phones, aliases FROM person WHERE id = ?'),
    setLists: sqlite.prepare('UPDATE person SET phones = ?, aliases = ?, updated_at = ? WHERE id = ?'),
    dropEmail: sqlite.prepare('DELETE FROM person_email WHERE person_id = ? AND email_norm = ?'),
    dropTag: sqlite.prepare("DELETE FROM person_label WHERE person_id = ? AND kind = 'tag' AND label_norm = ?"),
    dropJob: sqlite.prepare('DELETE FROM employment WHERE id = ? AND person_id = ?'),
    nameOf: sqlite.prepare<[number], string>('SELECT name FROM person WHERE id = ?').pluck(),
  }
  const addedSince = addedSinceCheck(sqlite)

  await backend
    .writeSync('everything', () => {
      // Marked first: if another undo raced this one, only one gets here.
      const marked = sqlite.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ? AND undone_at IS NULL').run(now, batchId)
      if (marked.changes === 0) throw new KithError('conflict', `The import of ${batch.file_name} was already undone.`)
      for (const item of items) {
        if (item.action === 'created') {
          if (item.entity === 'person') {
            // Someone who has gained something from elsewhere since (an introduction, a favor, an interaction
            // logged another way, another import) is the user's now: kept, without this import's tag.
            // (A Kith export read back restores relationships and favors of its own: all of it is the import's.)
            const since = batch.format === 'json' ? null : addedSince(item.entity_id, batchId)
            if (since !== null) {
              const name = s.nameOf.get(item.entity_id)
              if (name !== undefined) {
                if (batch.tag !== null) s.dropTag.run(item.entity_id, normalizeLabel(batch.tag))
                result.peopleKept.push({ id: item.entity_id, name, why: since })
                continue
              }
            }
            s.forget.run(item.entity_id)
            // Their relationships go with them.
            const relationships = s.relationshipsOf.get(item.entity_id, item.entity_id) ?? 0
            const deleted = s.deletePerson.run(item.entity_id).changes
            result.peopleDeleted += deleted
            if (deleted > 0) result.relationshipsDeleted += relationships
          } else {
            const changes = s.deleteCreated.get(item.entity)?.run(item.entity_id).changes ?? 0
            if (item.entity === 'relationship') result.relationshipsDeleted += changes
          }
        } else if (item.change !== null && item.entity === 'person') {
          if (restorePerson(item.entity_id, requireJsonColumn(storedPersonChange, item.change, `undo record of ${batch.file_name}`))) result.peopleRestored++
        } else if (item.change !== null && item.entity === 'relationship') {
          const { before, after } = requireJsonColumn(storedRelationshipChange, item.change, `undo record of ${batch.file_name}`)
          const changes =
            before.estimate === undefined
              ? s.restoreRelationship.run(before.strength, before.kind, before.confidence, before.contexts, now, item.entity_id, after.strength, after.kind, after.confidence, after.contexts)
                  .changes
              : // An estimated strength goes back to what it was, reason and date included, unless the user has set it since.
                s.restoreEstimate.run(before.strength, before.estimate, before.updatedAt ?? now, item.entity_id, after.strength, after.estimate ?? null).changes
          result.relationshipsRestored += changes
        }
      }
      // What an archive import remembered and proposed goes with it.
      sqlite.prepare('DELETE FROM archive_source WHERE batch_id = ?').run(batchId)
      sqlite.prepare('DELETE FROM archive_tally WHERE batch_id = ?').run(batchId)
      sqlite.prepare('DELETE FROM review_item WHERE batch_id = ?').run(batchId)
      // Interactions left with no one in them went with their people.
      sqlite.prepare('DELETE FROM interaction WHERE NOT EXISTS (SELECT 1 FROM interaction_person WHERE interaction_id = interaction.id)').run()
    })
  return result

  function restorePerson(id: number, change: PersonChange): boolean {
    const row = s.listsOf.get(id)
    if (row === undefined) return false
    for (const [column, { before, after }] of Object.entries(change.fields)) {
      if (!COLUMNS.has(column)) continue
      sqlite.prepare(`UPDATE person SET ${column} = ? WHERE id = ? AND ${column} IS ?`).run(before, id, after)
    }
    const drop = (list: string[], added: readonly string[]): string[] => list.filter((v) => !added.includes(v))
    s.setLists.run(JSON.stringify(drop(parseJsonList(row.phones), change.phones)), JSON.stringify(drop(parseJsonList(row.aliases), change.aliases)), now, id)
    for (const e of change.emails) s.dropEmail.run(id, normalizeEmail(e))
    for (const t of change.tags) s.dropTag.run(id, normalizeLabel(t))
    for (const job of change.employment ?? []) s.dropJob.run(job, id)
    return true
  }
}
