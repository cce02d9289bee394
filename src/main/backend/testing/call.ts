import { expect } from 'vitest'
import type { ApiError } from '../../../shared/api'
import type { ArgsIn, MethodName, Result } from '../../../shared/contract'
import type { Backend } from '../backend'
import { KithError, errorMessage } from '../errors'

/** Calls through dispatch, as every door does, and fails the test on an error envelope. */
export async function ok<M extends MethodName>(backend: Backend, method: M, args: ArgsIn<M>): Promise<Result<M>> {
  try {
    return await backend.call(method, args)
  } catch (err) {
    throw new Error(`${method} failed: ${err instanceof KithError ? `${err.code}: ` : ''}${errorMessage(err)}`, { cause: err })
  }
}

/** Calls through dispatch and returns the error, failing the test if the call succeeded. */
export async function fails(backend: Backend, method: string, args: unknown): Promise<ApiError> {
  const res = await backend.dispatch(method, args)
  expect(res.ok, `${method} should have failed`).toBe(false)
  if (res.ok) throw new Error('unreachable')
  return res.error
}
