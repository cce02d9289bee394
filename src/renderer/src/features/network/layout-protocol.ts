/** What the page and the layout worker say to each other. */

export interface LayoutRequest {
  people: number
  /** my index, held at the centre, or -1 */
  me: number
  /** [a, b, a, b, ...] by person index */
  pairs: Uint32Array
  /** the strength of each pair */
  weights: Float32Array
  /** starting x, y per person */
  positions: Float32Array
  iterations: number
}

export type LayoutReport =
  /** clusters found (Louvain): one number per person */
  | { kind: 'clusters'; cluster: Int32Array; count: number }
  /** positions after `done` of `total` steps */
  | { kind: 'positions'; positions: Float32Array; done: number; total: number }
  | { kind: 'failed'; message: string }
