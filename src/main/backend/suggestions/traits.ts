import type Database from 'better-sqlite3'
import type { GainRules, Traits } from './gains'

/**
 * What the weekly list needs of everyone it may pair, by graph node, as
 * small integers: needs and offers as label ids (sorted, per node), the
 * interests and roles each holds as bitsets. Read from SQLite in one pass per
 * kind, never through the people directory (the list must not wait for it).
 */
export interface NodeTraits {
  /** distinct need and offer labels (by normal form) */
  labelCount: number
  /** node i's needs are needs[needStart[i] .. needStart[i + 1]), ascending */
  needStart: Int32Array
  needs: Int32Array
  offerStart: Int32Array
  offers: Int32Array
  interestWords: number
  interestBits: Uint32Array
  roleWords: number
  /** roles node i holds */
  roleBits: Uint32Array
  /** roles whose holders node i gains from meeting */
  complementBits: Uint32Array
}

const setBit = (bits: Uint32Array, at: number, k: number): void => {
  bits[at + (k >>> 5)] = (bits[at + (k >>> 5)] ?? 0) | (1 << (k & 31))
}

/**
 * Per-node lists in one flat array: owners and values in parallel, grouped
 * by owner in the order they came (a counting sort, which keeps it), so
 * values that came in ascending order stay ascending in every group.
 */
function grouped(n: number, owners: readonly number[], values: readonly number[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1)
  for (let r = 0; r < owners.length; r++) {
    const at = (owners[r] ?? 0) + 1
    start[at] = (start[at] ?? 0) + 1
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0)
  const fill = start.slice(0, n)
  const items = new Int32Array(owners.length)
  for (let r = 0; r < owners.length; r++) {
    const o = owners[r] ?? 0
    items[fill[o] ?? 0] = values[r] ?? 0
    fill[o] = (fill[o] ?? 0) + 1
  }
  return { start, items }
}

/**
 * The traits of the nodes marked in `eligible` (others stay empty). Tags
 * and titles are read only when the rules have interests or roles, and
 * only the tags that are one (by the stored normal form).
 */
export function readNodeTraits(sqlite: Database.Database, nodeOf: ReadonlyMap<number, number>, ids: ArrayLike<number>, eligible: Uint8Array, rules: GainRules): NodeTraits {
  const n = eligible.length
  const labels = needsAndOffers(sqlite, nodeOf, eligible)
  const needs = grouped(n, labels.needOwners, labels.needValues)
  const offers = grouped(n, labels.offerOwners, labels.offerValues)
  const interestWords = Math.ceil(rules.interestCount / 32)
  const roleWords = Math.ceil(rules.roleCount / 32)
  const held: HeldBits = {
    interestWords,
    interestBits: new Uint32Array(n * interestWords),
    roleWords,
    roleBits: new Uint32Array(n * roleWords),
    complementBits: new Uint32Array(n * roleWords),
  }
  const keys = [...rules.interestKeys, ...rules.roleLabels]
  const from = keys.length > 0 || rules.roleCount > 0 ? readers(nodeOf, ids, eligible) : null
  if (from !== null && keys.length > 0) markTags(sqlite, from, rules, keys, held)
  if (from !== null && rules.roleCount > 0) markTitles(sqlite, from, rules, held)
  return {
    labelCount: labels.labelCount,
    needStart: needs.start,
    needs: needs.items,
    offerStart: offers.start,
    offers: offers.items,
    interestWords,
    interestBits: held.interestBits,
    roleWords,
    roleBits: held.roleBits,
    complementBits: held.complementBits,
  }
}

/*
 * The steps below are functions of their own: each loop runs once a list, so
 * the engine optimises each while it runs, and a small function is compiled
 * in a few milliseconds where one holding every loop took tens of them,
 * keeping the compiler from the pair search's code (docs/suggestions.md).
 */

/** The interest and role bitsets `readNodeTraits` fills. */
type HeldBits = Pick<NodeTraits, 'interestWords' | 'interestBits' | 'roleWords' | 'roleBits' | 'complementBits'>

