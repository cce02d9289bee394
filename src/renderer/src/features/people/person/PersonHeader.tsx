import { Badge, Button, Group, Menu, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonDetail, PersonRef } from '../../../../../shared/types'
import { useDialogs } from '../../../dialogs/Dialogs'
import { ago } from '../../../lib/format'
import { useNav } from '../../../lib/nav'

/** The person's name, role and last talk, with the buttons and menu of what can be done with them. */
export function PersonHeader({
  p,
  meRef,
  onArchive,
  onUnarchive,
  onDelete,
}: {
  p: PersonDetail
  meRef: PersonRef | null
  onArchive: () => void
  onUnarchive: () => void
  onDelete: () => void
}): ReactNode {
  const dialogs = useDialogs()
  const { go } = useNav()
  const ref: PersonRef = { id: p.id, name: p.name }
  const role = [p.title, p.company].filter((x) => x !== null).join(' at ')
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{p.name}</Title>
          {p.isMe && <Badge variant="light">me</Badge>}
          {p.archivedAt !== null && (
            <Badge color="gray" variant="light">
              archived
            </Badge>
          )}
        </Group>
        {role !== '' && <Text c="dimmed">{role}</Text>}
        {!p.isMe && p.archivedAt === null && (
          <Text size="sm">
            Last talked: {p.lastInteraction === null ? 'never logged' : `${ago(p.lastInteraction.date)} (${p.lastInteraction.kind})`}
          </Text>
        )}
      </Stack>
      <Group gap="xs">
        <Button onClick={() => dialogs.open({ kind: 'interaction', people: p.isMe ? [] : [ref] })}>Log interaction</Button>
        <Button variant="default" onClick={() => dialogs.open({ kind: 'relationship', draft: { a: ref } })}>
          Add relationship
        </Button>
        <Button
          variant="default"
          onClick={() => dialogs.open({ kind: 'favor', giver: p.isMe ? ref : meRef, receiver: p.isMe ? null : ref })}
        >
          Log favor
        </Button>
        {!p.isMe && (
          // Who could introduce me (a faint tie or none): the answer for this person on Find a path.
          <Button variant="default" onClick={() => go({ page: 'paths', question: { to: p.id } })}>
            Find a path
          </Button>
        )}
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" aria-label={`More actions for ${p.name}`}>
              More…
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => dialogs.open({ kind: 'person', person: p })}>Edit</Menu.Item>
            <Menu.Item onClick={() => dialogs.open({ kind: 'merge', keep: p })}>Merge a duplicate into {p.name}…</Menu.Item>
            {p.archivedAt === null && !p.isMe && <Menu.Item onClick={onArchive}>Archive</Menu.Item>}
            {p.archivedAt !== null && <Menu.Item onClick={onUnarchive}>Restore from archive</Menu.Item>}
            {p.archivedAt !== null && (
              <Menu.Item color="red" onClick={onDelete}>
                Delete permanently…
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  )
}
