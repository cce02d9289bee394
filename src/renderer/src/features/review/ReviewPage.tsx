import { Button, Code, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { reviewItemsText as itemsText, reviewOutcomeText as outcomeText, type ReviewEntry } from '../../../../shared/imports'
import { RELATIONSHIP_KINDS, isOneOf, type RelationshipKind } from '../../../../shared/vocab'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { notify } from '../../lib/notify'
import { useAction } from '../../lib/useAction'
import { useApi } from '../../lib/useApi'
import { PersonName } from '../../components/PersonActions'
import { REVIEW_SORTS, SORT_LABELS, entryName, reviewGroups, waitingCount, type ReviewGroup, type ReviewSort } from '../../lib/review'
import { ApiCallError } from '../../lib/client'
import { pageOf } from '../../lib/paging'
import { TablePages } from '../../components/TablePages'
import { focusBack, useFocusBack } from '../../lib/focus-back'
import { Busy } from '../../components/Busy'
import { groupThousands as count } from '../../../../shared/format'

const STRENGTHS = ['1', '2', '3', '4', '5']

/** Changes a proposed tie's strength and kind before accepting it. */
function EditTie({ entry, opened, onClose }: { entry: ReviewEntry; opened: boolean; onClose: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const action = useAction()
  const [strength, setStrength] = useState(String(entry.strength ?? 3))
  const [kind, setKind] = useState<RelationshipKind>(isOneOf(RELATIONSHIP_KINDS, entry.relationshipKind) ? entry.relationshipKind : 'other')
  const name = entryName(entry)
  const back = useFocusBack()
  async function save(): Promise<void> {
    const ok = await action.run(async () => {
      await decision(changed, () => call('review.edit', { id: entry.id, strength: Number(strength), kind }))
      changed()
    }, 'action')
    if (ok) onClose()
  }
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={back} title={`Edit the tie between ${name}`}>
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

/**
 * Asks before rejecting a whole group: rejected people are deleted, with any
 * relationship with them, and rejected ties are never proposed again.
 */
function ConfirmRejectAll({ group, opened, onCancel, onConfirm }: { group: ReviewGroup; opened: boolean; onCancel: () => void; onConfirm: () => void }): ReactNode {
  const n = count(group.entries.length)
  const people = group.key === 'people'
  const back = useFocusBack()
  return (
    <Modal opened={opened} onClose={onCancel} onExitTransitionEnd={back} title={`Reject all ${n} ${group.title.toLowerCase()}?`}>
      <Stack>
        <Text size="sm">
          {people
            ? `Kith deletes these ${n} people, with what the import learned about them and any relationship with them (one you accepted here too), and a later import will not add them again. This cannot be undone.`
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

/** How many rows a group shows a page: a large archive proposes thousands, and the window lays out only a page. */
const PAGE = 50

/** What the page's buttons are doing: one row, one group's all, or everything at once. */
type Busy = 'one' | 'group' | 'everything'

interface GroupActions {
  busy: Busy | null
  /** which group's "all" button is at work, with its verdict */
  busyGroup: string | null
  onDecide: (entry: ReviewEntry, verdict: 'accept' | 'reject') => Promise<boolean>
  onDecideAll: (group: ReviewGroup, verdict: 'accept' | 'reject') => void
  onEdit: (entry: ReviewEntry) => void
}

function GroupTable({ group, busy, busyGroup, onDecide, onDecideAll, onEdit }: { group: ReviewGroup } & GroupActions): ReactNode {
  const ties = group.key === 'ties'
  const [page, setPage] = useState(1)
  const body = useRef<HTMLTableSectionElement>(null)
  /** After a row is decided, the row that takes its place (else the one before) gets the focus, once the list no longer has it and the buttons are back. */
  const refocus = useRef<{ decided: number; at: number } | null>(null)
  const total = group.entries.length
  const shown = pageOf(group.entries, page, PAGE)
  const what = group.title.toLowerCase()
  useEffect(() => {
    const wanted = refocus.current
    if (wanted === null || busy !== null || group.entries.some((e) => e.id === wanted.decided)) return
    refocus.current = null
    // Unless the keyboard went elsewhere meanwhile.
    const active = document.activeElement
    if (active !== null && active !== document.body && body.current?.contains(active) !== true) return
    const rows = body.current?.querySelectorAll<HTMLElement>('tr') ?? []
    rows[Math.min(wanted.at, rows.length - 1)]?.querySelector<HTMLButtonElement>('button[aria-label^="Accept"]')?.focus()
  }, [group.entries, busy])
  // The group's last row decided: the group is gone, and the keyboard goes to the page.
  useEffect(() => () => {
    if (refocus.current !== null) focusBack(null)
  }, [])
  const decide = async (entry: ReviewEntry, verdict: 'accept' | 'reject', at: number): Promise<void> => {
    refocus.current = { decided: entry.id, at }
    if (!(await onDecide(entry, verdict))) refocus.current = null
  }
  const allBusy = (verdict: 'accept' | 'reject'): boolean => busyGroup === `${group.key}:${verdict}`
  return (
    <Section title={`${group.title} (${count(total)})`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {group.hint}
        </Text>
        {total > 1 && (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="compact-sm"
              variant="light"
              loading={allBusy('accept')}
              disabled={busy !== null && !allBusy('accept')}
              onClick={() => onDecideAll(group, 'accept')}
              aria-label={`Accept all ${count(total)} ${what}`}
            >
              Accept all {count(total)}
            </Button>
            {group.key !== 'strengths' && (
              <Button
                size="compact-sm"
                variant="default"
                color="red"
                loading={allBusy('reject')}
                disabled={busy !== null && !allBusy('reject')}
                onClick={() => onDecideAll(group, 'reject')}
                aria-label={`Reject all ${count(total)} ${what}`}
              >
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
        <Table.Tbody ref={body}>
          {shown.rows.map((e, at) => {
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
                    <Button size="compact-sm" variant="light" disabled={busy !== null} onClick={() => void decide(e, 'accept', at)} aria-label={`Accept ${name}`}>
                      Accept
                    </Button>
                    {ties && (
                      <Button size="compact-sm" variant="default" disabled={busy !== null} onClick={() => onEdit(e)} aria-label={`Edit ${name}`}>
                        Edit
                      </Button>
                    )}
                    {group.key !== 'strengths' && (
                      <Button size="compact-sm" variant="default" color="red" disabled={busy !== null} onClick={() => void decide(e, 'reject', at)} aria-label={`Reject ${name}`}>
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
      <TablePages shown={shown} total={total} noun={what} onPage={setPage} />
    </Section>
  )
}

/**
 * The words for a decision the backend refused because the list on the page
 * was out of date (another window, or the terminal, decided some of these
 * first): the list is loaded again, and the page never names item ids.
 */
const STALE =
  'The list changed elsewhere (in another window, or from a terminal) after this page showed it, so nothing was changed here. It now shows what still waits.'

/** A decision's call: a list out of date is loaded again (`changed`), and said in words. */
async function decision<T>(changed: () => void, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof ApiCallError && err.code === 'not_found') {
      changed()
      throw new Error(STALE, { cause: err })
    }
    throw err
  }
}

/** Review what archive imports learned: new people, proposed ties and estimated strengths. */
export function ReviewPage(): ReactNode {
  const { version, changed } = useDataVersion()
  const list = useApi('review.list', {}, String(version))
  const action = useAction<Busy>()
  const [busyGroup, setBusyGroup] = useState<string | null>(null)
  const [sort, setSort] = useState<ReviewSort>('name')
  // Dialogs stay drawn while they fade, then give the focus back to the button that opened them.
  const [editing, setEditing] = useState<{ entry: ReviewEntry; open: boolean; opening: number }>()
  const [confirming, setConfirming] = useState<{ group: ReviewGroup; open: boolean; opening: number }>()

  function decide(entry: ReviewEntry, verdict: 'accept' | 'reject'): Promise<boolean> {
    return action.run(async () => {
      const outcome = await decision(changed, () => (verdict === 'accept' ? call('review.accept', { ids: [entry.id] }) : call('review.reject', { ids: [entry.id] })))
      changed()
      notify({ color: 'teal', message: `${entryName(entry)}: ${outcomeText(outcome)}` })
    }, 'one')
  }

  /** Every entry of one group, every page of it: rejecting them asks first, since rejected people are deleted. */
  async function decideAll(group: ReviewGroup, verdict: 'accept' | 'reject'): Promise<void> {
    setConfirming((c) => (c === undefined ? c : { ...c, open: false }))
    setBusyGroup(`${group.key}:${verdict}`)
    await action.run(async () => {
      const ids = group.entries.map((e) => e.id)
      const outcome = await decision(changed, () => (verdict === 'accept' ? call('review.accept', { ids }) : call('review.reject', { ids })))
      changed()
      notify({ color: 'teal', message: `${group.title}: ${outcomeText(outcome)}` })
    }, 'group')
    setBusyGroup(null)
  }

  async function acceptAll(): Promise<void> {
    await action.run(async () => {
      const outcome = await call('review.accept', { all: true })
      changed()
      notify({ color: 'teal', message: `Accepted everything: ${outcomeText(outcome)}` })
    }, 'everything')
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
              <Button onClick={() => void acceptAll()} loading={action.busy === 'everything'} disabled={action.busy !== null && action.busy !== 'everything'}>
                Accept all
              </Button>
            </Group>
          </Group>
          {groups.map((g) => (
            <GroupTable
              key={g.key}
              group={g}
              busy={action.busy}
              busyGroup={busyGroup}
              onDecide={decide}
              onDecideAll={(group, verdict) => (verdict === 'reject' ? setConfirming((c) => ({ group, open: true, opening: (c?.opening ?? 0) + 1 })) : void decideAll(group, verdict))}
              onEdit={(entry) => setEditing((e) => ({ entry, open: true, opening: (e?.opening ?? 0) + 1 }))}
            />
          ))}
        </>
      )}
      {editing !== undefined && <EditTie key={editing.opening} entry={editing.entry} opened={editing.open} onClose={() => setEditing({ ...editing, open: false })} />}
      {confirming !== undefined && (
        <ConfirmRejectAll
          key={confirming.opening}
          group={confirming.group}
          opened={confirming.open}
          onCancel={() => setConfirming({ ...confirming, open: false })}
          onConfirm={() => void decideAll(confirming.group, 'reject')}
        />
      )}
    </Stack>
  )
}
