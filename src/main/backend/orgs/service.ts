import type { z } from 'zod'
import type { OrgPatch } from '../../../shared/schemas'
import type { OrganisationMerge, OrganisationView } from '../../../shared/types'
import { normalizeOrgName } from '../../../shared/organisations'
import type { BackendState } from '../state'
import { KithError, fieldError } from '../errors'
import { readJsonColumn, storedOrgSnapshot } from '../db/json-column'

type Snapshot = z.output<typeof storedOrgSnapshot>

/** Organisations with their names, domains and how many people Kith has there (now, and ever). */
export function listOrganisations(backend: BackendState, query: string | null): OrganisationView[] {
  const g = backend.paths()
  const { sqlite } = backend
  const names = new Map<number, string[]>()
  for (const [id, name, norm] of sqlite.prepare<unknown[], [number, string, string]>('SELECT organisation_id, name, name_norm FROM organisation_name ORDER BY name').raw().iterate()) {
    const list = names.get(id) ?? []
    list.push(`${norm}\u0000${name}`)
    names.set(id, list)
  }
  const domains = new Map<number, string[]>()
  for (const [id, domain] of sqlite
    .prepare<unknown[], [number, string]>('SELECT organisation_id, domain FROM organisation_domain WHERE organisation_id IS NOT NULL ORDER BY domain')
    .raw()
    .iterate()) {
    domains.set(id, [...(domains.get(id) ?? []), domain])
  }
  const wanted = query === null || query === '' ? null : normalizeOrgName(query)
  const out: OrganisationView[] = []
  for (const [id, name] of sqlite.prepare<unknown[], [number, string]>('SELECT id, name FROM organisation ORDER BY name COLLATE NOCASE, id').raw().iterate()) {
    const own = normalizeOrgName(name)
    const spellings = (names.get(id) ?? []).map((entry) => entry.split('\u0000') as [string, string])
    if (wanted !== null && !spellings.some(([norm]) => norm.includes(wanted)) && !own.includes(wanted)) continue
    const o = g.orgIndexFor(id)
    const members = o === undefined ? [] : (g.orgMembers[o] ?? [])
    let current = 0
    for (const i of members) {
      const k = (g.memOrg[i] ?? []).indexOf(o ?? -1)
      if (k >= 0 && (g.memEnd[i]?.[k] ?? 0) >= g.todayNumber) current++
    }
    const aliases = [...new Set(spellings.filter(([norm, spelt]) => norm !== own || spelt !== name).map(([, spelt]) => spelt))]
    out.push({ id, name, aliases, domains: domains.get(id) ?? [], current, people: members.length })
  }
  return out
}

function viewOf(backend: BackendState, id: number): OrganisationView {
  const found = listOrganisations(backend, null).find((o) => o.id === id)
  if (found === undefined) throw new KithError('not_found', `There is no organisation with id ${id}.`)
  return found
}

function requireOrg(backend: BackendState, id: number): { id: number; name: string } {
  const row = backend.sqlite.prepare<[number], { id: number; name: string }>('SELECT id, name FROM organisation WHERE id = ?').get(id)
  if (row === undefined) throw new KithError('not_found', `There is no organisation with id ${id}.`)
  return row
}

/** Renames an organisation, or sets its other names and email domains. */
export async function updateOrganisation(backend: BackendState, id: number, patch: OrgPatch): Promise<OrganisationView> {
  const org = requireOrg(backend, id)
  const { sqlite } = backend
  const now = backend.now().toISOString()
  const owner = sqlite.prepare<[string], { id: number; name: string }>('SELECT o.id, o.name FROM organisation_name n JOIN organisation o ON o.id = n.organisation_id WHERE n.name_norm = ?')
  const claim = (spelt: string, field: string): string => {
    const norm = normalizeOrgName(spelt)
    if (norm === '') throw fieldError(field, `"${spelt}" has no letters or digits`)
    const other = owner.get(norm)
    if (other !== undefined && other.id !== id) {
      throw fieldError(field, `"${spelt}" already means ${other.name}; merge the two organisations instead.`, 'conflict')
    }
    return norm
  }
  await backend.writeSync('everything', () => {
    if (patch.name !== undefined) {
      const norm = claim(patch.name, 'name')
      sqlite.prepare('UPDATE organisation SET name = ?, updated_at = ? WHERE id = ?').run(patch.name, now, id)
      sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'user') ON CONFLICT (name_norm) DO UPDATE SET name = excluded.name").run(norm, id, patch.name)
    }
    if (patch.aliases !== undefined) {
      const keep = new Set([normalizeOrgName(patch.name ?? org.name)])
      for (const alias of patch.aliases) {
        const norm = claim(alias, 'aliases')
        keep.add(norm)
        sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'user') ON CONFLICT (name_norm) DO NOTHING").run(norm, id, alias)
      }
      // A name the data still uses stays (it is how those people resolve); names the user added and removed go.
      for (const row of sqlite.prepare<[number], { name_norm: string }>("SELECT name_norm FROM organisation_name WHERE organisation_id = ? AND source = 'user'").all(id)) {
        if (!keep.has(row.name_norm)) sqlite.prepare('DELETE FROM organisation_name WHERE name_norm = ?').run(row.name_norm)
      }
    }
    if (patch.domains !== undefined) {
      const wanted = new Set(patch.domains)
      for (const domain of wanted) {
        const other = sqlite.prepare('SELECT o.name, d.organisation_id AS id FROM organisation_domain d LEFT JOIN organisation o ON o.id = d.organisation_id WHERE d.domain = ?').get(domain) as
          | { name: string | null; id: number | null }
          | undefined
        if (other !== undefined && other.id !== null && other.id !== id) {
          throw fieldError('domains', `${domain} belongs to ${other.name ?? 'another organisation'}.`, 'conflict')
        }
        sqlite.prepare("INSERT INTO organisation_domain (domain, organisation_id, source) VALUES (?, ?, 'user') ON CONFLICT (domain) DO UPDATE SET organisation_id = excluded.organisation_id, source = 'user'").run(domain, id)
      }
      // A domain taken away is remembered as no one's, so it is not learned again.
      for (const row of sqlite.prepare<[number], { domain: string }>('SELECT domain FROM organisation_domain WHERE organisation_id = ?').all(id)) {
        if (!wanted.has(row.domain)) sqlite.prepare("UPDATE organisation_domain SET organisation_id = NULL, source = 'user' WHERE domain = ?").run(row.domain)
      }
    }
    sqlite.prepare('UPDATE organisation SET updated_at = ? WHERE id = ?').run(now, id)
  })
  return viewOf(backend, id)
}

