/**
 * What the page area shows while a page's code loads (each page is its own
 * script chunk, fetched the first time it is shown): nothing for a moment,
 * so a fast load does not flash, then a quiet spinner announced politely to
 * screen readers. If the chunk cannot load (it was changed on disk and the
 * page's integrity check refused it, or the server went away), a plain alert
 * says so instead of leaving the window blank.
 */
import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core'
import { Component, useEffect, useState, type ReactNode } from 'react'

/** How long a load may take before the spinner shows (ms). */
const QUIET_MS = 300

export function PageLoading({ label = 'Loading the page…' }: { label?: string }): ReactNode {
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), QUIET_MS)
    return () => window.clearTimeout(timer)
  }, [])
  return (
    <Center mih={200} role="status" aria-live="polite" aria-busy={visible}>
      {visible && (
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text c="dimmed">{label}</Text>
        </Group>
      )}
    </Center>
  )
}

type BoundaryState = { failed: boolean }

/**
 * Catches a page whose code failed to load. `resetKey` changes with the
 * route, so moving to another page tries again.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode; resetKey: string }, BoundaryState> {
  override state: BoundaryState = { failed: false }

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true }
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false })
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <Alert color="red" title="This page could not load" role="alert">
        <Text size="sm" mb="sm">
          Kith could not load this page’s code. If Kith’s files were changed since it was installed, it refuses to run them; reinstall
          Kith. Otherwise reload the window.
        </Text>
        <Button variant="default" size="xs" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Alert>
    )
  }
}
