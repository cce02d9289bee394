/**
 * The loop that warms the caches after opening (`BackendState.warmUp`):
 * one short synchronous step at a time, each after the event loop has
 * served whatever was waiting, each holding the connection so it never
 * reads inside another call's open transaction, none while exclusive work
 * (an import) runs. Stopping ends it before its next step.
 */
export interface WarmGate {
  /** Resolves when no exclusive work runs. */
  idle(): Promise<void>
  /** Runs synchronous SQLite work while holding the one connection. */
  withConnection<T>(work: () => T): Promise<T>
  /** Whether a transaction is open on the connection just now (an import's, kept across awaits). */
  inTransaction(): boolean
}

export interface Warming {
  /** Settles when the caches are warm, the warm-up was stopped, or a step failed (never rejects). */
  readonly done: Promise<void>
  stop(): void
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** How long the warm-up pauses when a step waits for another thread (the path graph's reader): no busy turns meanwhile. */
const WAITING_MS = 5

/**
 * Runs `step` until it is done or stopped. A step says whether anything is
 * left, or 'waiting' when what it needs is being read on another thread:
 * the next step comes a few milliseconds later.
 */
export function warmInSteps(gate: WarmGate, step: () => boolean | 'waiting'): Warming {
  let stopped = false
  /** Read through a call: `stop` changes it between awaits. */
  const isStopped = (): boolean => stopped
  let stop = (): void => undefined
  const stopping = new Promise<false>((resolve) => {
    stop = () => {
      stopped = true
      resolve(false)
    }
  })
  /** One step, unless stopped meanwhile or a transaction is open (then it waits for another turn). */
  const oneStep = (): Promise<void> =>
    gate.withConnection(() => {
      if (!isStopped() && !gate.inTransaction()) more = step()
    })
  let more: boolean | 'waiting' = true
  const run = async (): Promise<void> => {
    while (more !== false) {
      await (more === 'waiting' ? new Promise((resolve) => setTimeout(resolve, WAITING_MS)) : turn())
      if (isStopped()) return
      await Promise.race([gate.idle(), stopping])
      if (isStopped()) return
      await Promise.race([oneStep(), stopping])
    }
  }
  // A step that fails (a damaged file, say) ends the warm-up: the call that needs that cache meets the same problem and reports it.
  const done = run().catch(() => undefined)
  return { done, stop }
}
