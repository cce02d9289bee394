import { call } from '../../../lib/client'
import { ActionIcon, Alert, Button, Group, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonDetail } from '../../../../../shared/types'
import { capitalize } from '../../../../../shared/vocab'
import { Section } from '../../../components/Section'
import { useDialogs } from '../../../dialogs/Dialogs'
import { formatDate } from '../../../lib/format'
import { plural } from '../../../../../shared/format'
import { PersonLink, type Capped, type RemoveRow } from './parts'
import { TableHeader } from '../../../components/TableHeader'

/** Favors between this person and others, newest first, with the balance between them and the user. */
export function FavorsSection({
  p,
  favors,
  open,
  removeRow,
}: {
  p: PersonDetail
  favors: Capped<PersonDetail['favors'][number]>
  open: (id: number) => void
  removeRow: RemoveRow
}): ReactNode {
  const dialogs = useDialogs()
  return (
    <Section title={`Favors (${p.favors.length})`}>
      {p.balance !== null && (
        <Alert color={p.balance.balance >= 0 ? 'teal' : 'yellow'} variant="light" role="status">
          You gave {p.name} {plural(p.balance.givenByMe, 'favor')} ({plural(p.balance.pointsGivenByMe, 'point')}) and received{' '}
          {p.balance.receivedByMe} ({plural(p.balance.pointsReceivedByMe, 'point')}):{' '}
          {p.balance.balance === 0 ? 'even.' : p.balance.balance > 0 ? `they owe you ${p.balance.balance}.` : `you owe them ${-p.balance.balance}.`}
        </Alert>
      )}
      {p.favors.length === 0 ? (
        <Text c="dimmed" size="sm">
          No favors logged.
        </Text>
      ) : (
        <Table aria-label="Favors" highlightOnHover>
          <TableHeader columns={['Date', 'From', 'To', 'Kind', 'Size', { label: 'Balance', numeric: true }]} actions />
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
                  {f.settled.length > 0 && (
                    <Text size="xs" c="dimmed">
                      Gives back for an introduction: {f.settled.length === 1 ? 'that follow-up is' : `${f.settled.length} follow-ups are`} done
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
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete the favor of ${formatDate(f.date)}`} onClick={() =>
                    void removeRow('favors.delete', f.id, `Deleted the favor of ${formatDate(f.date)}.`, () =>
                      call('favors.log', { giverId: f.giver.id, receiverId: f.receiver.id, date: f.date, kind: f.kind, size: f.size, note: f.note, introductionId: f.introductionId }),
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
      )}
      {favors.toggle}
    </Section>
  )
}
