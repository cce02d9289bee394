import { isWriteRefusedError } from '../db/busy'
import type { ScoringSettings } from '../../../shared/scoring'
import { edgeChance } from './scoring'
import { ONGOING, OrgDirectory, UNKNOWN_START, hasNewSpellings, peopleOnDomains, peopleSpelling, readMemberships, syncOrganisations, type MembersOf, type OrganisationChanges } from '../orgs/model'
import { GraphCore, NO_ENTRIES, ownList, pairKey } from './graph-core'

/**
 * Organisation memberships and the colleague ties inferred from them, on top
 * of the recorded relationships.
 */
export abstract class ColleagueGraph extends GraphCore {
  /** The organisation a company name means (any spelling, alias or domain), as an index; -1 when no one is there. */
  orgByName(name: string): number {
    const dir = this.orgDirectory
    if (dir === null) return -1
    const id = dir.resolve(name) ?? dir.byDomain.get(name.trim().toLowerCase())
    return id === undefined ? -1 : (this.orgIndexOf.get(id) ?? -1)
  }

  /** The organisation index of an organisation id, if anyone is there. */
  orgIndexFor(id: number): number | undefined {
    return this.orgIndexOf.get(id)
  }

  /** The chance an inferred colleague tie carries an ask before size and overlap: the same for every such tie. */
  colleagueBase(): number {
    if (this.colleagueBaseFor !== this.settings) {
      const s = this.settings
      this.colleagueBaseValue = edgeChance(s, s.colleagues.strength, 'inferred', null, false)
      this.colleagueBaseFor = s
    }
    return this.colleagueBaseValue
  }

  private colleagueBaseFor: ScoringSettings | null = null
  private colleagueBaseValue = 0

  /** size(n) = min(1, scale / n), n = people Kith has at the organisation. */
  sizeFactor(org: number): number {
    const n = this.orgMembers[org]?.length ?? 0
    return Math.min(1, this.settings.colleagues.sizeScale / Math.max(1, n))
  }

  /** The highest chance any colleague tie at this organisation can have. */
  colleagueCap(org: number): number {
    return this.settings.colleagues.enabled ? this.colleagueBase() * this.sizeFactor(org) : 0
  }

  /**
   * The inferred colleague tie between two nodes: the best over the
   * organisations both were at with overlapping time, or null. Never for me
   * (my own ties are mine to say), archived people, pairs with a real
   * relationship (it replaces the inference) or pairs the user rejected.
   */
  colleagueTie(i: number, j: number): { org: number; overlap: number; since: number; chance: number } | null {
    if (!this.settings.colleagues.enabled || i === j || i === this.me || j === this.me) return null
    if (this.archived[i] === true || this.archived[j] === true) return null
    const oi = this.memOrg[i]
    const oj = this.memOrg[j]
    if (oi === undefined || oj === undefined || oi.length === 0 || oj.length === 0) return null
    let best: { org: number; overlap: number; since: number; chance: number } | null = null
    for (let a = 0; a < oi.length; a++) {
      const org = oi[a] ?? -1
      for (let b = 0; b < oj.length; b++) {
        if (oj[b] !== org) continue
        const [si, sj] = [this.memStart[i]?.[a] ?? UNKNOWN_START, this.memStart[j]?.[b] ?? UNKNOWN_START]
        const [ei, ej] = [this.memEnd[i]?.[a] ?? ONGOING, this.memEnd[j]?.[b] ?? ONGOING]
        // An unknown start is taken as late as it can be (the end, or today): someone only known to be
        // there now is not assumed to have overlapped with everyone who left before.
        const start = Math.max(si === UNKNOWN_START ? Math.min(ei, this.today) : si, sj === UNKNOWN_START ? Math.min(ej, this.today) : sj)
        const end = Math.min(ei, ej, this.today)
        if (end < start) continue
        const known = si !== UNKNOWN_START && sj !== UNKNOWN_START
        const overlap = known ? end - start : Infinity
        const short = overlap < this.settings.colleagues.shortOverlapDays ? this.settings.colleagues.shortOverlapFactor : 1
        const chance = this.colleagueBase() * this.sizeFactor(org) * short
        if (best === null || chance > best.chance) best = { org, overlap, since: known ? start : UNKNOWN_START, chance }
      }
    }
    if (best === null || this.rejected.has(pairKey(i, j))) return null
    const a = this.shorter(i, j)
    if (this.slot(a, a === i ? j : i) >= 0) return null
    return best
  }