/** Folds one organisation into another: its names and domains (and so its people) move; a snapshot allows undo. */
export async function mergeOrganisations(backend: BackendState, keepId: number, mergeId: number): Promise<OrganisationMerge> {
  const kept = requireOrg(backend, keepId)
  const merged = requireOrg(backend, mergeId)
  const { sqlite } = backend
  const now = backend.now().toISOString()
  const id = await backend.writeSync('everything', () => {
    // Read through the schema the undo reads it back with, so what is stored is what undo expects.
    const snapshot: Snapshot = storedOrgSnapshot.parse({
      organisation: sqlite.prepare('SELECT id, name, created_at, updated_at FROM organisation WHERE id = ?').get(mergeId),
      names: sqlite.prepare('SELECT name_norm, name, source FROM organisation_name WHERE organisation_id = ?').all(mergeId),
      domains: sqlite.prepare('SELECT domain, source FROM organisation_domain WHERE organisation_id = ?').all(mergeId),
    })
    sqlite.prepare('UPDATE organisation_name SET organisation_id = ? WHERE organisation_id = ?').run(keepId, mergeId)
    sqlite.prepare('UPDATE organisation_domain SET organisation_id = ? WHERE organisation_id = ?').run(keepId, mergeId)
    sqlite.prepare('DELETE FROM organisation WHERE id = ?').run(mergeId)
    sqlite.prepare('UPDATE organisation SET updated_at = ? WHERE id = ?').run(now, keepId)
    return Number(
      sqlite
        .prepare('INSERT INTO organisation_merge (kept_id, merged_id, merged_name, snapshot, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(keepId, mergeId, merged.name, JSON.stringify(snapshot), now).lastInsertRowid,
    )
  })
  return { id, kept: { id: kept.id, name: kept.name }, mergedName: merged.name, createdAt: now, undoneAt: null }
}

export function listMerges(backend: BackendState): OrganisationMerge[] {
  const rows = backend.sqlite
    .prepare<[], { id: number; kept_id: number; kept_name: string; merged_name: string; created_at: string; undone_at: string | null }>(
      `SELECT m.id, m.kept_id, coalesce(o.name, '(merged away)') AS kept_name, m.merged_name, m.created_at, m.undone_at
       FROM organisation_merge m LEFT JOIN organisation o ON o.id = m.kept_id ORDER BY m.id DESC`,
    )
    .all()
  return rows.map((r) => ({ id: r.id, kept: { id: r.kept_id, name: r.kept_name }, mergedName: r.merged_name, createdAt: r.created_at, undoneAt: r.undone_at }))
}

/** Puts a merged organisation back, with the names and domains it had that still sit with the one it went into. */
export async function undoMerge(backend: BackendState, id: number): Promise<OrganisationMerge> {
  const { sqlite } = backend
  const row = sqlite.prepare('SELECT kept_id, merged_id, snapshot, undone_at FROM organisation_merge WHERE id = ?').get(id) as
    | { kept_id: number; merged_id: number; snapshot: string; undone_at: string | null }
    | undefined
  if (row === undefined) throw new KithError('not_found', `There is no organisation merge with id ${id}.`)
  if (row.undone_at !== null) throw new KithError('conflict', 'That merge was already undone.')
  const read = readJsonColumn(storedOrgSnapshot, row.snapshot)
  if (!read.ok) throw new KithError('conflict', 'That merge has no record of what it moved, so it cannot be undone.')
  const parsed = read.value
  if (sqlite.prepare('SELECT 1 FROM organisation WHERE id = ?').get(row.kept_id) === undefined) {
    throw new KithError('conflict', 'The organisation it went into was merged again since: undo that merge first.')
  }
  const now = backend.now().toISOString()
  await backend.writeSync('everything', () => {
    const o = parsed.organisation
    sqlite.prepare('INSERT INTO organisation (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(o.id, o.name, o.created_at, now)
    for (const n of parsed.names) {
      sqlite.prepare('UPDATE organisation_name SET organisation_id = ? WHERE name_norm = ? AND organisation_id = ?').run(o.id, n.name_norm, row.kept_id)
    }
    for (const d of parsed.domains) {
      sqlite.prepare('UPDATE organisation_domain SET organisation_id = ? WHERE domain = ? AND organisation_id = ?').run(o.id, d.domain, row.kept_id)
    }
    sqlite.prepare('UPDATE organisation_merge SET undone_at = ? WHERE id = ?').run(now, id)
  })
  const merge = listMerges(backend).find((m) => m.id === id)
  if (merge === undefined) throw new Error('merge missing')
  return merge
}
