import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { useNav } from '../lib/nav'

/** Back to where the user came from, when there is somewhere to go back to. */
export function BackButton(): ReactNode {
  const { back, canGoBack } = useNav()
  if (!canGoBack) return null
  return (
    <Group>
      <Button variant="subtle" size="compact-sm" onClick={back}>
        ← Back
      </Button>
    </Group>
  )
}
