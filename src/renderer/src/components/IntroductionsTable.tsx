import { Badge, Table, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { IntroductionRequest } from '../../../shared/types'
import { formatDate, stateWord } from '../lib/format'
import { useNav } from '../lib/nav'

/** A table of introductions: overdue first, then the most recently changed. */
export function IntroductionsTable({ list, label }: { list: IntroductionRequest[]; label: string }): ReactNode {
  const { go } = useNav()
  return (
    <Table aria-label={label} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Introduction</Table.Th>
          <Table.Th scope="col">State</Table.Th>
          <Table.Th scope="col">Follow-ups</Table.Th>
          <Table.Th scope="col">Changed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <UnstyledButton onClick={() => go({ page: 'introduction', id: i.id })} fw={500} c="var(--mantine-primary-color-filled)">
                {i.title}
              </UnstyledButton>
            </Table.Td>
            <Table.Td>
              <Badge variant="light">{stateWord(i.state)}</Badge>
            </Table.Td>
            <Table.Td>
              {i.overdueTasks > 0 ? (
                <Badge color="red" variant="light">
                  {i.overdueTasks} overdue
                </Badge>
              ) : i.openTasks > 0 ? (
                <Text size="sm">{i.openTasks} open</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDate(i.updatedAt.slice(0, 10))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
