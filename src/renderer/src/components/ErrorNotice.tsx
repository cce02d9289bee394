import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'

export function ErrorNotice({ error, title = 'Something went wrong' }: { error: Error | undefined; title?: string }): ReactNode {
  if (error === undefined) return null
  return (
    <Alert color="red" title={title} role="alert">
      {error.message}
    </Alert>
  )
}
