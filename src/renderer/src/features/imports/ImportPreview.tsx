import { Alert, Badge, Button, Group, List, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { FORMAT_LABELS, type ImportDecision, type ImportPreview as Preview, type ImportProblem, type MatchAction } from '../../../../shared/imports'
import { STRENGTHS, STRENGTH_WORDS } from '../../../../shared/vocab'
import { TableHeader, type Column } from '../../components/TableHeader'

const ACTIONS: { value: string; label: string }[] = [
  { value: 'merge:mine', label: 'Merge, keep my values' },
  { value: 'merge:file', label: "Merge, take the file's values" },
  { value: 'new', label: 'Add as a new person' },
  { value: 'skip', label: 'Skip' },
]

/**
 * Matches shown at once. Each has its own choice box, and thousands of them
 * at once (a file imported twice) would freeze the window for seconds; the
 * rest are a page away, and every choice is kept while paging.
 */
const MATCHES_PER_PAGE = 50

const BY: Record<string, string> = { email: 'same email', linkedin: 'same LinkedIn profile', 'name and company': 'same name and company' }

function decisionValue(d: ImportDecision | undefined): string {
  if (d === undefined || d.action === 'merge') return `merge:${d?.prefer ?? 'mine'}`
  return d.action
}

function toDecision(index: number, value: string): ImportDecision {
  const [action, prefer] = value.split(':') as [MatchAction, 'mine' | 'file' | undefined]
  return { index, action, prefer: prefer ?? 'mine' }
}

function Problems({ title, items, total }: { title: string; items: ImportProblem[]; total: number }): ReactNode {
  if (items.length === 0) return null
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {title} ({total})
      </Title>
      <Table aria-label={title} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={80}>
              Line
            </Table.Th>
            <Table.Th scope="col">Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p, i) => (
            <Table.Tr key={`${p.line}-${i}`}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > items.length && <Text size="sm" c="dimmed">and {total - items.length} more</Text>}
    </Stack>
  )
}

