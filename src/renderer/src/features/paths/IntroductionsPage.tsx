import { Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useDataVersion } from '../../lib/data-version'
import { formatDate } from '../../lib/format'
import { useApi } from '../../lib/useApi'
import { ErrorNotice } from '../shell/ErrorNotice'

/** Requests started from a path, newest first. */
export function IntroductionsPage(): ReactNode {
  const { version } = useDataVersion()
  const requests = useApi('introductions.list', {}, String(version))
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={2}>Introductions</Title>
      <ErrorNotice error={requests.error} />
      {requests.data === undefined ? (
        <Loader aria-label="Loading introductions" />
      ) : requests.data.length === 0 ? (
        <Paper withBorder p="xl">
          <Text>No requests yet. On Find a path, choose a path and ask its first connector to introduce you.</Text>
        </Paper>
      ) : (
        <Table aria-label="Introduction requests" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Ask</Table.Th>
              <Table.Th scope="col">To meet</Table.Th>
              <Table.Th scope="col">Path</Table.Th>
              <Table.Th scope="col">State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.createdAt.slice(0, 10))}</Table.Td>
                <Table.Td>{r.connector.name}</Table.Td>
                <Table.Td>{r.target.name}</Table.Td>
                <Table.Td>{r.path.slice(1).map((p) => p.name).join(' → ')}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{r.state}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
