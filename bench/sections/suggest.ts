import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { Backend } from '../../src/main/backend/backend'
import { seededRandom } from '../../src/main/backend/demo/random'
import { normalizeLabel } from '../../src/main/backend/people/records'
import { round, tempDir, type Section } from '../lib'

const PEOPLE = 5_000
const TAGS = 200
const RELATIONSHIPS = 50_000
/** for the second figure: tags from this many topics, this many of them interests, this share of people in each of founder and investor */
const TOPICS = 100
const INTERESTS = 20
const ROLE_SHARE = 0.05
/**
 * The peer: Kith as it was before the weekly list was made faster (commit
 * bb53f41), doing the same work on the same machine in the same run. Its
 * tree is taken from git into a temporary folder (src and this section), with
 * this checkout's node_modules.
 */
const PEER_COMMIT = 'bb53f4171fd6890f14368a0fe83eb403c12ddd1c'
/**
 * Each figure is the first list in a fresh process (the engine has compiled
 * none of the list's code yet), and varies by tens of percent from one process
 * to the next: the median of this many processes each, Kith's and the peer's
 * taking turns (each goes first in half the rounds).
 */
const ROUNDS = 6
/** A process that takes longer than this has hung. */
const PROCESS_TIMEOUT_MS = 300_000

/** One process's figures: the two lists' times, and how many suggestions each had. */
export interface WeekFigures {
  people: number
  relationships: number
  suggestions: number
  ms: number
  suggestionsWithInterestsAndRoles: number
  msWithInterestsAndRoles: number
}

/**
 * The section's work, once, in this process: the network, then week.get
 * timed, then with interests and roles and week.get timed again. The peer's
 * section ran the same.
 */
