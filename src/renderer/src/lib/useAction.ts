import { useState } from 'react'
import { asError } from './errors'

interface ActionSteps {
  /** before the work: clear the last error, mark the action busy */
  start: () => void
  /** the work failed: show why */
  fail: (error: Error) => void
  /** after the work, whether it failed or not */
  settle: () => void
}

/** Runs one action's work in order: start, the work, fail with what went wrong (as an Error), settle. True when the work succeeded. */
export async function runAction(work: () => Promise<void>, steps: ActionSteps): Promise<boolean> {
  steps.start()
  try {
    await work()
    return true
  } catch (err) {
    steps.fail(asError(err))
    return false
  } finally {
    steps.settle()
  }
}

export interface Action<K extends string> {
  /** why the last action failed; cleared when the next one starts */
  error: Error | undefined
  setError: (error: Error | undefined) => void
  /** which action is running, for a button's busy state */
  busy: K | null
  /**
   * Runs a button's work (a call, then `changed()` to reload and a notice):
   * clears the last error, marks `kind` busy, and shows what went wrong.
   */
  run: (work: () => Promise<void>, kind?: K) => Promise<boolean>
}

/** The run / busy / error pattern of a page's buttons, written once. */
export function useAction<K extends string = 'action'>(onStart?: () => void): Action<K> {
  const [error, setError] = useState<Error>()
  const [busy, setBusy] = useState<K | null>(null)
  const run = (work: () => Promise<void>, kind?: K): Promise<boolean> =>
    runAction(work, {
      start: () => {
        if (kind !== undefined) setBusy(kind)
        setError(undefined)
        onStart?.()
      },
      fail: setError,
      settle: () => {
        if (kind !== undefined) setBusy(null)
      },
    })
  return { error, setError, busy, run }
}
