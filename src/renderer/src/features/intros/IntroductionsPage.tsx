import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Tabs, Text, Title, UnstyledButton } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { ASK_STATES, CONNECT_STATES, STATE_WORDS, type IntroState } from '../../../../shared/intro-states'
import type { IntroductionRequest } from '../../../../shared/types'
import { useDataVersion } from '../../lib/data-version'
import { formatDate } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { useDialogs } from '../shell/Dialogs'
import { ErrorNotice } from '../shell/ErrorNotice'
import { TasksList } from './TasksList'

export const stateWord = (state: string): string => STATE_WORDS[state as IntroState]

const STATE_OPTIONS = [...new Set<string>([...ASK_STATES, ...CONNECT_STATES])].map((s) => ({ value: s, label: stateWord(s) }))

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

export function IntroductionsPage(): ReactNode {
  const { version } = useDataVersion()
  const { go } = useNav()
  const dialogs = useDialogs()
  const [state, setState] = useState<string | null>(null)
  const list = useApi('introductions.list', { state }, String(version))
  const tasks = useApi('tasks.list', { includeDone: false }, String(version))
  const overdue = tasks.data?.filter((t) => t.status === 'overdue' || t.status === 'today').length ?? 0

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>Introductions</Title>
        <Button onClick={() => dialogs.open({ kind: 'connect' })}>Introduce two people</Button>
      </Group>
      <Tabs defaultValue="introductions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="introductions">Introductions</Tabs.Tab>
          <Tabs.Tab value="tasks" rightSection={overdue > 0 ? <Badge size="xs" color="red">{overdue}</Badge> : undefined}>
            Tasks
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="introductions" pt="md">
          <Stack gap="md">
            <Select label="State" placeholder="Any state" clearable data={STATE_OPTIONS} value={state} onChange={setState} w={240} />
            <ErrorNotice error={list.error} />
            {list.data === undefined ? (
              <Loader aria-label="Loading introductions" />
            ) : list.data.length === 0 ? (
              <Paper withBorder p="xl">
                <Text>
                  {state === null
                    ? 'None yet. Ask for one from a path on Find a path, or introduce two people you know.'
                    : `No introductions are ${stateWord(state).toLowerCase()}.`}
                </Text>
              </Paper>
            ) : (
              <IntroductionsTable list={list.data} label="Introductions" />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          {tasks.data === undefined ? <Loader aria-label="Loading tasks" /> : <TasksList tasks={tasks.data} onOpen={(id) => go({ page: 'introduction', id })} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