  /**
   * The chance of the inferred colleague tie between two nodes, or 0: the
   * chance `colleagueTie` finds, computed the same way without building it
   * (path search asks this for many pairs).
   */
  colleague(i: number, j: number): number {
    if (!this.settings.colleagues.enabled || i === j || i === this.me || j === this.me) return 0
    if (this.archived[i] === true || this.archived[j] === true) return 0
    const oi = this.memOrg[i]
    const oj = this.memOrg[j]
    if (oi === undefined || oj === undefined || oi.length === 0 || oj.length === 0) return 0
    const c = this.settings.colleagues
    let best = -1
    for (let a = 0; a < oi.length; a++) {
      const org = oi[a] ?? -1
      for (let b = 0; b < oj.length; b++) {
        if (oj[b] !== org) continue
        const si = this.memStart[i]?.[a] ?? UNKNOWN_START
        const sj = this.memStart[j]?.[b] ?? UNKNOWN_START
        const ei = this.memEnd[i]?.[a] ?? ONGOING
        const ej = this.memEnd[j]?.[b] ?? ONGOING
        const start = Math.max(si === UNKNOWN_START ? Math.min(ei, this.today) : si, sj === UNKNOWN_START ? Math.min(ej, this.today) : sj)
        const end = Math.min(ei, ej, this.today)
        if (end < start) continue
        const overlap = si !== UNKNOWN_START && sj !== UNKNOWN_START ? end - start : Infinity
        const chance = this.colleagueBase() * this.sizeFactor(org) * (overlap < c.shortOverlapDays ? c.shortOverlapFactor : 1)
        if (chance > best) best = chance
      }
    }
    if (best < 0 || this.rejected.has(pairKey(i, j))) return 0
    const a = this.shorter(i, j)
    return this.slot(a, a === i ? j : i) >= 0 ? 0 : best
  }

  protected clearMemberships(i: number): void {
    for (const org of this.memOrg[i] ?? []) {
      const list = this.orgMembers[org]
      if (list === undefined) continue
      const k = list.indexOf(i)
      if (k >= 0) {
        list[k] = list[list.length - 1] ?? 0
        list.pop()
      }
    }
    this.memOrg[i] = NO_ENTRIES
    this.memStart[i] = NO_ENTRIES
    this.memEnd[i] = NO_ENTRIES
  }

  /** Reads where these people work (everyone when null), for colleague inference. */
  protected loadMemberships(ids: readonly number[] | null): void {
    this.readMembershipsOf(this.resolveOrganisations(ids), ids)
  }

  /**
   * The first half of `loadMemberships`: every company name given its
   * organisation (when anything is new; not when the caller `synced` them
   * just before), and the organisations' names. Returns whose memberships
   * to read: `ids`, or everyone (null) when a new organisation or domain
   * can change where anyone works.
   */
  protected resolveOrganisations(ids: readonly number[] | null, synced = false, read: OrgDirectory | null = null): readonly number[] | null {
    let scope = ids
    // A connection that may not write (the check for damage is under way, or found damage) resolves with the
    // organisations it has, without first looking for what it could not write: state.ts syncs once writes are allowed.
    // A build in steps after a sync has read them already (`read`).
    if (this.orgDirectory === null && (synced || this.sqlite.pragma('query_only', { simple: true }) === 1)) this.orgDirectory = read ?? new OrgDirectory(this.sqlite)
    else if (this.orgDirectory === null || ids === null || hasNewSpellings(this.sqlite, ids)) {
      try {
        // A new organisation or domain can change where anyone works: then read everyone again.
        if (syncOrganisations(this.sqlite, new Date().toISOString()).changed || this.orgDirectory === null) {
          this.orgDirectory = new OrgDirectory(this.sqlite)
          scope = null
        }
      } catch (err) {
        // A database that cannot be written just now (busy, read-only): resolve with the names it has.
        if (!isWriteRefusedError(err)) throw err
        this.orgDirectory ??= new OrgDirectory(this.sqlite)
      }
    }
    const orgs = this.orgDirectory
    for (let o = 0; o < this.orgIds.length; o++) this.orgNames[o] = orgs.names.get(this.orgIds[o] ?? -1) ?? ''
    return scope
  }

