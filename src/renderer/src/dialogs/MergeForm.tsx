import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import { MERGE_FIELDS, type MergeField } from '../../../shared/schemas'
import type { MergeResult, PersonDetail, PersonRef } from '../../../shared/types'
import { call } from '../lib/client'
import { PersonPicker } from '../components/PersonPicker'
import { errorText } from '../lib/errors'

const FIELD_LABEL: Record<MergeField, string> = {
  name: 'Name',
  company: 'Company',
  title: 'Title',
  location: 'Location',
  notes: 'Notes',
  howWeMet: 'How we met',
  introducedById: 'Introduced by',
  linkedinUrl: 'LinkedIn',
  birthday: 'Birthday',
  website: 'Website',
}

function shown(p: PersonDetail, field: MergeField): string | null {
  if (field === 'introducedById') return p.introducedBy?.name ?? null
  return p[field]
}

/** Merges a duplicate into `keep`, choosing field by field where they differ. */
export function MergeForm({
  keep,
  duplicate: chosen,
  onDone,
}: {
  keep: PersonDetail
  /** the duplicate, when the caller already knows it */
  duplicate?: PersonRef | undefined
  onDone: (result: MergeResult) => void
}): ReactNode {
  const [duplicate, setDuplicate] = useState<PersonRef | null>(chosen ?? null)
  const [other, setOther] = useState<PersonDetail>()
  const [take, setTake] = useState<Partial<Record<MergeField, 'keep' | 'merge'>>>({})
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (duplicate === null) return
    let current = true
    call('people.get', { id: duplicate.id })
      .then((p) => {
        if (!current) return
        setOther(p)
        setTake({})
      })
      .catch((err: unknown) => {
        if (current) setError(errorText(err))
      })
    return () => {
      current = false
    }
  }, [duplicate])

  const loaded = duplicate !== null && other?.id === duplicate.id ? other : undefined
  const conflicts = loaded === undefined ? [] : MERGE_FIELDS.filter((f) => shown(keep, f) !== null && shown(loaded, f) !== null && shown(keep, f) !== shown(loaded, f))

  const merge = async (): Promise<void> => {
    if (loaded === undefined) return
    setBusy(true)
    setError(undefined)
    try {
      onDone(await call('people.merge', { keepId: keep.id, mergeId: loaded.id, take }))
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <PersonPicker label="Duplicate to merge into this person" value={duplicate} onChange={setDuplicate} exclude={[keep.id]} autoFocus />
      {loaded !== undefined && (
        <>
          <Text size="sm">
            {loaded.name}’s relationships ({loaded.relationships.length}), interactions ({loaded.interactions.length}) and favors (
            {loaded.favors.length}) move to {keep.name}, with their introductions, follow-ups and what imports learned about them. Emails,
            phones, tags, needs, offers and other names are combined. Kith backs up your data first.
          </Text>
          {conflicts.length === 0 ? (
            <Text size="sm" c="dimmed">
              No fields conflict.
            </Text>
          ) : (
            <Table aria-label="Fields that differ">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">Keep</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicts.map((field) => (
                  <Table.Tr key={field}>
                    <Table.Td>{FIELD_LABEL[field]}</Table.Td>
                    <Table.Td>
                      <Radio.Group
                        label={FIELD_LABEL[field]}
                        labelProps={{ className: 'kith-visually-hidden' }}
                        value={take[field] ?? 'keep'}
                        onChange={(v) => setTake((t) => ({ ...t, [field]: v === 'merge' ? 'merge' : 'keep' }))}
                      >
                        <Stack gap={4}>
                          <Radio value="keep" label={shown(keep, field)} />
                          <Radio value="merge" label={shown(loaded, field)} />
                        </Stack>
                      </Radio.Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {error !== undefined && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={() => void merge()} disabled={loaded === undefined} loading={busy}>
          Merge
        </Button>
      </Group>
    </Stack>
  )
}
