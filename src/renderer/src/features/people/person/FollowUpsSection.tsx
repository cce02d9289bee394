import { Button, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonDetail, TaskView } from '../../../../../shared/types'
import { TaskLine, useFocusStaysInList } from '../../../components/TasksList'
import { Section } from '../../../components/Section'
import { useDialogs } from '../../../dialogs/Dialogs'
import { useNav } from '../../../lib/nav'

/** The open follow-ups about a person (their introductions' among them), overdue first, and a way to add one. */
export function FollowUpsSection({ p, tasks }: { p: PersonDetail; tasks: TaskView[] | undefined }): ReactNode {
  const dialogs = useDialogs()
  const { go } = useNav()
  const list = useFocusStaysInList<HTMLDivElement>(tasks)
  return (
    <Section
      title="Follow-ups"
      actions={
        !p.isMe && p.archivedAt === null ? (
          <Button size="xs" variant="default" onClick={() => dialogs.open({ kind: 'followUp', person: { id: p.id, name: p.name } })}>
            Add a follow-up
          </Button>
        ) : undefined
      }
    >
      {tasks === undefined ? null : tasks.length === 0 ? (
        <Text c="dimmed" size="sm" ref={list} tabIndex={-1}>
          Nothing to follow up with {p.name}.
        </Text>
      ) : (
        <Stack gap="xs" aria-label={`Follow-ups with ${p.name}`} ref={list} tabIndex={-1}>
          {tasks.map((t) => (
            <TaskLine
              key={t.id}
              task={t}
              vanishes
              ungrouped
              onOpen={t.introductionId === null ? undefined : () => t.introductionId !== null && go({ page: 'introduction', id: t.introductionId })}
            />
          ))}
        </Stack>
      )}
    </Section>
  )
}