export async function measureWeek(): Promise<WeekFigures> {
  const random = seededRandom(6_000)
  const dir = tempDir('suggest')
  try {
    const backend = await Backend.open({ dataDir: dir, now: () => new Date('2026-11-18T12:00:00Z') })
    const sqlite = backend.sqlite
    const now = new Date().toISOString()
    sqlite.transaction(() => {
      const person = sqlite.prepare('INSERT INTO person (id, name, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      const label = sqlite.prepare('INSERT OR IGNORE INTO person_label (person_id, kind, label, label_norm, position) VALUES (?, ?, ?, ?, ?)')
      const rel = sqlite.prepare('INSERT OR IGNORE INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      person.run(1, 'Me', 1, now, now)
      for (let id = 2; id <= PEOPLE + 1; id++) {
        person.run(id, `Person ${id}`, 0, now, now)
        rel.run(1, id, 2 + Math.floor(random() * 4), now, now)
        for (const kind of ['need', 'offer'] as const) {
          const count = Math.floor(random() * 4)
          for (let k = 0; k < count; k++) {
            const tag = `tag ${Math.floor(random() * TAGS)}`
            label.run(id, kind, tag, normalizeLabel(tag), k)
          }
        }
      }
      let made = 0
      while (made < RELATIONSHIPS) {
        const a = 2 + Math.floor(random() * PEOPLE)
        const b = 2 + Math.floor(random() * PEOPLE)
        if (a === b) continue
        if (rel.run(Math.min(a, b), Math.max(a, b), 1 + Math.floor(random() * 5), now, now).changes > 0) made++
      }
    })()
    backend.paths()
    const start = performance.now()
    const week = await backend.call('week.get', {})
    const ms = performance.now() - start
    const suggestions = week.suggestions.length

    // Then with interests and roles (their own random stream: the figures above stay comparable):
    // tags from TOPICS, INTERESTS of them marked as interests, and founders, investors, hiring
    // managers and candidates by title or tag.
    const more = seededRandom(6_001)
    await backend.writeSync('everything', () => {
      const label = sqlite.prepare("INSERT OR IGNORE INTO person_label (person_id, kind, label, label_norm, position) VALUES (?, 'tag', ?, ?, ?)")
      const title = sqlite.prepare('UPDATE person SET title = ? WHERE id = ?')
      for (let id = 2; id <= PEOPLE + 1; id++) {
        const count = Math.floor(more() * 3)
        for (let k = 0; k < count; k++) {
          const tag = `Topic ${Math.floor(more() * TOPICS)}`
          label.run(id, tag, normalizeLabel(tag), k)
        }
        const r = more()
        if (r < ROLE_SHARE) title.run('Co-founder & CEO', id)
        else if (r < 2 * ROLE_SHARE) title.run('Principal, Seed Investor', id)
        else if (r < 2.5 * ROLE_SHARE) title.run('Hiring Manager, Platform', id)
        else if (r < 3 * ROLE_SHARE) label.run(id, 'candidate', 'candidate', 9)
      }
    })
    await backend.call('settings.suggestions.set', {
      interests: Array.from({ length: INTERESTS }, (_, k) => `topic ${k}`),
      complementaryRoles: [
        { a: 'founder', b: 'investor' },
        { a: 'hiring manager', b: 'candidate' },
      ],
    })
    backend.paths()
    const startMore = performance.now()
    const withMore = await backend.call('week.get', { week: '2026-W49' })
    const msMore = performance.now() - startMore
    await backend.close()
    return {
      people: PEOPLE,
      relationships: RELATIONSHIPS,
      suggestions,
      ms,
      suggestionsWithInterestsAndRoles: withMore.suggestions.length,
      msWithInterestsAndRoles: msMore,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs a section's measurement in a fresh process (see `suggest-probe.ts`) and returns its figures. */
async function inFreshProcess(root: string, section: string): Promise<WeekFigures> {
  const probe = path.join(import.meta.dirname, '..', 'suggest-probe.ts')
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe, section], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: PROCESS_TIMEOUT_MS,
  })
  const figures: unknown = JSON.parse(stdout.trim().split('\n').pop() ?? '{}')
  const read = (key: string): number => {
    const value = typeof figures === 'object' && figures !== null ? (figures as Record<string, unknown>)[key] : undefined
    if (typeof value !== 'number') throw new Error(`the suggest probe for ${section} gave no ${key}`)
    return value
  }
  return {
    people: read('people'),
    relationships: read('relationships'),
    suggestions: read('suggestions'),
    // (the peer's section gives them to 0.1 ms: both the same)
    ms: round(read('ms'), 1),
    suggestionsWithInterestsAndRoles: read('suggestionsWithInterestsAndRoles'),
    msWithInterestsAndRoles: round(read('msWithInterestsAndRoles'), 1),
  }
}

/** The peer's tree in a temporary folder, or why there is none (git has not got its commit, say). */
function peerTree(root: string): { dir: string } | { missing: string } {
  try {
    execFileSync('git', ['-C', root, 'cat-file', '-e', `${PEER_COMMIT}^{commit}`], { stdio: 'ignore' })
  } catch {
    return { missing: `git has not got commit ${PEER_COMMIT.slice(0, 7)} here` }
  }
  const dir = tempDir('suggest-peer')
  try {
    const archive = execFileSync('git', ['-C', root, 'archive', PEER_COMMIT, 'package.json', 'tsconfig.json', 'src', 'bench/lib.ts', 'bench/sections/suggest.ts'], { maxBuffer: 256 * 1024 * 1024 })
    execFileSync('tar', ['-x', '-C', dir], { input: archive })
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    return { dir }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true })
    return { missing: `its tree could not be taken from git: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2
}

export const suggestSection: Section = {
  name: 'suggest',
  description: `${PEOPLE.toLocaleString('en')} people I know, needs and offers from ${TAGS} tags, ${RELATIONSHIPS.toLocaleString('en')} relationships; then ${INTERESTS} interests among ${TOPICS} topic tags, ${ROLE_SHARE * 100}% founders and investors; the first list in a fresh process, median of ${ROUNDS} processes, against Kith before the list was made faster (commit ${PEER_COMMIT.slice(0, 7)}) in the same run`,
  async run() {
    const root = path.join(import.meta.dirname, '..', '..')
    const tree = peerTree(root)
    let missing = 'missing' in tree ? tree.missing : null
    try {
      const kith: WeekFigures[] = []
      const before: WeekFigures[] = []
      for (let round = 0; round < ROUNDS; round++) {
        // Taking turns, each going first every other round: a slower spell of the machine falls on both.
        const turns: (() => Promise<void>)[] = [
          async () => {
            kith.push(await inFreshProcess(root, path.join(root, 'bench', 'sections', 'suggest.ts')))
          },
          async () => {
            if (!('dir' in tree) || missing !== null) return
            try {
              before.push(await inFreshProcess(tree.dir, path.join(tree.dir, 'bench', 'sections', 'suggest.ts')))
            } catch (err) {
              // The peer failing loses the comparison, not this checkout's figures.
              missing = `it failed: ${err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err)}`
            }
          },
        ]
        if (round % 2 === 1) turns.reverse()
        for (const turn of turns) await turn()
      }
      const ms = median(kith.map((f) => f.ms))
      const msMore = median(kith.map((f) => f.msWithInterestsAndRoles))
      const first = kith[0]
      const figures = {
        people: first?.people ?? PEOPLE,
        relationships: first?.relationships ?? RELATIONSHIPS,
        suggestions: first?.suggestions ?? 0,
        ms: round(ms, 1),
        suggestionsWithInterestsAndRoles: first?.suggestionsWithInterestsAndRoles ?? 0,
        msWithInterestsAndRoles: round(msMore, 1),
        processes: ROUNDS,
        ms_each: kith.map((f) => f.ms).join(' '),
        msWithInterestsAndRoles_each: kith.map((f) => f.msWithInterestsAndRoles).join(' '),
      }
      if (missing !== null || before.length === 0) {
        // No peer, no ratio: figures measured another way would not compare (see docs/suggestions.md).
        return { ...figures, before: `not measured: ${missing ?? 'no run'}` }
      }
      const beforeMs = median(before.map((f) => f.ms))
      const beforeMore = median(before.map((f) => f.msWithInterestsAndRoles))
      return {
        ...figures,
        before: `commit ${PEER_COMMIT.slice(0, 7)}, in this run`,
        before_ms: round(beforeMs, 1),
        before_msWithInterestsAndRoles: round(beforeMore, 1),
        before_ms_each: before.map((f) => f.ms).join(' '),
        before_msWithInterestsAndRoles_each: before.map((f) => f.msWithInterestsAndRoles).join(' '),
        /** how many suggestions each list had, the same in every process of both (the lists themselves are not compared) */
        same_suggestion_counts: [...kith, ...before].every((f) => f.suggestions === first?.suggestions && f.suggestionsWithInterestsAndRoles === first.suggestionsWithInterestsAndRoles),
        ratio: round(ms / beforeMs, 3),
        ratioWithInterestsAndRoles: round(msMore / beforeMore, 3),
      }
    } finally {
      if ('dir' in tree) fs.rmSync(tree.dir, { recursive: true, force: true })
    }
  },
}