interface LabelRows {
  labelCount: number
  needOwners: number[]
  needValues: number[]
  offerOwners: number[]
  offerValues: number[]
}

/**
 * Every eligible node's needs and offers as (node, label id) rows. One row
 * per label and kind, its people as one JSON array: a few hundred rows, not
 * one per label held. Label ids are given in the order the rows come, by
 * normal form, so every node's labels come ascending.
 */
function needsAndOffers(sqlite: Database.Database, nodeOf: ReadonlyMap<number, number>, eligible: Uint8Array): LabelRows {
  const groups = sqlite
    .prepare<[], [string, number, string]>(
      "SELECT label_norm, kind = 'need', json_group_array(person_id) FROM person_label WHERE kind IN ('need', 'offer') GROUP BY kind, label_norm ORDER BY label_norm",
    )
    .raw()
    .all()
  const labelIds = new Map<string, number>()
  const rows: LabelRows = { labelCount: 0, needOwners: [], needValues: [], offerOwners: [], offerValues: [] }
  for (const [norm, isNeed, holders] of groups) {
    let label = labelIds.get(norm)
    if (label === undefined) {
      label = labelIds.size
      labelIds.set(norm, label)
    }
    const parsed: unknown = JSON.parse(holders)
    if (!Array.isArray(parsed)) continue
    if (isNeed === 1) addHolders(parsed, label, nodeOf, eligible, rows.needOwners, rows.needValues)
    else addHolders(parsed, label, nodeOf, eligible, rows.offerOwners, rows.offerValues)
  }
  rows.labelCount = labelIds.size
  return rows
}

/** One label's eligible holders, appended as (node, label) rows. */
function addHolders(holders: readonly unknown[], label: number, nodeOf: ReadonlyMap<number, number>, eligible: Uint8Array, owners: number[], values: number[]): void {
  for (let k = 0; k < holders.length; k++) {
    const id = holders[k]
    const node = typeof id === 'number' ? nodeOf.get(id) : undefined
    if (node === undefined || eligible[node] !== 1) continue
    owners.push(node)
    values.push(label)
  }
}

function holdRole(held: HeldBits, rules: GainRules, node: number, r: number): void {
  setBit(held.roleBits, node * held.roleWords, r)
  for (const c of rules.complements[r] ?? []) setBit(held.complementBits, node * held.roleWords, c)
}

/**
 * The people who may be paired, when they are few of everyone (a quarter
 * or less): their nodes, and their ids as one JSON array (for `json_each`).
 */
interface FewPairable {
  nodes: number[]
  ids: string
}

/**
 * Where tags and titles are read from: for everyone, kept for the nodes
 * marked eligible; or, when those are few, for them alone. At 50,000 people
 * with a few thousand ties of mine, reading the roles' tags and the titles
 * of everyone took 20 to 150 ms of a list; when nearly everyone may be
 * paired, reading everyone's is the quicker (the bench's 5,000 people).
 */
type Readers = { nodeOf: ReadonlyMap<number, number>; eligible: Uint8Array; few: FewPairable | null }

function readers(nodeOf: ReadonlyMap<number, number>, ids: ArrayLike<number>, eligible: Uint8Array): Readers {
  const nodes: number[] = []
  for (let i = 0; i < eligible.length; i++) if (eligible[i] === 1) nodes.push(i)
  const few = nodes.length * 4 <= eligible.length ? { nodes, ids: JSON.stringify(nodes.map((i) => ids[i] ?? -1)) } : null
  return { nodeOf, eligible, few }
}

/**
 * The rows of a query about people, as [node, value] for the eligible only:
 * `all` reads everyone's as [person id, value]; `few` reads those of the ids
 * in its JSON argument as [place in that list, value]. CROSS JOIN keeps the
 * ids the outer loop (the planner would otherwise scan them for every row).
 */
