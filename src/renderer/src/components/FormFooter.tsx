import { Alert, Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'

/** What every form ends with: the error no field could show, and the submit button. */
export function FormFooter({ error, submit, loading = false }: { error: string | undefined; submit: string; loading?: boolean }): ReactNode {
  return (
    <>
      {error !== undefined && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={loading}>
          {submit}
        </Button>
      </Group>
    </>
  )
}
