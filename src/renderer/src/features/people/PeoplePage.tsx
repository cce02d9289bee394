import { Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useApi } from '../../lib/useApi'
import { FirstRun } from '../onboarding/FirstRun'
import { ErrorNotice } from '../shell/ErrorNotice'

export function PeoplePage({ onImport }: { onImport: () => void }): ReactNode {
  const people = useApi('people.list', { limit: 500 })

  if (people.loading && people.data === undefined) return <Loader aria-label="Loading people" />
  if (people.error !== undefined) return <ErrorNotice error={people.error} title="People could not be loaded" />
  if (people.data === undefined) return null
  if (people.data.total === 0) return <FirstRun onLoaded={people.reload} onImport={onImport} />

  const { total, people: rows } = people.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2}>People</Title>
        <Text c="dimmed" size="sm">
          {rows.length < total ? `Showing ${rows.length} of ${total}` : `${total} people`}
        </Text>
      </Group>
      <Table striped highlightOnHover stickyHeader aria-label="People">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Company</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col" ta="right">
              Knows
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Group gap="xs">
                  {p.name}
                  {p.isMe && (
                    <Badge size="sm" variant="light">
                      me
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{p.company ?? ''}</Table.Td>
              <Table.Td>{p.title ?? ''}</Table.Td>
              <Table.Td ta="right">{p.relationshipCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
