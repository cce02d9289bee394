import { Alert, Button, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ARCHIVE_FORMAT_LABELS, IGNORED_REASONS, archiveItemCount, ignoredWords, type ArchivePreview as Preview, type LearnedPerson, type ProposedOwnAddress } from '../../../../shared/imports'
import { plural } from '../../../../shared/format'
import { strengthWord } from '../../../../shared/vocab'

/** Rows shown per table; the rest are counted. */
const SHOWN = 50

const REASON_WORDS: Record<ProposedOwnAddress['reason'], string> = {
  'sent-label': 'labelled Sent by Gmail',
  'sent-folder': 'in a Sent folder',
}

function More({ total }: { total: number }): ReactNode {
  return total > SHOWN ? <Text size="sm" c="dimmed">and {(total - SHOWN).toLocaleString()} more</Text> : null
}

function PeopleTable({ title, people, total }: { title: string; people: LearnedPerson[]; total: number }): ReactNode {
  if (people.length === 0) return null
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {title} ({total.toLocaleString()})
      </Title>
      <Table aria-label={title} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">You wrote</Table.Th>
            <Table.Th scope="col">They wrote</Table.Th>
            <Table.Th scope="col">Meetings</Table.Th>
            <Table.Th scope="col">Estimated strength</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.slice(0, SHOWN).map((p) => (
            <Table.Tr key={`${p.email ?? ''}-${p.name}`}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>
                {p.email ?? ''}
                {p.byName && (
                  <Text span size="xs" c="dimmed" display="block">
                    matched by name: the address is added
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.sent}</Table.Td>
              <Table.Td>{p.received}</Table.Td>
              <Table.Td>{p.meetings}</Table.Td>
              <Table.Td title={p.explanation}>{p.strength === null ? 'not estimated' : strengthWord(p.strength)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <More total={total} />
    </Stack>
  )
}

/** The addresses the archive suggests are mine, each to tick, and the button that saves them and reads the archive again. */
function OwnAddresses({ preview, onConfirm, busy }: { preview: Preview; onConfirm: (emails: string[]) => void; busy: boolean }): ReactNode {
  const { known, proposed } = preview.ownAddresses
  const [chosen, setChosen] = useState(() => new Set(proposed.map((p) => p.email)))
  if (proposed.length === 0) {
    return known.length === 0 ? null : <Text size="sm">Counted as your addresses: {known.join(', ')}</Text>
  }
  return (
    <Alert color="yellow" title="Are these your addresses?">
      <Stack gap="xs">
        <Text size="sm">
          {known.length === 0 ? '' : `Kith counts ${known.join(', ')} as yours. `}
          These addresses sent this archive's sent mail. Confirm the ones that are yours: Kith keeps them for your next imports and reads the archive again,
          so it can tell what you sent from what you received.
        </Text>
        {proposed.map((p) => (
          <Checkbox
            key={p.email}
            label={`${p.email}${p.name === null ? '' : ` (${p.name})`}: ${p.count.toLocaleString()} sent, ${REASON_WORDS[p.reason]}`}
            checked={chosen.has(p.email)}
            onChange={(event) => {
              const next = new Set(chosen)
              if (event.currentTarget.checked) next.add(p.email)
              else next.delete(p.email)
              setChosen(next)
            }}
          />
        ))}
        <Group>
          <Button onClick={() => onConfirm([...chosen])} disabled={chosen.size === 0 || busy} loading={busy}>
            Confirm my addresses and read again
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

export function ArchivePreview({
  preview,
  onApply,
  onCancel,
  onConfirmAddresses,
  busy,
}: {
  preview: Preview
  onApply: () => void
  onCancel: () => void
  onConfirmAddresses: (emails: string[]) => void
  busy: boolean
}): ReactNode {
  const { created, matched, heardFrom } = preview.people
  const { totals } = preview
  const ignored = IGNORED_REASONS.filter((why) => preview.ignored[why] > 0)
  // The button that asked for the preview is busy and then gone: the keyboard goes to the preview's summary.
  const top = useRef<HTMLDivElement>(null)
  useEffect(() => top.current?.focus(), [preview.jobId])
  return (
    <Stack gap="md">
      <Alert color="blue" title={`Preview: ${preview.fileName}`} role="status" ref={top} tabIndex={-1}>
        {ARCHIVE_FORMAT_LABELS[preview.format]}, {archiveItemCount(preview.format, preview.messages)} read. {plural(totals.created, 'new person', 'new people')},{' '}
        {totals.matched.toLocaleString()} already in Kith, {totals.heardFrom.toLocaleString()} heard from (not added);{' '}
        {plural(preview.interactions, 'interaction')} and {plural(totals.ties, 'proposed tie')} between others. Nothing is written until you apply.
      </Alert>
      <OwnAddresses key={preview.jobId} preview={preview} onConfirm={onConfirmAddresses} busy={busy} />
      {preview.notes.length > 0 && (
        <List size="sm">
          {preview.notes.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      )}
      <PeopleTable title="New people" people={created} total={totals.created} />
      <PeopleTable title="Already in Kith" people={matched} total={totals.matched} />
      {preview.ties.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h5">
            Proposed ties ({totals.ties.toLocaleString()})
          </Title>
          <Table aria-label="Proposed ties" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">People</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.ties.slice(0, SHOWN).map((t) => (
                <Table.Tr key={`${t.a}-${t.b}`}>
                  <Table.Td>
                    {t.a} and {t.b}
                  </Table.Td>
                  <Table.Td>{t.context}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <More total={totals.ties} />
        </Stack>
      )}
      {heardFrom.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h5">
            Heard from, not added ({totals.heardFrom.toLocaleString()})
          </Title>
          <Table aria-label="Heard from, not added" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">You wrote</Table.Th>
                <Table.Th scope="col">They wrote</Table.Th>
                <Table.Th scope="col">Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {heardFrom.slice(0, SHOWN).map((h) => (
                <Table.Tr key={`${h.email ?? ''}-${h.name}`}>
                  <Table.Td>{h.name}</Table.Td>
                  <Table.Td>{h.email ?? ''}</Table.Td>
                  <Table.Td>{h.sent}</Table.Td>
                  <Table.Td>{h.received}</Table.Td>
                  <Table.Td>{h.rejected ? 'You rejected them before; not added again' : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <More total={totals.heardFrom} />
        </Stack>
      )}
      {ignored.length > 0 && (
        <Text size="sm">
          Left out: {ignored.map((why) => ignoredWords(preview.format, why, preview.ignored[why])).join(', ')}.
        </Text>
      )}
      {preview.errors.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h5">
            Could not be read ({totals.errors.toLocaleString()})
          </Title>
          <List size="sm">
            {preview.errors.slice(0, SHOWN).map((e, i) => (
              <List.Item key={`${e.line}-${i}`}>
                #{e.line}: {e.message}
              </List.Item>
            ))}
          </List>
          <More total={totals.errors} />
        </Stack>
      )}
      <Group>
        <Button onClick={onApply} disabled={busy} loading={busy}>
          Apply
        </Button>
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
