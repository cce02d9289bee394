/** What an import would do (the preview), and applying it: contacts through the plan, a Kith JSON export whole. */
import { DEFAULT_STRENGTH, type ImportDecision, type ImportPreview, type ImportResult } from '../../../shared/imports'
import type { BackendState } from '../state'
import { readArchiveSettings } from '../settings/service'
import { applyImport, listAdditions, listsReader, sourceTag } from './apply'
import { ImportFileError } from './errors'
import { isEmptyDatabase, writeKithJson, type KithJson } from './kith-json'
import { columnLabel, mergeChanges, planImport, type Plan } from './plan'
import type { ReadResult } from './read-result'
import type { Parsed } from './parse'

const CAP = 1000

/**
 * A full birthday after today cannot be right (the app refuses it too): it is
 * left out, with a note on its line, and the rest of the record imported.
 * Needs the user's today, so it runs here rather than in the readers.
 */
function dropFutureBirthdays(read: ReadResult, today: string): void {
  let dropped = false
  for (const p of read.people) {
    if (p.birthday !== null && !p.birthday.startsWith('--') && p.birthday > today) {
      read.warnings.push({ line: p.line, message: `the birthday ${p.birthday} is in the future; left out` })
      p.birthday = null
      dropped = true
    }
  }
  if (dropped) read.warnings.sort((a, b) => a.line - b.line)
}

/** The lists a merge adds to, as the preview names them. */
const LIST_LABELS = [
  ['emails', 'Email'],
  ['phones', 'Phone'],
  ['aliases', 'Other name'],
  ['tags', 'Tag'],
] as const

export async function buildPreview(
  backend: BackendState,
  jobId: string,
  fileName: string,
  parsed: Parsed,
  onProgress?: (fraction: number) => void,
): Promise<{ preview: ImportPreview; plan: Plan | null }> {
  if (parsed.kind === 'contacts') dropFutureBirthdays(parsed.read, backend.today())
  const plan = parsed.kind === 'contacts' ? await planImport(backend.sqlite, parsed.read, onProgress, readArchiveSettings(backend).myAddresses) : null
  return { preview: previewOf(backend, jobId, fileName, parsed, plan), plan }
}

function previewOf(backend: BackendState, jobId: string, fileName: string, parsed: Parsed, plan: Plan | null): ImportPreview {
  const meSet = backend.sqlite.prepare('SELECT 1 FROM person WHERE is_me = 1').get() !== undefined
  const base = {
    jobId,
    fileName,
    notes: [...parsed.notes],
    meSet,
    matches: [],
    newPeople: [],
    relationships: [],
  }
  const zero = { new: 0, matches: 0, duplicates: 0, unchanged: 0, errors: 0, ignored: 0, relationshipsNew: 0, relationshipsUpdated: 0, peopleCreatedForRelationships: 0 }
  if (parsed.kind === 'json') {
    const people = parsed.doc.tables.person ?? []
    if (!isEmptyDatabase(backend.sqlite)) {
      throw new ImportFileError('A Kith JSON export is a whole database, and this data folder already has people in it. Import it into an empty data folder, or restore a backup from Settings.')
    }
    return {
      ...base,
      format: 'json',
      records: people.length,
      counts: { ...zero, new: people.length },
      tag: null,
      defaultStrength: null,
      newPeople: people.slice(0, 200).map((p, index) => ({
        index,
        line: index + 1,
        name: String(p.name ?? ''),
        company: typeof p.company === 'string' ? p.company : null,
        title: typeof p.title === 'string' ? p.title : null,
        email: null,
        duplicates: 0,
        // An empty data folder: nobody to share a name with.
        namesakes: [],
      })),
      errors: [],
      warnings: parsed.warnings.slice(0, CAP),
      ignored: [],
    }
  }
  const { read } = parsed
  if (plan === null) throw new Error('a contacts file needs its plan')
  if (!meSet && read.format !== 'relationships') base.notes.push('You have not said who you are yet, so imported people cannot be linked to you. Set "me" first to link them.')
  // Each match with what a merge would change, worked out once.
  // Each match with what a merge would add to their lists too (a phone, an email, a tag, another name): a match that
  // adds only a phone is not "nothing new".
  const listsOf = listsReader(backend.sqlite)
  const matches = plan.people.flatMap((p) => {
    if (p.match === null) return []
    const added = listAdditions(listsOf(p.match.person.id), p.match.person.name, p.record)
    const lists = LIST_LABELS.filter(([key]) => added[key].length > 0).map(([, label]) => label)
    return [{ planned: p, match: p.match, changes: mergeChanges(p.match.person, p.record, 'mine'), lists }]
  })
  const unchanged = matches.filter((m) => Object.keys(m.changes.fields).length === 0 && m.changes.conflicts.length === 0 && m.lists.length === 0)
  const errors = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line)
  const creates = new Set(plan.relationships.flatMap((r) => [r.a, r.b]).flatMap((s) => (s.kind === 'create' ? [s.key] : [])))
  return {
    ...base,
    format: read.format,
    records: read.records,
    counts: {
      new: plan.people.length - matches.length,
      matches: matches.length,
      duplicates: plan.duplicates,
      unchanged: unchanged.length,
      errors: errors.length,
      ignored: read.ignored.length,
      relationshipsNew: plan.relationships.filter((r) => r.existing === null).length,
      relationshipsUpdated: plan.relationships.filter((r) => r.existing !== null && r.existing.strength !== r.input.strength).length,
      peopleCreatedForRelationships: creates.size,
    },
    tag: sourceTag(backend.sqlite, read.format, backend.today()),
    defaultStrength: meSet ? DEFAULT_STRENGTH[read.format] : null,
    matches: matches.slice(0, 5000).map(({ planned, match, changes, lists }) => ({
      index: planned.index,
      line: planned.record.line,
      name: planned.record.name,
      company: planned.record.company,
      existing: { id: match.person.id, name: `${match.person.name}${match.person.archived ? ' (archived)' : ''}`, company: match.person.company },
      by: match.by,
      adds: [...Object.keys(changes.fields).map(columnLabel), ...lists],
      conflicts: changes.conflicts,
    })),
    newPeople: plan.people
      .filter((p) => p.match === null)
      .slice(0, 200)
      .map((p) => ({
        index: p.index,
        line: p.record.line,
        name: p.record.name,
        company: p.record.company,
        title: p.record.title,
        email: p.record.emails[0] ?? null,
        duplicates: p.duplicates,
        namesakes: p.namesakes.map((n) => ({ id: n.id, name: n.name, company: n.company })),
      })),
    relationships: plan.relationships.slice(0, 500).map((r) => ({
      line: r.line,
      a: r.a.name,
      b: r.b.name,
      strength: r.input.strength,
      action: r.existing === null ? 'new' : r.existing.strength === r.input.strength ? 'same' : 'update',
      creates: [r.a, r.b].flatMap((s) => (s.kind === 'create' ? [s.name] : [])),
    })),
    errors: errors.slice(0, CAP),
    warnings: read.warnings.slice(0, CAP),
    ignored: read.ignored.slice(0, CAP),
  }
}

