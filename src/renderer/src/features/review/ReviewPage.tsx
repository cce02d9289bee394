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
import { groupThousands as count } from '../../../../shared/format'

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

/** Asks before rejecting a whole group: rejected people are deleted, and rejected ties are never proposed again. */
function ConfirmRejectAll({ group, onCancel, onConfirm }: { group: ReviewGroup; onCancel: () => void; onConfirm: () => void }): ReactNode {
  const n = count(group.entries.length)
  const people = group.key === 'people'
  return (
    <Modal opened onClose={onCancel} title={`Reject all ${n} ${group.title.toLowerCase()}?`}>
      <Stack>
        <Text size="sm">
          {people
            ? `Kith deletes these ${n} people, with what the import learned about them, and a later import will not add them again. This cannot be undone.`
            : `Kith will not propose these ${n} ties again. You can still record any of them yourself.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm}>
            Reject all {n}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** How many rows a group shows at first, and how many more each "Show more" adds: a large archive proposes thousands. */
const PAGE = 50

interface GroupActions {
  busy: boolean
  onDecide: (entry: ReviewEntry, verdict: 'accept' | 'reject') => void
  onDecideAll: (group: ReviewGroup, verdict: 'accept' | 'reject') => void
  onEdit: (entry: ReviewEntry) => void
}

function GroupTable({ group, busy, onDecide, onDecideAll, onEdit }: { group: ReviewGroup } & GroupActions): ReactNode {
  const ties = group.key === 'ties'
  const [shown, setShown] = useState(PAGE)
  const total = group.entries.length
  const visible = group.entries.slice(0, shown)
  const what = group.title.toLowerCase()
  return (
    <Section title={`${group.title} (${count(total)})`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {group.hint}
        </Text>
        {total > 1 && (
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="light" disabled={busy} onClick={() => onDecideAll(group, 'accept')} aria-label={`Accept all ${count(total)} ${what}`}>
              Accept all {count(total)}
            </Button>
            {group.key !== 'strengths' && (
              <Button size="compact-sm" variant="default" color="red" disabled={busy} onClick={() => onDecideAll(group, 'reject')} aria-label={`Reject all ${count(total)} ${what}`}>
                Reject all {count(total)}
              </Button>
            )}
          </Group>
        )}
      </Group>
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
          {visible.map((e) => {
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
      {total > visible.length && (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            Showing {count(visible.length)} of {count(total)}.
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => setShown((n) => n + PAGE)} aria-label={`Show ${Math.min(PAGE, total - visible.length)} more ${what}`}>
            Show {Math.min(PAGE, total - visible.length)} more
          </Button>
        </Group>
      )}
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
  const [confirming, setConfirming] = useState<ReviewGroup>()

  async function decide(entry: ReviewEntry, verdict: 'accept' | 'reject'): Promise<void> {
    await action.run(async () => {
      const outcome = verdict === 'accept' ? await call('review.accept', { ids: [entry.id] }) : await call('review.reject', { ids: [entry.id] })
      changed()
      notify({ color: 'teal', message: `${entryName(entry)}: ${outcomeText(outcome)}` })
    }, 'one')
  }

  /** Every entry of one group, as the page shows it: rejecting them asks first, since rejected people are deleted. */
  async function decideAll(group: ReviewGroup, verdict: 'accept' | 'reject'): Promise<void> {
    setConfirming(undefined)
    await action.run(async () => {
      const ids = group.entries.map((e) => e.id)
      const outcome = verdict === 'accept' ? await call('review.accept', { ids }) : await call('review.reject', { ids })
      changed()
      notify({ color: 'teal', message: `${group.title}: ${outcomeText(outcome)}` })
    }, 'all')
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
            <GroupTable
              key={g.key}
              group={g}
              busy={action.busy !== null}
              onDecide={(e, verdict) => void decide(e, verdict)}
              onDecideAll={(group, verdict) => (verdict === 'reject' ? setConfirming(group) : void decideAll(group, verdict))}
              onEdit={setEditing}
            />
          ))}
        </>
      )}
      {editing !== undefined && <EditTie entry={editing} onClose={() => setEditing(undefined)} />}
      {confirming !== undefined && <ConfirmRejectAll group={confirming} onCancel={() => setConfirming(undefined)} onConfirm={() => void decideAll(confirming, 'reject')} />}
    </Stack>
  )
}
