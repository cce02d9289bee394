import { Alert, Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'

interface FormFooterProps {
  /** the error no field could show */
  error: string | undefined
  /** the submit button's words */
  submit: string
  loading?: boolean
  /** a settings form that has not changed has nothing to save */
  disabled?: boolean
  /** buttons after the submit button (back to the defaults, say) */
  extra?: ReactNode
  /** dialogs end on the right; settings panels read from the left */
  justify?: 'flex-start' | 'flex-end'
}

/** What every form ends with: the error no field could show, and the submit button. */
export function FormFooter({ error, submit, loading = false, disabled = false, extra, justify = 'flex-end' }: FormFooterProps): ReactNode {
  return (
    <>
      {error !== undefined && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify={justify}>
        <Button type="submit" loading={loading} disabled={disabled}>
          {submit}
        </Button>
        {extra}
      </Group>
    </>
  )
}
