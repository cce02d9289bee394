import fs from 'node:fs'
import { Backend } from '../../src/main/backend/backend'
import { seededRandom } from '../../src/main/backend/demo/random'
import { normalizeLabel } from '../../src/main/backend/people/records'
import { round, tempDir, type Section } from '../lib'

const PEOPLE = 5_000
const TAGS = 200
const RELATIONSHIPS = 50_000

export const suggestSection: Section = {
  name: 'suggest',
  description: `${PEOPLE.toLocaleString('en')} people I know, needs and offers from ${TAGS} tags, ${RELATIONSHIPS.toLocaleString('en')} relationships`,
  async run() {
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
      const res = await backend.dispatch('week.get', {})
      const ms = performance.now() - start
      if (!res.ok) throw new Error(res.error.message)
      const suggestions = (res.data as { suggestions: unknown[] }).suggestions.length
      await backend.close()
      return { people: PEOPLE, relationships: RELATIONSHIPS, suggestions, ms: round(ms, 1) }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
