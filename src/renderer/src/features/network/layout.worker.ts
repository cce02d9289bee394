/**
 * The network map's layout, off the page's thread: clusters first
 * (Louvain, with a fixed seed so the same network gets the same colours),
 * then ForceAtlas2 a few steps at a time, sending positions after each batch
 * so the map settles visibly. The page stops it by ending the worker.
 */
import Graph from 'graphology'
import louvain from 'graphology-communities-louvain'
import forceAtlas2 from 'graphology-layout-forceatlas2'
import type { LayoutReport, LayoutRequest } from './layout-protocol'

function send(report: LayoutReport, transfer: Transferable[] = []): void {
  globalThis.postMessage(report, { transfer })
}

/** A small seeded generator (mulberry32), so clusters do not change from one opening to the next. */
function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function run(request: LayoutRequest): void {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false })
  for (let i = 0; i < request.people; i++) {
    graph.addNode(String(i), { x: request.positions[i * 2] ?? 0, y: request.positions[i * 2 + 1] ?? 0, fixed: i === request.me })
  }
  for (let k = 0; k < request.weights.length; k++) {
    const a = String(request.pairs[k * 2] ?? 0)
    const b = String(request.pairs[k * 2 + 1] ?? 0)
    if (a !== b) graph.mergeEdge(a, b, { weight: request.weights[k] ?? 1 })
  }

  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seeded(16) })
  const cluster = new Int32Array(request.people).fill(-1)
  const found = new Set<number>()
  graph.forEachNode((node) => {
    // Someone with no tie on the map is in no cluster.
    if (graph.degree(node) === 0) return
    const c = communities[node] ?? -1
    cluster[Number(node)] = c
    found.add(c)
  })
  send({ kind: 'clusters', cluster, count: found.size }, [cluster.buffer])

  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false }
  // Each batch redraws the whole map on the page: fewer, larger batches as the map grows.
  const batch = request.people > 10_000 ? 2 : request.people > 2_000 ? 10 : 15
  for (let done = 0; done < request.iterations; ) {
    const steps = Math.min(batch, request.iterations - done)
    forceAtlas2.assign(graph, { iterations: steps, settings, getEdgeWeight: 'weight' })
    done += steps
    const positions = new Float32Array(request.people * 2)
    graph.forEachNode((node, attributes) => {
      const i = Number(node)
      positions[i * 2] = typeof attributes.x === 'number' ? attributes.x : 0
      positions[i * 2 + 1] = typeof attributes.y === 'number' ? attributes.y : 0
    })
    send({ kind: 'positions', positions, done, total: request.iterations }, [positions.buffer])
  }
}

globalThis.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  try {
    run(event.data)
  } catch (err) {
    send({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
  }
})
