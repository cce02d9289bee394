import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type Figure = number | string | boolean
/** A section's figures; a list holds one record per case (the sizes of the growth curve, say). */
export type Figures = Record<string, Figure | Record<string, Figure>[]>

export interface Section {
  name: string
  description: string
  /** With --json, put this section's figures at the top level rather than under its name. */
  topLevel?: boolean
  run: () => Promise<Figures>
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kith-bench-${prefix}-`))
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** Times `work` `times` times and returns the median in milliseconds. */
export async function medianMs(times: number, work: (i: number) => Promise<void> | void): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await work(i)
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return round(percentile(samples, 50))
}
