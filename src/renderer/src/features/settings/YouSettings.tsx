import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { PersonRef } from '../../../../shared/types'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { useApi } from '../../lib/useApi'
import { useAction } from '../../lib/useAction'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PersonPicker } from '../../components/PersonPicker'

/** Who "me" is: every path and favor balance is measured from this person. */
export function MeSettings(): ReactNode {
  const { version, changed } = useDataVersion()
  const me = useApi('me.get', {}, String(version))
  const [chosen, setChosen] = useState<PersonRef | null>(null)
  const [message, setMessage] = useState<string>()
  const { run, busy, error } = useAction<'me'>(() => setMessage(undefined))
  const current = me.data ?? null

  const save = (): Promise<boolean> =>
    run(async () => {
      if (chosen === null) return
      const saved = await call('me.set', { id: chosen.id })
      setChosen(null)
      setMessage(`You are now ${saved.name}: paths and favors are measured from them.`)
      changed()
    }, 'me')

  return (
    <Paper withBorder p="lg" component="section" aria-label="Who you are">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Who you are
        </Title>
        <Text size="sm">{current === null ? 'Kith does not know who you are yet.' : `Kith measures every path and favor balance from you: ${current.name}.`}</Text>
        <Group align="flex-end">
          <div style={{ flex: 1, maxWidth: 360 }}>
            <PersonPicker label="You are" placeholder="Type a name" value={chosen} onChange={setChosen} exclude={current === null ? [] : [current.id]} />
          </div>
          <Button onClick={() => void save()} loading={busy === 'me'} disabled={chosen === null}>
            Set as me
          </Button>
        </Group>
        {message !== undefined && (
          <Alert color="teal" role="status">
            {message}
          </Alert>
        )}
        <ErrorNotice error={error ?? me.error} />
      </Stack>
    </Paper>
  )
}

/** The sample network: remove it (keeping what you made your own), and undo that. */
export function SampleSettings(): ReactNode {
  const { version, changed } = useDataVersion()
  const state = useApi('demo.get', {}, String(version))
  const [message, setMessage] = useState<string>()
  const { run, busy, error } = useAction<'remove' | 'undo'>(() => setMessage(undefined))
  const data = state.data
  if (data === undefined || (data.samplePeople === 0 && data.removed === null)) return null

  const remove = (): Promise<boolean> =>
    run(async () => {
      const removal = await call('demo.remove', {})
      const kept = removal.kept.length === 0 ? '' : ` Kept ${removal.kept.map((p) => p.name).join(', ')}: you edited or logged something with them since.`
      setMessage(`Removed ${removal.removed} sample people.${kept}`)
      changed()
    }, 'remove')
  const undo = (): Promise<boolean> =>
    run(async () => {
      const back = await call('demo.undoRemove', {})
      setMessage(`Put back ${back.samplePeople} sample people.`)
      changed()
    }, 'undo')

  return (
    <Paper withBorder p="lg" component="section" aria-label="Sample network">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Sample network
        </Title>
        {data.samplePeople > 0 && (
          <>
            <Text size="sm">
              {data.samplePeople} sample people are here. Removing them keeps you, everyone you added, and any sample person you
              have edited or logged something with since.
            </Text>
            <Group>
              <Button color="red" variant="light" onClick={() => void remove()} loading={busy === 'remove'}>
                Remove the sample network
              </Button>
            </Group>
          </>
        )}
        {message !== undefined && (
          <Alert color="teal" role="status">
            {message}
          </Alert>
        )}
        {data.removed !== null && (
          <Group>
            <Button variant="default" onClick={() => void undo()} loading={busy === 'undo'}>
              Undo: put the sample network back
            </Button>
          </Group>
        )}
        <ErrorNotice error={error ?? state.error} />
      </Stack>
    </Paper>
  )
}
