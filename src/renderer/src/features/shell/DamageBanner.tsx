import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import { useDataVersion } from '../../lib/data-version'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'

/** How soon to ask again while the check for damage is still running (at 50,000 people it takes about 0.3 s). */
const CHECK_AGAIN_MS = 1_000
/** The longest wait between two asks. */
const CHECK_AGAIN_AT_MOST_MS = 60_000

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
  // Right after opening the check may still run in the background: ask again until it has ended,
  // less often each time (a check that cannot finish, say on a locked file, would otherwise be asked about each second).
  const checking = status.data?.checking === true && !status.loading
  const { reload } = status
  const [asked, setAsked] = useState(0)
  useEffect(() => {
    if (!checking) return
    const timer = setTimeout(() => {
      setAsked((n) => n + 1)
      reload()
    }, Math.min(CHECK_AGAIN_MS * 2 ** asked, CHECK_AGAIN_AT_MOST_MS))
    return () => clearTimeout(timer)
  }, [checking, reload, asked])
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
