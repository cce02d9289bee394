import { format, parseISO } from 'date-fns'
import { mailtoUrl } from '../../../../shared/intro-templates'
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notify } from '../../lib/notify'
import { useState, type ReactNode } from 'react'
import type { PersonDetail, PersonRef } from '../../../../shared/types'
import { CONFIDENCE_WORDS, capitalize, type Confidence } from '../../../../shared/vocab'
import { call, openExternal } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { ago, formatDate, strengthWord } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { useDialogs } from '../../dialogs/Dialogs'
import { BackButton } from '../../components/BackButton'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { IntroductionsTable } from '../../components/IntroductionsTable'
import { Neighbourhood } from './Neighbourhood'

function Field({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  )
}

const CAP = 12

/** The first few rows, and a button for the rest. */
function useCapped<T>(items: T[]): { shown: T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false)
  if (items.length <= CAP) return { shown: items, toggle: null }
  return {
    shown: all ? items : items.slice(0, CAP),
    toggle: (
      <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} aria-expanded={all}>
        {all ? 'Show fewer' : `Show all ${items.length}`}
      </Button>
    ),
  }
}

function PersonLink({ person, onOpen }: { person: PersonRef; onOpen: (id: number) => void }): ReactNode {
  return (
    <Anchor component="button" type="button" onClick={() => onOpen(person.id)}>
      {person.name}
    </Anchor>
  )
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }): ReactNode {
  return (
    <Anchor
      href={href}
      onClick={(e) => {
        e.preventDefault()
        void openExternal(href)
      }}
    >
      {children}
    </Anchor>
  )
}

/** A mail link, or the address as plain text when it is not one Kith can link to. */
function EmailAddress({ address }: { address: string }): ReactNode {
  const href = mailtoUrl({ to: [address], cc: [], subject: '', body: '' })
  return href === null ? <Text span>{address}</Text> : <ExternalLink href={href}>{address}</ExternalLink>
}

function Labels({ items }: { items: string[] }): ReactNode {
  if (items.length === 0) return <Text c="dimmed">—</Text>
  return (
    <Group gap={6}>
      {items.map((t) => (
        <Badge key={t} variant="light" tt="none">
          {t}
        </Badge>
      ))}
    </Group>
  )
}

/** '1990-03-14' as '14 March 1990'; '--03-14' (no year) as '14 March'. */
function formatBirthday(value: string): string {
  if (value.startsWith('--')) return format(parseISO(`2000${value.slice(1)}`), 'd MMMM')
  return format(parseISO(value), 'd MMMM yyyy')
}

