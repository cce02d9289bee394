import { Button, Code, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { ReviewEntry } from '../../../../shared/imports'
import { RELATIONSHIP_KINDS, isOneOf, type RelationshipKind } from '../../../../shared/vocab'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { notify } from '../../lib/notify'
import { useAction } from '../../lib/useAction'
import { useApi } from '../../lib/useApi'
import { PersonName } from '../../components/PersonActions'
import { REVIEW_SORTS, SORT_LABELS, entryName, itemsText, outcomeText, reviewGroups, waitingCount, type ReviewGroup, type ReviewSort } from '../../lib/review'
import { Busy } from '../../components/Busy'

const STRENGTHS = ['1', '2', '3', '4', '5']

/** Changes a proposed tie's strength and kind before accepting it. */
function EditTie({ entry, onClose }: { entry: ReviewEntry; onClose: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const action = useAction()
  const [strength, setStrength] = useState(String(entry.strength ?? 3))
  const [kind, setKind] = useState<RelationshipKind>(isOneOf(RELATIONSHIP_KINDS, entry.relationshipKind) ? entry.relationshipKind : 'other')
  const name = entryName(entry)
  async function save(): Promise<void> {
    const ok = await action.run(async () => {
      await call('review.edit', { id: entry.id, strength: Number(strength), kind })
      changed()
    }, 'action')
    if (ok) onClose()
  }
  return (
    <Modal opened onClose={onClose} title={`Edit the tie between ${name}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Stack>
          <ErrorNotice error={action.error} />
          <Select label="Strength" description="1: barely know each other; 5: very close" data={STRENGTHS} value={strength} onChange={(v) => v !== null && setStrength(v)} allowDeselect={false} />
          <Select
            label="Kind"
            data={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: `${k.charAt(0).toUpperCase()}${k.slice(1)}` }))}
            value={kind}
            onChange={(v) => isOneOf(RELATIONSHIP_KINDS, v) && setKind(v)}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={action.busy === 'action'}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function GroupTable({ group, busy, onDecide, onEdit }: { group: ReviewGroup; busy: boolean; onDecide: (entry: ReviewEntry, verdict: 'accept' | 'reject') => void; onEdit: (entry: ReviewEntry) => void }): ReactNode {
  const ties = group.key === 'ties'
  return (
    <Section title={`${group.title} (${group.entries.length})`}>
      <Text size="sm" c="dimmed">
        {group.hint}
      </Text>
      <Table aria-label={group.title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{ties ? 'Between' : 'Person'}</Table.Th>
            <Table.Th scope="col">{ties ? 'Strength' : 'Strength to you'}</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
            <Table.Th scope="col">
              <span className="kith-visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.entries.map((e) => {
            const name = entryName(e)
            return (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <PersonName person={e.person} label={e.person.name} />
                  {e.other !== null && (
                    <>
                      {' and '}
                      <PersonName person={e.other} label={e.other.name} />
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  {e.strength === null ? 'not linked' : `${e.strength} of 5`}
                  {ties && e.relationshipKind !== null && (
                    <Text size="xs" c="dimmed">
                      {e.relationshipKind}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{e.detail}</Table.Td>
                <Table.Td ta="right">
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="light" disabled={busy} onClick={() => onDecide(e, 'accept')} aria-label={`Accept ${name}`}>
                      Accept
                    </Button>
                    {ties && (
                      <Button size="compact-sm" variant="default" disabled={busy} onClick={() => onEdit(e)} aria-label={`Edit ${name}`}>
                        Edit
                      </Button>
                    )}
                    {group.key !== 'strengths' && (
                      <Button size="compact-sm" variant="default" color="red" disabled={busy} onClick={() => onDecide(e, 'reject')} aria-label={`Reject ${name}`}>
                        Reject
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Section>
  )
}

/** Review what archive imports learned: new people, proposed ties and estimated strengths. */
export function ReviewPage(): ReactNode {
  const { version, changed } = useDataVersion()
  const list = useApi('review.list', {}, String(version))
  const action = useAction<'all' | 'one'>()
  const [sort, setSort] = useState<ReviewSort>('name')
  const [editing, setEditing] = useState<ReviewEntry>()

  async function decide(entry: ReviewEntry, verdict: 'accept' | 'reject'): Promise<void> {
    await action.run(async () => {
      const outcome = verdict === 'accept' ? await call('review.accept', { ids: [entry.id] }) : await call('review.reject', { ids: [entry.id] })
      changed()
      notify({ color: 'teal', message: `${entryName(entry)}: ${outcomeText(outcome)}` })
    }, 'one')
  }

  async function acceptAll(): Promise<void> {
    await action.run(async () => {
      const outcome = await call('review.accept', { all: true })
      changed()
      notify({ color: 'teal', message: `Accepted everything: ${outcomeText(outcome)}` })
    }, 'all')
  }

  const heading = <Title order={2}>Review what Kith learned</Title>
  if (list.data === undefined) {
    return (
      <Stack gap="lg" maw={1100}>
        {heading}
        {list.error === undefined ? <Busy label="Loading" /> : <ErrorNotice error={list.error} />}
      </Stack>
    )
  }
  const count = waitingCount(list.data)
  const groups = reviewGroups(list.data, sort)
  return (
    <Stack gap="lg" maw={1100}>
      {heading}
      <ErrorNotice error={action.error} />
      {count === 0 ? (
        <Paper withBorder p="xl">
          <Stack gap="xs">
            <Text>Nothing waits for review.</Text>
            <Text size="sm">
              When Kith reads a mail or calendar archive, the people it finds, the ties it proposes between them and the strengths it estimates for
              you wait here until you accept or reject them. Import an archive on the Import & export page, or from a terminal: <Code>kith import PATH --my-address you@example.com</Code>{' '}
              (an mbox file, an Apple Mail export folder, .eml messages, an .ics calendar, or the .zip of your LinkedIn data).
            </Text>
          </Stack>
        </Paper>
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <Text role="status">{itemsText(count)} waiting for review.</Text>
            <Group gap="sm" align="flex-end">
              <Select
                label="Sort by"
                data={REVIEW_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
                value={sort}
                onChange={(v) => isOneOf(REVIEW_SORTS, v) && setSort(v)}
                allowDeselect={false}
                w={240}
              />
              <Button onClick={() => void acceptAll()} loading={action.busy === 'all'} disabled={action.busy === 'one'}>
                Accept all
              </Button>
            </Group>
          </Group>
          {groups.map((g) => (
            <GroupTable key={g.key} group={g} busy={action.busy !== null} onDecide={(e, verdict) => void decide(e, verdict)} onEdit={setEditing} />
          ))}
        </>
      )}
      {editing !== undefined && <EditTie entry={editing} onClose={() => setEditing(undefined)} />}
    </Stack>
  )
}
