import fs from 'node:fs'
import { Backend } from '../../src/main/backend/backend'
import { medianMs, round, tempDir, type Section } from '../lib'
import { buildGraph, seed } from './paths'

/** What the map page asks for first (`PEOPLE_STEPS[0]` and `edgeBudget` in its model). */
const PAGE_PEOPLE = 5_000
const PAGE_TIES = 25_000

/**
 * The network map's answer at 50,000 people and about 500,000 ties (the
 * paths section's network, with 3,000 of them at one of 4 large or 2,500
 * small organisations): how long `network.map` takes and how large its
 * answer is as JSON (what browser mode sends), as the page first asks for
 * it (the closest 5,000 people, 25,000 ties) and with everyone and every tie.
 */
export const networkSection: Section = {
  name: 'network',
  description: 'network.map at 50,000 people: server time and payload',
  async run() {
    const dir = tempDir('network')
    try {
      const backend = await Backend.open({ dataDir: dir })
      seed(backend, buildGraph())
      // The first call loads the path graph (which resolves organisations); time the ones after.
      await backend.dispatch('network.map', {})
      const figures: Record<string, number> = {}
      for (const [label, maxPeople, maxEdges] of [
        ['page', PAGE_PEOPLE, PAGE_TIES],
        ['all', 1_000_000, 1_000_000],
      ] as const) {
        let bytes = 0
        let ties = 0
        figures[`${label}_ms_median`] = await medianMs(3, async () => {
          const res = await backend.dispatch('network.map', { maxPeople, maxEdges })
          if (!res.ok) throw new Error(res.error.message)
          const map = res.data as { edges: number[] }
          ties = map.edges.length / 3
          bytes = Buffer.byteLength(JSON.stringify(res.data))
        })
        figures[`${label}_ties`] = ties
        figures[`${label}_payload_mb`] = round(bytes / 1e6, 2)
      }
      await backend.close()
      return figures
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
