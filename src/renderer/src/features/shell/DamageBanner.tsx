import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useDataVersion } from '../../lib/data-version'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'

/**
 * Shown above every page while the database is damaged: Kith then changes
 * nothing, and the way out is to export what can be read or restore a backup.
 */
export function DamageBanner(): ReactNode {
  const { route, go } = useNav()
  const { version } = useDataVersion()
  // Asked again after every write and on every page: a call may find damage too.
  const status = useApi('status', {}, `${version}:${JSON.stringify(route)}`)
  const damage = status.data?.damage ?? []
  if (damage.length === 0) return null
  return (
    <Alert color="red" title="Kith found damage in your data" role="alert" mb="lg">
      <Stack gap="xs">
        <Text size="sm">
          To keep what is left safe, Kith changes nothing until it is repaired: you can look, but not add or edit. Check the
          database and restore a backup in Settings, or save what can still be read from Import &amp; export.
        </Text>
        <Text size="xs" c="dimmed">
          {damage.slice(0, 3).join('; ')}
        </Text>
        <Group gap="xs">
          <Button size="xs" color="red" onClick={() => go({ page: 'settings' })}>
            Check and restore
          </Button>
          <Button size="xs" variant="default" onClick={() => go({ page: 'import' })}>
            Export what can be read
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