  /**
   * Follows what a write's sync of organisations changed
   * (`syncOrganisationsOf`) without reading everyone again: the names that
   * now mean an organisation and the others who spelt them already, organisations
   * made or renamed, and for a work domain given to an organisation, the
   * people it places there (those with no company and an address on it).
   */
  followOrganisations(changes: OrganisationChanges): void {
    const dir = this.orgDirectory
    // Not resolved yet: everything is read when it is.
    if (dir === null) return
    for (const [norm, id] of changes.resolved) dir.byName.set(norm, id)
    for (const [id, name] of changes.named) {
      dir.names.set(id, name)
      // (`refresh` names them all again only when someone it reads is not archived.)
      const o = this.orgIndexOf.get(id)
      if (o !== undefined) this.orgNames[o] = name
    }
    for (const [domain, id] of changes.domains) dir.byDomain.set(domain, id)
    // Who a new name or domain places somewhere: anyone who spells the name, anyone with no company on the domain.
    const again = new Set([
      ...peopleSpelling(this.sqlite, changes.respelt),
      ...peopleOnDomains(
        this.sqlite,
        changes.domains.map(([domain]) => domain),
      ),
    ])
    if (again.size === 0) return
    const ids = [...again]
    for (const id of ids) {
      const i = this.indexOf.get(id)
      if (i !== undefined) this.clearMemberships(i)
    }
    this.readMembershipsOf(ids, ids)
    this.version++
  }

  /**
   * The second half of `loadMemberships`: the memberships of `scope`
   * (everyone when null; a build in steps reads a range of ids at a time),
   * read for `ids`.
   */
  protected readMembershipsOf(scope: MembersOf, ids: readonly number[] | null): void {
    const orgs = this.orgDirectory
    if (orgs === null) throw new Error('memberships read before organisations were resolved')
    if (scope === null && ids !== null) for (let i = 0; i < this.ids.length; i++) this.clearMemberships(i)
    const read = readMemberships(this.sqlite, orgs, scope)
    // Everyone read here had their memberships cleared (or never had any): an organisation already listed is a second job there.
    for (let r = 0; r < read.person.length; r++) {
      const i = this.indexOf.get(read.person[r] ?? -1)
      if (i === undefined || i >= this.memOrg.length || this.archived[i] === true) continue
      const orgsOf = ownList(this.memOrg, i)
      const o = this.orgIndex(read.org[r] ?? -1)
      if (!orgsOf.includes(o)) this.orgMembers[o]?.push(i)
      orgsOf.push(o)
      ownList(this.memStart, i).push(read.start[r] ?? 0)
      ownList(this.memEnd, i).push(read.end[r] ?? 0)
    }
  }

  protected loadRejections(): void {
    this.rejected.clear()
    for (const [a, b] of this.sqlite.prepare<unknown[], [number, number]>('SELECT person_a, person_b FROM colleague_rejection').raw().iterate()) {
      const i = this.indexOf.get(a)
      const j = this.indexOf.get(b)
      if (i !== undefined && j !== undefined) this.rejected.add(pairKey(i, j))
    }
  }

  /** The chance of the relationship between two nodes (or of their inferred colleague tie), or 0. */
  p(i: number, j: number): number {
    const k = this.slotBetween(i, j)
    return k < 0 ? this.colleague(i, j) : (this.chances[k] ?? 0)
  }

  /** For each organisation, my contacts there (not archived), cached until the graph changes. */
  myContactsByOrg(): Map<number, number[]> {
    if (this.myAtCache?.version !== this.version) {
      const out = new Map<number, number[]>()
      const from = this.start[this.me] ?? 0
      const to = from + (this.degree[this.me] ?? 0)
      for (let m = from; m < to; m++) {
        const c = this.adj[m] ?? -1
        if (this.archived[c] === true) continue
        const orgs = this.memOrg[c] ?? []
        for (let k = 0; k < orgs.length; k++) {
          const org = orgs[k] ?? -1
          if (orgs.indexOf(org) !== k) continue
          const list = out.get(org)
          if (list === undefined) out.set(org, [c])
          else list.push(c)
        }
      }
      this.myAtCache = { version: this.version, byOrg: out }
    }
    return this.myAtCache.byOrg
  }

  private myAtCache: { version: number; byOrg: Map<number, number[]> } | null = null
}