function byNode(sqlite: Database.Database, from: Readers, all: string, few: string, params: readonly string[]): [number, string][] {
  // Each row is kept as it came, its first value made the node.
  const out: [number, string][] = []
  if (from.few !== null) {
    const nodes = from.few.nodes
    for (const row of sqlite.prepare<string[], [number, string]>(few).raw().all(from.few.ids, ...params)) {
      const node = nodes[row[0]]
      if (node === undefined) continue
      row[0] = node
      out.push(row)
    }
    return out
  }
  for (const row of sqlite.prepare<string[], [number, string]>(all).raw().all(...params)) {
    const node = from.nodeOf.get(row[0])
    if (node === undefined || from.eligible[node] !== 1) continue
    row[0] = node
    out.push(row)
  }
  return out
}

/**
 * Interests and roles by tag: only the tags that are one (by the stored
 * normal form, the key the rules are held by: nothing normalised again,
 * nothing allocated per tag).
 */
function markTags(sqlite: Database.Database, from: Readers, rules: GainRules, keys: readonly string[], held: HeldBits): void {
  const marks = keys.map(() => '?').join(', ')
  const tagged = byNode(
    sqlite,
    from,
    `SELECT person_id, label_norm FROM person_label WHERE kind = 'tag' AND label_norm IN (${marks})`,
    `SELECT e.key, l.label_norm FROM json_each(?) AS e CROSS JOIN person_label AS l ON l.person_id = e.value AND l.kind = 'tag' AND l.label_norm IN (${marks})`,
    keys,
  )
  for (const [node, tag] of tagged) {
    const interest = rules.interestOfKey(tag)
    if (interest !== undefined) setBit(held.interestBits, node * held.interestWords, interest)
    const role = rules.roleOfKey(tag)
    if (role !== undefined) holdRole(held, rules, node, role)
  }
}

/** Roles by title. */
function markTitles(sqlite: Database.Database, from: Readers, rules: GainRules, held: HeldBits): void {
  const titled = byNode(
    sqlite,
    from,
    "SELECT id, title FROM person WHERE title IS NOT NULL AND title <> ''",
    "SELECT e.key, p.title FROM json_each(?) AS e CROSS JOIN person AS p ON p.id = e.value AND p.title <> ''",
    [],
  )
  for (const [node, title] of titled) for (const r of rules.rolesOf([], title)) holdRole(held, rules, node, r)
}

/** A person as the words of a suggestion need them: name, and needs and offers as they wrote them, interests and roles in the order of their tags. */
export interface Described {
  name: string
  traits: Traits
}

/** These people's traits in full (for the few suggestions that make the list, and the opt-in texts). */
export function describePeople(sqlite: Database.Database, ids: readonly number[], rules: GainRules): Map<number, Described> {
  const out = new Map<number, Described>()
  if (ids.length === 0) return out
  const marks = ids.map(() => '?').join(', ')
  const people = sqlite.prepare<number[], [number, string, string | null]>(`SELECT id, name, title FROM person WHERE id IN (${marks})`).raw().all(...ids)
  // Needs and offers by their normal form (the order their words are listed in), tags in the person's order.
  const labels = sqlite
    .prepare<number[], [number, string, string, string]>(
      `SELECT person_id, kind, label, label_norm FROM person_label WHERE person_id IN (${marks})
       ORDER BY person_id, kind, CASE kind WHEN 'tag' THEN position ELSE 0 END, label_norm`,
    )
    .raw()
    .all(...ids)
  for (const [id, name, title] of people) {
    const needs = new Map<string, string>()
    const offers = new Map<string, string>()
    const tags: string[] = []
    for (const [person, kind, label, norm] of labels) {
      if (person !== id) continue
      if (kind === 'need') needs.set(norm, label)
      else if (kind === 'offer') offers.set(norm, label)
      else tags.push(label)
    }
    out.set(id, {
      name,
      traits: {
        needs: needs.size === 0 ? undefined : needs,
        offers: offers.size === 0 ? undefined : offers,
        interests: rules.interestsOf(tags),
        roles: rules.rolesOf(tags, title),
      },
    })
  }
  return out
}
