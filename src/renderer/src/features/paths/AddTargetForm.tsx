import { ActionIcon, Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { DuplicateMatch } from '../../../../shared/api'
import { personName } from '../../../../shared/schemas'
import type { PersonRef } from '../../../../shared/types'
import { STRENGTHS } from '../../../../shared/vocab'
import { ApiCallError, call } from '../../lib/client'
import { strengthWord } from '../../lib/format'
import { PersonPicker } from '../../components/PersonPicker'
import { errorText } from '../../lib/errors'

interface Knower {
  person: PersonRef
  strength: number
}

/** Someone not in Kith yet: their name, company, and who is known to know them. */
export function AddTargetForm({ name: initialName, onDone }: { name: string; onDone: (person: PersonRef) => void }): ReactNode {
  const [name, setName] = useState(initialName)
  const [company, setCompany] = useState('')
  const [knowers, setKnowers] = useState<Knower[]>([])
  const [picking, setPicking] = useState<PersonRef | null>(null)
  const [error, setError] = useState<string>()
  const [nameError, setNameError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([])

  const save = async (allowDuplicate = false): Promise<void> => {
    const parsed = personName.safeParse(name)
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message)
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      onDone(
        await call('people.create', {
          name: parsed.data,
          company: company.trim() === '' ? null : company,
          knownBy: knowers.map((k) => ({ id: k.person.id, strength: k.strength, confidence: 'believed' })),
          allowDuplicate,
        }),
      )
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'conflict' && err.duplicates.length > 0) setDuplicates(err.duplicates)
      else setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-autofocus />
        <TextInput label="Company" value={company} onChange={(e) => setCompany(e.currentTarget.value)} />
      </Group>
      <PersonPicker
        label="Who knows them?"
        description="People you believe know them; paths go through them"
        value={picking}
        exclude={knowers.map((k) => k.person.id)}
        onChange={(p) => {
          if (p !== null) setKnowers((list) => [...list, { person: p, strength: 2 }])
          setPicking(null)
        }}
      />
      {knowers.map((k, i) => (
        <Group key={k.person.id} justify="space-between" wrap="nowrap">
          <Text fw={500}>{k.person.name}</Text>
          <Radio.Group
            label={`How well ${k.person.name} knows them`}
            labelProps={{ className: 'kith-visually-hidden' }}
            value={String(k.strength)}
            onChange={(v) => setKnowers((list) => list.map((x, j) => (j === i ? { ...x, strength: Number(v) } : x)))}
          >
            <Group gap="xs">
              {STRENGTHS.map((s) => (
                <Radio key={s} value={String(s)} label={String(s)} title={strengthWord(s)} aria-label={`${s} · ${strengthWord(s)}`} />
              ))}
            </Group>
          </Radio.Group>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${k.person.name}`} onClick={() => setKnowers((list) => list.filter((_, j) => j !== i))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      {duplicates.length > 0 && (
        <Alert color="yellow" role="alert" title="Already in Kith?">
          <Stack gap="xs">
            {duplicates.map((d) => (
              <Group key={d.id} gap="xs">
                <Text size="sm">
                  {d.name}
                  {d.company === null ? '' : ` (${d.company})`} has {d.reason}.
                </Text>
                <Button size="compact-sm" variant="light" onClick={() => onDone({ id: d.id, name: d.name })}>
                  Find paths to {d.name}
                </Button>
              </Group>
            ))}
            <Group>
              <Button size="compact-sm" variant="default" onClick={() => void save(true)} loading={busy}>
                Add anyway
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {error !== undefined && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy}>
          Add and find paths
        </Button>
      </Group>
    </Stack>
  )
}
