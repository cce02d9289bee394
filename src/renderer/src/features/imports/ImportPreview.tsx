import { Alert, Badge, Button, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core'
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import {
  FORMAT_LABELS,
  type ImportDecision,
  type ImportPreview as Preview,
  type ImportProblem,
  type MatchAction,
  type PreviewMatch,
  type PreviewNew,
  type PreviewRelationship,
} from '../../../../shared/imports'
import { STRENGTHS, STRENGTH_WORDS } from '../../../../shared/vocab'
import { TableHeader, type Column } from '../../components/TableHeader'
import { pageOf } from '../../lib/paging'
import { TablePages } from '../../components/TablePages'

const ACTIONS: { value: string; label: string }[] = [
  { value: 'merge:mine', label: 'Merge, keep my values' },
  { value: 'merge:file', label: "Merge, take the file's values" },
  { value: 'new', label: 'Add as a new person' },
  { value: 'skip', label: 'Skip' },
]

const BY: Record<string, string> = { email: 'same email', linkedin: 'same LinkedIn profile', 'name and company': 'same name and company' }

function decisionValue(d: ImportDecision | undefined): string {
  if (d === undefined || d.action === 'merge') return `merge:${d?.prefer ?? 'mine'}`
  return d.action
}

function toDecision(index: number, value: string): ImportDecision {
  const [action, prefer] = value.split(':') as [MatchAction, 'mine' | 'file' | undefined]
  return { index, action, prefer: prefer ?? 'mine' }
}

function problemRow(p: ImportProblem, i: number): ReactNode {
  return (
    <Table.Tr key={`${p.line}-${i}`}>
      <Table.Td>{p.line}</Table.Td>
      <Table.Td>{p.message}</Table.Td>
    </Table.Tr>
  )
}

function newRow(p: PreviewNew): ReactNode {
  return (
    <Table.Tr key={p.index}>
      <Table.Td>
        {p.name}
        {p.duplicates > 0 && <Text size="xs" c="dimmed">and {p.duplicates} repeated row{p.duplicates === 1 ? '' : 's'}</Text>}
        {p.namesakes.length > 0 && (
          <Text size="xs" c="orange.9">
            Same name as {p.namesakes.map((n) => (n.company === null ? n.name : `${n.name} (${n.company})`)).join(', ')} in Kith. If they are the same person (a
            new job, say), merge them on that person&apos;s page after the import.
          </Text>
        )}
      </Table.Td>
      <Table.Td>{[p.title, p.company].filter((x) => x !== null).join(', ')}</Table.Td>
      <Table.Td>{p.email ?? ''}</Table.Td>
      <Table.Td>{p.line}</Table.Td>
    </Table.Tr>
  )
}

function relationshipRow(r: PreviewRelationship): ReactNode {
  return (
    <Table.Tr key={r.line}>
      <Table.Td>
        {r.a} and {r.b}
        {r.creates.length > 0 && <Text size="xs" c="dimmed">adds {r.creates.join(' and ')}</Text>}
      </Table.Td>
      <Table.Td>{r.strength}</Table.Td>
      <Table.Td>{r.action === 'new' ? 'new' : r.action === 'update' ? 'changes strength' : 'same strength'}</Table.Td>
      <Table.Td>{r.line}</Table.Td>
    </Table.Tr>
  )
}

function matchRow(m: PreviewMatch, decision: ImportDecision | undefined, onDecide: (d: ImportDecision) => void): ReactNode {
  return (
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
          value={decisionValue(decision)}
          onChange={(v) => v !== null && onDecide(toDecision(m.index, v))}
          data={ACTIONS}
        />
      </Table.Td>
    </Table.Tr>
  )
}

/**
 * The preview: drawn again only when what it shows changes (not on every
 * progress step of the import under way, which re-rendered thousands of
 * rows' worth of work five times a second).
 */
export const ImportPreview = memo(function ImportPreview({
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
  // The summary and the buttons show first; the tables' rows follow in a render of their own,
  // so neither is one long stall of the window.
  const tablesOf = useDeferredValue<Preview | null>(preview, null)
  // The tables are made once per preview (the matches' again when a choice changes), so the
  // progress shown while the import is written does not lay out their rows again.
  const matches = useMemo(
    () => (
      <PagedTable
        title="Already in Kith"
        label="Already in Kith"
        noun="matches"
        navLabel="Pages of people already in Kith"
        columns={['In the file', 'Matches', 'Differences', 'What to do']}
        items={preview.matches}
        total={c.matches}
        row={(m) => matchRow(m, decisions.get(m.index), onDecide)}
      />
    ),
    [preview.matches, c.matches, decisions, onDecide],
  )
  const others = useMemo(
    () => (
      <>
        <PagedTable
          title="New"
          label="New people"
          noun="new people"
          columns={['Name', 'Company', 'Email', { label: 'Line', width: 80 }]}
          items={preview.newPeople}
          total={c.new}
          row={newRow}
        />
        <PagedTable
          title="Relationships"
          label="Relationships in the file"
          noun="relationships"
          columns={['People', 'Strength', 'Change', { label: 'Line', width: 80 }]}
          items={preview.relationships}
          total={preview.relationships.length}
          row={relationshipRow}
        />
        <PagedTable title="Could not be read" label="Could not be read" noun="unreadable rows" columns={PROBLEM_COLUMNS} items={preview.errors} total={c.errors} row={problemRow} />
        <PagedTable
          title="Left out or read differently"
          label="Left out or read differently"
          noun="rows left out"
          columns={PROBLEM_COLUMNS}
          items={preview.warnings}
          total={preview.warnings.length}
          row={problemRow}
        />
        <PagedTable title="Skipped" label="Skipped" noun="skipped rows" columns={PROBLEM_COLUMNS} items={preview.ignored} total={c.ignored} row={problemRow} />
      </>
    ),
    [preview, c.new, c.errors, c.ignored],
  )
  const isSheet = preview.format === 'relationships'
  const willWrite = preview.format === 'json' ? c.new : c.new + c.matches - c.unchanged + c.relationshipsNew + c.relationshipsUpdated
  // The button that asked for the preview is busy and then gone: the keyboard goes to the preview's summary.
  const top = useRef<HTMLDivElement>(null)
  useEffect(() => top.current?.focus(), [preview.jobId])
  return (
    <Stack gap="md">
      <Alert color="blue" title={`Preview: ${preview.fileName}`} role="status" ref={top} tabIndex={-1}>
        <Text size="sm">
          {FORMAT_LABELS[preview.format]}, {preview.records.toLocaleString()} {preview.records === 1 ? 'record' : 'records'}. Nothing has been written yet.
        </Text>
        <List size="sm" mt="xs">
          {!isSheet && <List.Item>{c.new.toLocaleString()} new {c.new === 1 ? 'person' : 'people'}</List.Item>}
          {!isSheet && preview.format !== 'json' && (
            <List.Item>
              {c.matches.toLocaleString()} already in Kith{c.unchanged > 0 ? ` (${c.unchanged.toLocaleString()} with nothing new)` : ''}
            </List.Item>
          )}
          {c.duplicates > 0 && <List.Item>{c.duplicates === 1 ? '1 repeated row folded into an earlier one' : `${c.duplicates.toLocaleString()} repeated rows folded into earlier ones`}</List.Item>}
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

      {tablesOf === preview && matches}
      {tablesOf === preview && others}

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
})

const PROBLEM_COLUMNS: readonly Column[] = [{ label: 'Line', width: 80 }, 'Problem']

/**
 * One part of the preview: a heading with its count, a page of its rows, and
 * the pages of the rest (every choice made on a page is kept while paging).
 * The backend sends at most a few hundred of each; `total` counts them all.
 */
function PagedTable<T>({
  title,
  label,
  noun,
  navLabel = `Pages of ${noun}`,
  columns,
  items,
  total,
  row,
}: {
  title: string
  label: string
  noun: string
  navLabel?: string
  columns: readonly Column[]
  items: readonly T[]
  total: number
  row: (item: T, index: number) => ReactNode
}): ReactNode {
  const [page, setPage] = useState(1)
  if (items.length === 0) return null
  const shown = pageOf(items, page)
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {title} ({total.toLocaleString()})
      </Title>
      <Table aria-label={label} striped>
        <TableHeader columns={columns} />
        <Table.Tbody>{shown.rows.map((item, i) => row(item, shown.first + i))}</Table.Tbody>
      </Table>
      <TablePages shown={shown} total={items.length} noun={noun} navLabel={navLabel} onPage={setPage} />
      {total > items.length && (
        <Text size="sm" c="dimmed">
          and {(total - items.length).toLocaleString()} more
        </Text>
      )}
    </Stack>
  )
}