function Profile({ p, open }: { p: PersonDetail; open: (id: number) => void }): ReactNode {
  return (
    <Section title="Profile">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Field label="Email">
          {p.emails.length === 0 ? <Text c="dimmed">—</Text> : p.emails.map((e) => <div key={e}><EmailAddress address={e} /></div>)}
        </Field>
        <Field label="Phone">{p.phones.length === 0 ? <Text c="dimmed">—</Text> : p.phones.map((ph) => <div key={ph}>{ph}</div>)}</Field>
        <Field label="Location">{p.location ?? <Text c="dimmed">—</Text>}</Field>
        <Field label="Looking for">
          <Labels items={p.needs} />
        </Field>
        <Field label="Can help with">
          <Labels items={p.offers} />
        </Field>
        <Field label="Tags">
          <Labels items={p.tags} />
        </Field>
        <Field label="How we met">{p.howWeMet ?? <Text c="dimmed">—</Text>}</Field>
        <Field label="Introduced by">{p.introducedBy === null ? <Text c="dimmed">—</Text> : <PersonLink person={p.introducedBy} onOpen={open} />}</Field>
        <Field label="Links">
          {p.linkedinUrl === null && p.website === null && <Text c="dimmed">—</Text>}
          {p.linkedinUrl !== null && <div><ExternalLink href={p.linkedinUrl}>LinkedIn</ExternalLink></div>}
          {p.website !== null && <div><ExternalLink href={p.website}>{p.website.replace(/^https?:\/\//, '')}</ExternalLink></div>}
        </Field>
        {p.birthday !== null && <Field label="Birthday">{formatBirthday(p.birthday)}</Field>}
        {p.aliases.length > 0 && <Field label="Also known as">{p.aliases.join(', ')}</Field>}
      </SimpleGrid>
      {p.notes !== null && (
        <Field label="Notes">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</Text>
        </Field>
      )}
      {p.employment.length > 0 && (
        <Field label="Work history">
          {p.employment.map((e) => (
            <Text key={e.id} size="sm">
              {[e.title, e.company].filter((x) => x !== null).join(' at ')}
              {(e.startDate !== null || e.endDate !== null) && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  ({e.startDate?.slice(0, 4) ?? '?'}–{e.endDate?.slice(0, 4) ?? 'now'})
                </Text>
              )}
            </Text>
          ))}
        </Field>
      )}
    </Section>
  )
}

export function PersonPage({ id }: { id: number }): ReactNode {
  const { version, changed } = useDataVersion()
  const { go } = useNav()
  const dialogs = useDialogs()
  const person = useApi('people.get', { id }, String(version))
  const hood = useApi('people.neighbourhood', { id }, String(version))
  const me = useApi('me.get', {}, String(version))
  const intros = useApi('introductions.list', { personId: id }, String(version))
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [error, setError] = useState<Error>()
  const relationships = useCapped(person.data?.relationships ?? [])
  const interactions = useCapped(person.data?.interactions ?? [])
  const favors = useCapped([...(person.data?.favors ?? [])].reverse())

  if (person.data === undefined || person.data.id !== id) {
    return person.error === undefined ? <Loader aria-label="Loading" /> : <ErrorNotice error={person.error} title="This person could not be loaded" />
  }
  const p = person.data
  const ref: PersonRef = { id: p.id, name: p.name }
  const open = (other: number): void => go({ page: 'person', id: other })
  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(undefined)
    try {
      await work()
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)))
    }
  }
  const archive = (): Promise<void> =>
    run(async () => {
      await call('people.archive', { id })
      changed()
      notify({
        color: 'gray',
        autoClose: 8000,
        message: (
          <Group justify="space-between">
            <Text size="sm">Archived {p.name}.</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                void call('people.unarchive', { id }).then(() => {
                  changed()
                  notify({ message: `Restored ${p.name}.`, color: 'teal' })
                })
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      })
    })
  const unarchive = (): Promise<void> =>
    run(async () => {
      await call('people.unarchive', { id })
      changed()
      notify({ message: `Restored ${p.name}.`, color: 'teal' })
    })
  const remove = (): Promise<void> =>
    run(async () => {
      setConfirmDelete(false)
      await call('people.delete', { id })
      changed()
      notify({ message: `Deleted ${p.name} for good.`, color: 'gray' })
      go({ page: 'people' })
    })
  const removeRow = (what: 'relationships.delete' | 'interactions.delete' | 'favors.delete', rowId: number, done: string): Promise<void> =>
    run(async () => {
      await call(what, { id: rowId })
      changed()
      notify({ message: done, color: 'gray' })
    })
  const meRef = me.data ?? null
  const role = [p.title, p.company].filter((x) => x !== null).join(' at ')

  return (
    <Stack gap="lg" maw={1100}>
      <BackButton />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{p.name}</Title>
            {p.isMe && <Badge variant="light">me</Badge>}
            {p.archivedAt !== null && (
              <Badge color="gray" variant="light">
                archived
              </Badge>
            )}
          </Group>
          {role !== '' && <Text c="dimmed">{role}</Text>}
          {!p.isMe && (
            <Text size="sm">
              Last talked: {p.lastInteraction === null ? 'never logged' : `${ago(p.lastInteraction.date)} (${p.lastInteraction.kind})`}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button onClick={() => dialogs.open({ kind: 'interaction', people: p.isMe ? [] : [ref] })}>Log interaction</Button>
          <Button variant="default" onClick={() => dialogs.open({ kind: 'relationship', draft: { a: ref } })}>
            Add relationship
          </Button>
          <Button
            variant="default"
            onClick={() => dialogs.open({ kind: 'favor', giver: p.isMe ? null : ref, receiver: p.isMe ? ref : meRef })}
          >
            Log favor
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" aria-label={`More actions for ${p.name}`}>
                More…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => dialogs.open({ kind: 'person', person: p })}>Edit</Menu.Item>
              <Menu.Item onClick={() => dialogs.open({ kind: 'merge', keep: p })}>Merge a duplicate into {p.name}…</Menu.Item>
              {p.archivedAt === null && !p.isMe && <Menu.Item onClick={() => void archive()}>Archive</Menu.Item>}
              {p.archivedAt !== null && <Menu.Item onClick={() => void unarchive()}>Restore from archive</Menu.Item>}
              {p.archivedAt !== null && (
                <Menu.Item color="red" onClick={() => setConfirmDelete(true)}>
                  Delete permanently…
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <ErrorNotice error={error} />

      <Profile p={p} open={open} />

      <Section title={`Relationships (${p.relationships.length})`}>
        {p.relationships.length === 0 ? (
          <Text c="dimmed" size="sm">
            No one yet. Relationships between other people matter as much as yours: they are what make paths.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`People ${p.name} knows`} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Knows</Table.Th>
                  <Table.Th scope="col">Strength</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">How known</Table.Th>
                  <Table.Th scope="col">Context</Table.Th>
                  <Table.Th scope="col">
                    <span className="kith-visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {relationships.shown.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <PersonLink person={r.other} onOpen={open} />
                      {r.other.company !== null && (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          · {r.other.company}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {strengthWord(r.strength)} ({r.strength})
                    </Table.Td>
                    <Table.Td>{capitalize(r.kind)}</Table.Td>
                    <Table.Td>{CONFIDENCE_WORDS[r.confidence as Confidence]}</Table.Td>
                    <Table.Td>{r.contexts.join('; ')}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Edit the relationship with ${r.other.name}`}
                          onClick={() =>
                            dialogs.open({
                              kind: 'relationship',
                              draft: { a: ref, b: r.other, strength: r.strength, kind: r.kind, confidence: r.confidence, contexts: r.contexts, since: r.since },
                            })
                          }
                        >
                          Edit
                        </Button>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove the relationship with ${r.other.name}`}
                          onClick={() => void removeRow('relationships.delete', r.id, `Removed the relationship between ${p.name} and ${r.other.name}.`)}
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {relationships.toggle}
      </Section>

      <Section title="Neighbourhood">{hood.data !== undefined && hood.data.center.id === id ? <Neighbourhood hood={hood.data} onOpen={open} /> : <Loader size="sm" aria-label="Drawing" />}</Section>

      <Section title={`Interactions (${p.interactions.length})`}>
        {p.interactions.length === 0 ? (
          <Text c="dimmed" size="sm">
            None logged. Press Ctrl+I (⌘I on a Mac) anywhere to log one.
          </Text>
        ) : (
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Interactions, newest first">
            {interactions.shown.map((i) => (
              <li key={i.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text size="sm">
                      <Text span fw={600}>
                        {formatDate(i.date)}
                      </Text>{' '}
                      · {capitalize(i.kind)} with{' '}
                      {i.people.map((other, k) => (
                        <span key={other.id}>
                          {k > 0 && ', '}
                          {other.id === p.id ? other.name : <PersonLink person={other} onOpen={open} />}
                        </span>
                      ))}
                      {i.withMe ? '' : ' (without you)'}
                    </Text>
                    {i.note !== null && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {i.note}
                      </Text>
                    )}
                  </div>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete the ${i.kind} of ${formatDate(i.date)}`} onClick={() => void removeRow('interactions.delete', i.id, 'Deleted the interaction.')}>
                    ×
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {interactions.toggle}
      </Section>

      <Section title={`Favors (${p.favors.length})`}>
        {p.balance !== null && (
          <Alert color={p.balance.balance >= 0 ? 'teal' : 'yellow'} variant="light" role="status">
            You gave {p.name} {p.balance.givenByMe} {p.balance.givenByMe === 1 ? 'favor' : 'favors'} ({p.balance.pointsGivenByMe} points) and received{' '}
            {p.balance.receivedByMe} ({p.balance.pointsReceivedByMe} points):{' '}
            {p.balance.balance === 0 ? 'even.' : p.balance.balance > 0 ? `they owe you ${p.balance.balance}.` : `you owe them ${-p.balance.balance}.`}
          </Alert>
        )}
        {p.favors.length === 0 ? (
          <Text c="dimmed" size="sm">
            No favors logged.
          </Text>
        ) : (
          <Table aria-label="Favors" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col">To</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Size</Table.Th>
                <Table.Th scope="col" ta="right">
                  Balance
                </Table.Th>
                <Table.Th scope="col">
                  <span className="kith-visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {favors.shown.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{formatDate(f.date)}</Table.Td>
                  <Table.Td>{f.giver.id === p.id ? f.giver.name : <PersonLink person={f.giver} onOpen={open} />}</Table.Td>
                  <Table.Td>{f.receiver.id === p.id ? f.receiver.name : <PersonLink person={f.receiver} onOpen={open} />}</Table.Td>
                  <Table.Td>
                    {capitalize(f.kind)}
                    {f.note !== null && (
                      <Text size="xs" c="dimmed">
                        {f.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{capitalize(f.size)}</Table.Td>
                  <Table.Td ta="right">{f.runningBalance === null ? '' : f.runningBalance > 0 ? `+${f.runningBalance}` : String(f.runningBalance)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button size="compact-xs" variant="subtle" aria-label={`Edit the favor of ${formatDate(f.date)}`} onClick={() => dialogs.open({ kind: 'favor', favor: f })}>
                      Edit
                    </Button>
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete the favor of ${formatDate(f.date)}`} onClick={() => void removeRow('favors.delete', f.id, 'Deleted the favor.')}>
                      ×
                    </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {favors.toggle}
      </Section>

      <Section
        title="Introductions"
        actions={
          !p.isMe && p.archivedAt === null ? (
            <Button size="xs" variant="default" onClick={() => dialogs.open({ kind: 'connect', a: ref })}>
              Introduce {p.name} to someone
            </Button>
          ) : undefined
        }
      >
        {intros.data === undefined || intros.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            No introductions involve {p.name} yet.
          </Text>
        ) : (
          <IntroductionsTable list={intros.data} label={`Introductions involving ${p.name}`} />
        )}
      </Section>

      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={`Delete ${p.name} for good?`}>
        <Stack>
          <Text>
            This removes {p.name} with their relationships and favors, and interactions no one else attended. It cannot be undone
            (backups in Settings still hold them).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void remove()}>
              Delete permanently
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
