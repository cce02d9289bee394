import Graph from 'graphology'
import type { NetworkMap } from '../../../../shared/types'
import type { LayoutRequest } from './layout-protocol'
import { LARGE_MAP, layoutIterations, seedPositions, SMALL_MAP } from './map-model'

export interface NodeAttributes {
  x: number
  y: number
  size: number
  color: string
  label: string
}

export interface EdgeAttributes {
  size: number
  color: string
  /** one of my own ties, drawn darker (lighter on a dark page) than ties between others */
  mine: boolean
}

/** The colours ties are drawn in on each page scheme: solid enough to read on its background. */
export interface TiePalette {
  mine: string
  others: string
}

/**
 * A tie's colour: the palette's, and on a large map (hundreds of ties
 * crossing) see-through, so crowded ties shade rather than blot.
 */
export function tieColour(palette: TiePalette, mine: boolean, large: boolean): string {
  const colour = mine ? palette.mine : palette.others
  return large ? `${colour}${mine ? '99' : '59'}` : colour
}

export type MapGraph = Graph<NodeAttributes, EdgeAttributes>

/** Whether this browser can draw with WebGL at all (a machine without a GPU may not). */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas')
    return (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) !== null
  } catch {
    return false
  }
}

/**
 * The graph sigma draws, keyed by person index, seeded so the map shows
 * before the layout runs. Ties are thicker the stronger they are; their
 * colours are set for the page's scheme by the view.
 */
export function buildGraph(map: NetworkMap): MapGraph {
  const graph: MapGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false })
  const xy = seedPositions(map, map.organisation)
  // On a small map everyone is a dot large enough to find and to carry a name.
  const small = map.ids.length > LARGE_MAP ? 1.5 : map.ids.length <= SMALL_MAP ? 4 : 2.5
  for (let i = 0; i < map.ids.length; i++) {
    const mine = map.mine[i] ?? 0
    graph.addNode(String(i), {
      x: xy[i * 2] ?? 0,
      y: xy[i * 2 + 1] ?? 0,
      size: i === map.me ? 12 : mine > 0 ? 3 + mine : small,
      color: '#adb5bd',
      label: map.names[i] ?? '',
    })
  }
  for (let k = 0; k < map.edges.length; k += 3) {
    const a = map.edges[k] ?? 0
    const b = map.edges[k + 1] ?? 0
    const strength = map.edges[k + 2] ?? 1
    if (a === b || graph.hasEdge(String(a), String(b))) continue
    const mineTie = a === map.me || b === map.me
    graph.addEdge(String(a), String(b), { size: 0.5 + strength * 0.4, color: '#868e96', mine: mineTie })
  }
  return graph
}

/** What the layout worker needs, in arrays it can take over without copying. */
export function layoutRequest(map: NetworkMap, graph: MapGraph): LayoutRequest {
  const people = map.ids.length
  const ties = map.edges.length / 3
  const pairs = new Uint32Array(ties * 2)
  const weights = new Float32Array(ties)
  for (let e = 0; e < ties; e++) {
    pairs[e * 2] = map.edges[e * 3] ?? 0
    pairs[e * 2 + 1] = map.edges[e * 3 + 1] ?? 0
    weights[e] = map.edges[e * 3 + 2] ?? 1
  }
  const positions = new Float32Array(people * 2)
  graph.forEachNode((node, attributes) => {
    const i = Number(node)
    positions[i * 2] = attributes.x
    positions[i * 2 + 1] = attributes.y
  })
  return { people, me: map.me, pairs, weights, positions, iterations: layoutIterations(people) }
}