export function ImportPreview({
  preview,
  strength,
  onStrength,
  decisions,
  onDecide,
  onApply,
  onCancel,
  applying,
}: {
  preview: Preview
  strength: number | null
  onStrength: (s: number | null) => void
  decisions: Map<number, ImportDecision>
  onDecide: (d: ImportDecision) => void
  onApply: () => void
  onCancel: () => void
  applying: boolean
}): ReactNode {
  const c = preview.counts
  const [matchPage, setMatchPage] = useState(1)
  const matchPages = Math.ceil(preview.matches.length / MATCHES_PER_PAGE)
  const firstMatch = (Math.min(matchPage, Math.max(1, matchPages)) - 1) * MATCHES_PER_PAGE
  const pageOfMatches = preview.matches.slice(firstMatch, firstMatch + MATCHES_PER_PAGE)
  const isSheet = preview.format === 'relationships'
  const willWrite = preview.format === 'json' ? c.new : c.new + c.matches - c.unchanged + c.relationshipsNew + c.relationshipsUpdated
  return (
    <Stack gap="md">
      <Alert color="blue" title={`Preview: ${preview.fileName}`} role="status">
        <Text size="sm">
          {FORMAT_LABELS[preview.format]}, {preview.records.toLocaleString()} records. Nothing has been written yet.
        </Text>
        <List size="sm" mt="xs">
          {!isSheet && <List.Item>{c.new.toLocaleString()} new {c.new === 1 ? 'person' : 'people'}</List.Item>}
          {!isSheet && preview.format !== 'json' && (
            <List.Item>
              {c.matches.toLocaleString()} already in Kith{c.unchanged > 0 ? ` (${c.unchanged.toLocaleString()} with nothing new)` : ''}
            </List.Item>
          )}
          {c.duplicates > 0 && <List.Item>{c.duplicates.toLocaleString()} repeated rows folded into earlier ones</List.Item>}
          {isSheet && (
            <List.Item>
              {c.relationshipsNew} new relationships, {c.relationshipsUpdated} changed, {c.peopleCreatedForRelationships} people to add
            </List.Item>
          )}
          {c.ignored > 0 && <List.Item>{c.ignored} skipped (address book groups)</List.Item>}
          {c.errors > 0 && <List.Item>{c.errors} could not be read (listed below; they will not be imported)</List.Item>}
        </List>
        {preview.tag !== null && (
          <Text size="sm" mt="xs">
            Everyone imported is tagged <Badge variant="light">{preview.tag}</Badge>, so the import can be found and undone.
          </Text>
        )}
      </Alert>
      {preview.notes.map((n) => (
        <Alert key={n} color="yellow" role="note">
          {n}
        </Alert>
      ))}

      {preview.format !== 'json' && (
        <Select
          label="Link imported people to me as"
          description={preview.meSet ? 'How well you know them; you can change anyone later.' : 'Say who you are (People page) to link them to you.'}
          disabled={!preview.meSet}
          w={340}
          allowDeselect={false}
          value={strength === null ? 'none' : String(strength)}
          onChange={(v) => onStrength(v === null || v === 'none' ? null : Number(v))}
          data={[
            { value: 'none', label: "Don't link them to me" },
            ...STRENGTHS.map((s) => ({ value: String(s), label: `${s}: ${STRENGTH_WORDS[s]}` })),
          ]}
        />
      )}

      <PreviewTable title="Already in Kith" label="Already in Kith" columns={['In the file', 'Matches', 'Differences', 'What to do']} shown={preview.matches.length} total={c.matches}>
          {pageOfMatches.map((m) => (
            <Table.Tr key={m.index}>
              <Table.Td>
                {m.name}
                {m.company !== null && <Text size="xs" c="dimmed">{m.company}</Text>}
                <Text size="xs" c="dimmed">
                  line {m.line}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.existing.name}
                <Text size="xs" c="dimmed">
                  {BY[m.by] ?? m.by}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.adds.length === 0 && m.conflicts.length === 0 && <Text size="sm" c="dimmed">nothing new</Text>}
                {m.adds.length > 0 && <Text size="sm">adds {m.adds.join(', ')}</Text>}
                {m.conflicts.map((x) => (
                  <Text size="sm" key={x.field}>
                    {x.field}: “{x.mine}” here, “{x.file}” in the file
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`What to do with ${m.name} (line ${m.line})`}
                  size="xs"
                  w={230}
                  allowDeselect={false}
                  value={decisionValue(decisions.get(m.index))}
                  onChange={(v) => v !== null && onDecide(toDecision(m.index, v))}
                  data={ACTIONS}
                />
              </Table.Td>
            </Table.Tr>
          ))}
      </PreviewTable>
      {matchPages > 1 && (
        <Group gap="sm" component="nav" aria-label="Pages of people already in Kith">
          <Pagination
            size="sm"
            total={matchPages}
            value={matchPage}
            onChange={setMatchPage}
            getItemProps={(page) => ({ 'aria-label': `Matches, page ${page} of ${matchPages}` })}
            getControlProps={(control) => ({ 'aria-label': `${control === 'next' ? 'Next' : control === 'previous' ? 'Previous' : control === 'first' ? 'First' : 'Last'} page of matches` })}
          />
          <Text size="sm" c="dimmed">
            {(firstMatch + 1).toLocaleString()}–{(firstMatch + pageOfMatches.length).toLocaleString()} of {preview.matches.length.toLocaleString()}
          </Text>
        </Group>
      )}

      <PreviewTable title="New" label="New people" columns={['Name', 'Company', 'Email', { label: 'Line', width: 80 }]} shown={preview.newPeople.length} total={c.new}>
          {preview.newPeople.map((p) => (
            <Table.Tr key={p.index}>
              <Table.Td>
                {p.name}
                {p.duplicates > 0 && <Text size="xs" c="dimmed">and {p.duplicates} repeated row{p.duplicates === 1 ? '' : 's'}</Text>}
              </Table.Td>
              <Table.Td>{[p.title, p.company].filter((x) => x !== null).join(', ')}</Table.Td>
              <Table.Td>{p.email ?? ''}</Table.Td>
              <Table.Td>{p.line}</Table.Td>
            </Table.Tr>
          ))}
      </PreviewTable>

      <PreviewTable title="Relationships" label="Relationships in the file" columns={['People', 'Strength', 'Change', { label: 'Line', width: 80 }]} shown={preview.relationships.length} total={preview.relationships.length}>
          {preview.relationships.map((r) => (
            <Table.Tr key={r.line}>
              <Table.Td>
                {r.a} and {r.b}
                {r.creates.length > 0 && <Text size="xs" c="dimmed">adds {r.creates.join(' and ')}</Text>}
              </Table.Td>
              <Table.Td>{r.strength}</Table.Td>
              <Table.Td>{r.action === 'new' ? 'new' : r.action === 'update' ? 'changes strength' : 'same strength'}</Table.Td>
              <Table.Td>{r.line}</Table.Td>
            </Table.Tr>
          ))}
      </PreviewTable>

      <Problems title="Could not be read" items={preview.errors} total={c.errors} />
      <Problems title="Left out or read differently" items={preview.warnings} total={preview.warnings.length} />
      <Problems title="Skipped" items={preview.ignored} total={c.ignored} />

      <Group>
        <Button onClick={onApply} loading={applying}>
          Import {preview.fileName}
        </Button>
        {willWrite === 0 && <Text size="sm" c="dimmed">Nothing in this file is new.</Text>}
        <Button variant="default" onClick={onCancel} disabled={applying}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}

/** One part of the preview: a heading with its count, the rows shown, and how many more there are. */
function PreviewTable({ title, label, columns, shown, total, children }: { title: string; label: string; columns: readonly Column[]; shown: number; total: number; children: ReactNode }): ReactNode {
  if (shown === 0) return null
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {title} ({total})
      </Title>
      <Table aria-label={label} striped>
        <TableHeader columns={columns} />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
      {total > shown && (
        <Text size="sm" c="dimmed">
          and {(total - shown).toLocaleString()} more
        </Text>
      )}
    </Stack>
  )
}
