import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import { ApiCallError } from '../lib/client'

/** A refusal by one of Kith's rules is not a failure: its heading says which it is. */
function titleOf(error: Error): string {
  if (!(error instanceof ApiCallError)) return 'Something went wrong'
  if (error.code === 'conflict') return 'Not done'
  if (error.code === 'not_found') return 'Not found'
  if (error.code === 'bad_request') return 'Check what was entered'
  return 'Something went wrong'
}

export function ErrorNotice({ error, title }: { error: Error | undefined; title?: string }): ReactNode {
  if (error === undefined) return null
  return (
    <Alert color="red" title={title ?? titleOf(error)} role="alert">
      {error.message}
    </Alert>
  )
}
