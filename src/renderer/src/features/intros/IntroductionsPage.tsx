import { Badge, Button, Group, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { ASK_STATES, CONNECT_STATES } from '../../../../shared/intro-states'
import { useDataVersion } from '../../lib/data-version'
import { stateWord } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { useDialogs } from '../../dialogs/Dialogs'
import { ErrorNotice } from '../../components/ErrorNotice'
import { IntroductionsTable } from '../../components/IntroductionsTable'
import { TasksList } from '../../components/TasksList'
import { Busy } from '../../components/Busy'

const STATE_OPTIONS = [...new Set<string>([...ASK_STATES, ...CONNECT_STATES])].map((s) => ({ value: s, label: stateWord(s) }))

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
              <Busy label="Loading introductions" />
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
          {tasks.data === undefined ? <Busy label="Loading tasks" /> : <TasksList openOnly tasks={tasks.data} onOpen={(id) => go({ page: 'introduction', id })} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
