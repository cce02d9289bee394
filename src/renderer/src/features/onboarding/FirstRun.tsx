import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { call } from '../../lib/client'
import { ErrorNotice } from '../shell/ErrorNotice'

/** Shown while the database holds nobody: try the sample network, or bring your own contacts. */
export function FirstRun({ onLoaded, onImport }: { onLoaded: () => void; onImport: () => void }): ReactNode {
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<Error>()

  const loadSample = async (): Promise<void> => {
    setLoading(true)
    setError(undefined)
    try {
      await call('demo.load', {})
      onLoaded()
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)))
    } finally {
      setLoading(false)
    }
  }

  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>Welcome to Kith</Title>
      <Paper withBorder p="xl">
        <Stack gap="md">
          <Text>
            Kith keeps the map of who you know, and who they know, on this computer. From it, Kith finds the warmest
            way to meet anyone and helps you ask well, and introduce others well.
          </Text>
          <Text c="dimmed" size="sm">
            Nothing you enter leaves this machine.
          </Text>
          <Group>
            <Button onClick={() => void loadSample()} loading={loading}>
              Load sample network
            </Button>
            <Button variant="default" onClick={onImport}>
              Import contacts
            </Button>
          </Group>
          <ErrorNotice error={error} title="The sample network could not be loaded" />
        </Stack>
      </Paper>
    </Stack>
  )
}
