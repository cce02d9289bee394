import { call } from '../../../lib/client'
import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonDetail } from '../../../../../shared/types'
import { capitalize } from '../../../../../shared/vocab'
import { Section } from '../../../components/Section'
import { formatDate } from '../../../lib/format'
import { useDialogs } from '../../../dialogs/Dialogs'
import { PersonLink, type Capped, type RemoveRow } from './parts'

export function InteractionsSection({
  p,
  interactions,
  open,
  removeRow,
}: {
  p: PersonDetail
  interactions: Capped<PersonDetail['interactions'][number]>
  open: (id: number) => void
  removeRow: RemoveRow
}): ReactNode {
  const dialogs = useDialogs()
  return (
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
                <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="subtle" aria-label={`Edit the ${i.kind} of ${formatDate(i.date)}`} onClick={() => dialogs.open({ kind: 'interaction', interaction: i })}>
                  Edit
                </Button>
                <ActionIcon variant="subtle" color="red" aria-label={`Delete the ${i.kind} of ${formatDate(i.date)}`} onClick={() =>
                    void removeRow('interactions.delete', i.id, `Deleted the ${i.kind} of ${formatDate(i.date)}.`, () =>
                      call('interactions.log', { date: i.date, kind: i.kind, people: i.people.map((x) => x.id), note: i.note, withMe: i.withMe }),
                    )
                  }
                >
                  ×
                </ActionIcon>
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {interactions.toggle}
    </Section>
  )
}