/** Applies a whole Kith JSON export to an empty database, in one transaction. */
async function applyJson(backend: BackendState, doc: KithJson, fileName: string): Promise<ImportResult> {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const result: ImportResult = { batchId: null, format: 'json', created: 0, updated: 0, skipped: 0, relationshipsCreated: 0, relationshipsUpdated: 0, errors: [] }
  await backend
    .writeSync('everything', () => {
      const ids = writeKithJson(sqlite, doc)
      const batchId = Number(
        sqlite
          .prepare("INSERT INTO import_batch (format, file_name, tag, strength, created_count, updated_count, skipped_count, error_count, created_at) VALUES ('json', ?, NULL, NULL, ?, 0, 0, 0, ?)")
          .run(fileName, ids.people.length, now).lastInsertRowid,
      )
      const item = sqlite.prepare("INSERT INTO import_item (batch_id, entity, entity_id, action) VALUES (?, ?, ?, 'created')")
      for (const id of ids.people) item.run(batchId, 'person', id)
      for (const id of ids.interactions) item.run(batchId, 'interaction', id)
      for (const id of ids.introductions) item.run(batchId, 'introduction', id)
      result.batchId = batchId
      result.created = ids.people.length
      result.relationshipsCreated = (doc.tables.relationship ?? []).length
    })
  return result
}

/**
 * Where the database stands: changes by this connection, and commits by
 * others. Equal readings mean nothing was written in between.
 */
export function databaseMark(backend: BackendState): string {
  const changes = backend.sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0
  return `${changes}:${String(backend.sqlite.pragma('data_version', { simple: true }))}`
}

export async function applyParsed(
  backend: BackendState,
  parsed: Parsed,
  options: { fileName: string; strength: number | null; decisions: readonly ImportDecision[]; onProgress?: (done: number, total: number) => void },
  /** the plan the preview showed, used when nothing has been written since */
  previewed: { plan: Plan; mark: string } | null = null,
): Promise<ImportResult> {
  if (parsed.kind === 'json') return applyJson(backend, parsed.doc, options.fileName)
  const { read } = parsed
  dropFutureBirthdays(read, backend.today())
  return backend.exclusive(async () => {
    // Planned again if anything was written since the preview.
    const plan: Plan = previewed !== null && previewed.mark === databaseMark(backend) ? previewed.plan : await planImport(backend.sqlite, read, undefined, readArchiveSettings(backend).myAddresses)
    return applyImport(backend, read, plan, options)
  })
}

