import { call } from '../../../lib/client'
import { ActionIcon, Button, Group, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonDetail, PersonRef } from '../../../../../shared/types'
import { CONFIDENCE_WORDS, capitalize } from '../../../../../shared/vocab'
import { Section } from '../../../components/Section'
import { useDialogs } from '../../../dialogs/Dialogs'
import { formatDate, strengthWord } from '../../../lib/format'
import { PersonLink, type Capped, type RemoveRow } from './parts'
import { TableHeader } from '../../../components/TableHeader'

export function RelationshipsSection({
  p,
  relationships,
  open,
  removeRow,
}: {
  p: PersonDetail
  relationships: Capped<PersonDetail['relationships'][number]>
  open: (id: number) => void
  removeRow: RemoveRow
}): ReactNode {
  const dialogs = useDialogs()
  const ref: PersonRef = { id: p.id, name: p.name }
  return (
    <Section title={`Relationships (${p.relationships.length})`}>
      {p.relationships.length === 0 ? (
        <Text c="dimmed" size="sm">
          No one yet. Relationships between other people matter as much as yours: they are what make paths.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={`People ${p.name} knows`} highlightOnHover>
            <TableHeader columns={['Knows', 'Strength', 'Kind', 'How known', 'Context']} actions />
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
                    {r.strengthEstimate !== null && (
                      // Estimated from mail and calendars: why, as the review said it (kept until the user sets a strength).
                      <Text size="xs" c="dimmed" display="block">
                        Estimated {formatDate(r.updatedAt.slice(0, 10))}: {r.strengthEstimate}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{capitalize(r.kind)}</Table.Td>
                  <Table.Td>{CONFIDENCE_WORDS[r.confidence]}</Table.Td>
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
                        onClick={() =>
                          void removeRow('relationships.delete', r.id, `Removed the relationship between ${p.name} and ${r.other.name}.`, () =>
                            call('relationships.set', { a: p.id, b: r.other.id, strength: r.strength, kind: r.kind, confidence: r.confidence, contexts: r.contexts, since: r.since }),
                          )
                        }
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
  )
}
