import { useCallback, useEffect, useState } from 'react'
import type { ArgsIn, MethodName, Result } from '../../../shared/contract'
import { call } from './client'
import { asError } from './errors'

export interface ApiState<T> {
  /** The latest result; kept while a reload is under way. */
  data: T | undefined
  error: Error | undefined
  loading: boolean
  reload: () => void
}

interface Settled<T> {
  request: string
  data?: T
  error?: Error
}

/**
 * Loads one method's result; loads again when the arguments or `key` change,
 * or on `reload()`. `null` arguments mean there is nothing to ask yet.
 */
export function useApi<M extends MethodName>(method: M, args: ArgsIn<M> | null, key = ''): ApiState<Result<M>> {
  const [generation, setGeneration] = useState(0)
  const [settled, setSettled] = useState<Settled<Result<M>>>()
  const argsJson = JSON.stringify(args)
  const request = JSON.stringify([method, argsJson, key, generation])
  // The arguments as last asked for, kept by their content: a new object that says the same is the same request.
  const [asked, setAsked] = useState({ json: argsJson, args })
  if (asked.json !== argsJson) setAsked({ json: argsJson, args })
  const askedArgs = asked.args

  useEffect(() => {
    let current = true
    if (askedArgs === null) return
    call(method, askedArgs)
      .then((data) => {
        if (current) setSettled({ request, data })
      })
      .catch((err: unknown) => {
        if (current) setSettled((prev) => ({ request, data: prev?.data, error: asError(err) }))
      })
    return () => {
      current = false
    }
  }, [method, askedArgs, request])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  if (args === null) return { data: undefined, error: undefined, loading: false, reload }
  return { data: settled?.data, error: settled?.error, loading: settled?.request !== request, reload }
}
