import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { BATCH_FORMAT_LABELS, keptWords, type ImportBatchView } from '../../../../shared/imports'
import { plural } from '../../../../shared/format'
import { call } from '../../lib/client'
import { useApi } from '../../lib/useApi'
import { useNav } from '../../lib/nav'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { asError } from '../../lib/errors'
import { TableHeader } from '../../components/TableHeader'

export function HistorySection({ version, onUndone }: { version: number; onUndone: () => void }): ReactNode {
  const imports = useApi('imports.list', {}, String(version))
  const { go } = useNav()
  const [candidate, setCandidate] = useState<ImportBatchView>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Error>()
  /** What the last undo did, shown until another import comes (the newest import then differs). */
  const [message, setMessage] = useState<{ text: string; newest: number | undefined }>()
  const newest = imports.data?.[0]?.id
  const said = useRef<HTMLDivElement>(null)
  // Once, when an undo's result is new.
  useEffect(() => {
    if (message !== undefined) said.current?.focus()
  }, [message])

  async function undo(batch: ImportBatchView): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      const r = await call('imports.undo', { id: batch.id })
      setMessage({
        text: `Undid the import of ${batch.fileName}: ${plural(r.peopleDeleted, 'person', 'people')} removed, ${r.peopleRestored} put back as they were. ${keptWords(r.peopleKept)}${r.peopleKept.length > 0 ? ' ' : ''}A backup from just before is kept.`,
        newest,
      })
      onUndone()
    } catch (err) {
      setError(asError(err))
    } finally {
      setBusy(false)
      setCandidate(undefined)
    }
  }

  return (
    <Section title="Import history">
      <ErrorNotice error={imports.error ?? error} />
      {message !== undefined && message.newest === newest && (
        // The Undo button that was pressed is gone with its row: the keyboard comes to what the undo did.
        <Alert color="teal" role="status" tabIndex={-1} ref={said}>
          {message.text}
        </Alert>
      )}
      {imports.data !== undefined && imports.data.length === 0 && <Text c="dimmed">No imports yet.</Text>}
      {imports.data !== undefined && imports.data.length > 0 && (
        <Table aria-label="Import history">
          <TableHeader columns={['When', 'File', 'Result']} actions />
          <Table.Tbody>
            {imports.data.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{new Date(b.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>
                  {b.fileName}
                  <Text size="xs" c="dimmed">
                    {BATCH_FORMAT_LABELS[b.format]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {b.created} created, {b.updated} updated
                  {b.undoneAt !== null && (
                    <Text size="xs" c="dimmed">
                      undone {new Date(b.undoneAt).toLocaleString()}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {b.undoneAt === null && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {b.tag !== null && (
                        <Button size="xs" variant="subtle" onClick={() => b.tag !== null && go({ page: 'people', tag: b.tag })} aria-label={`People from ${b.fileName}`}>
                          People
                        </Button>
                      )}
                      <Button size="xs" variant="default" onClick={() => setCandidate(b)} aria-label={`Undo the import of ${b.fileName}`}>
                        Undo
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={candidate !== undefined} onClose={() => setCandidate(undefined)} title="Undo this import?">
        <Stack>
          <Text>
            {(candidate?.created ?? 0) === 1 ? 'The one person or relationship' : `The ${candidate?.created ?? 0} people and relationships`} it added will be
            deleted, with what this import attached to them (anyone who has more since, like an introduction or an interaction logged
            another way, is kept)
            {(candidate?.updated ?? 0) === 0
              ? ''
              : `, and the ${(candidate?.updated ?? 0) === 1 ? 'one' : (candidate?.updated ?? 0)} it changed ${(candidate?.updated ?? 0) === 1 ? 'gets' : 'get'} back what ${(candidate?.updated ?? 0) === 1 ? 'it' : 'they'} had (unless you have edited them since)`}
            . Kith takes a backup first.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCandidate(undefined)}>
              Keep it
            </Button>
            <Button color="red" loading={busy} onClick={() => candidate !== undefined && void undo(candidate)}>
              Undo import
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  )
}
