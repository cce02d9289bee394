import { Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type ReactNode, type SyntheticEvent } from 'react'
import { personName } from '../../../../shared/schemas'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { ErrorNotice } from '../../components/ErrorNotice'
import { errorText } from '../../lib/errors'
import { useAction } from '../../lib/useAction'

/** Asks who the user is; Kith measures every path from them. */
export function MeForm({ intro }: { intro: ReactNode }): ReactNode {
  const { changed } = useDataVersion()
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault()
    const parsed = personName.safeParse(name)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      return
    }
    setBusy(true)
    try {
      await call('me.set', { name: parsed.data })
      changed()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {intro}
        <Group align="flex-start">
          <TextInput
            label="Your name"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              setError(undefined)
            }}
            error={error}
            style={{ flex: 1, maxWidth: 360 }}
          />
          <Button type="submit" mt={25} loading={busy}>
            Continue
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Shown while the database holds nobody: say who you are, try the sample network, or bring your contacts. */
export function FirstRun({ onImport }: { onImport: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const { busy, error, run } = useAction<'sample'>()

  const loadSample = (): Promise<boolean> =>
    run(async () => {
      await call('demo.load', {})
      changed()
    }, 'sample')

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
          <MeForm intro={<Text fw={500}>To begin, what is your name?</Text>} />
          <Divider label="or" labelPosition="center" />
          <Group>
            <Button variant="light" onClick={() => void loadSample()} loading={busy === 'sample'}>
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
