import { Badge, Button, Checkbox, Group, Menu, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { TaskStatus, TaskView } from '../../../shared/types'
import { call } from '../lib/client'
import { useDataVersion } from '../lib/data-version'
import { daysFromToday, formatDate } from '../lib/format'
import { undoNotice } from '../lib/undo-notice'
import { useNav } from '../lib/nav'

const GROUPS: { status: TaskStatus; title: string; color: string }[] = [
  { status: 'overdue', title: 'Overdue', color: 'red' },
  { status: 'today', title: 'Today', color: 'orange' },
  { status: 'upcoming', title: 'Upcoming', color: 'gray' },
  { status: 'done', title: 'Done', color: 'teal' },
]

/**
 * The task whose box was just ticked: the list reloads and draws its line
 * again in another group (Done), and the keyboard's focus goes with it
 * instead of falling to the page.
 */
let focusAfterReload: number | null = null

/** The days a follow-up can be put off to: only those after the day it is due now (snoozing never brings one forward). */
function snoozeChoices(task: TaskView): [string, string][] {
  const dueNow = task.snoozedUntil !== null && task.snoozedUntil > task.dueOn ? task.snoozedUntil : task.dueOn
  const choices: [string, number][] = [
    ['Until tomorrow', 1],
    ['For 3 days', 3],
    ['For a week', 7],
    ['For two weeks', 14],
  ]
  return choices.map(([label, days]): [string, string] => [label, daysFromToday(days)]).filter(([, until]) => until > dueNow)
}

/**
 * `vanishes`: the list shows open tasks only, so a task ticked done leaves it (Undo is offered).
 * `ungrouped`: the list has no Overdue and Today headings, so the line says so itself; and it is
 * one person's list, so the line does not name them.
 */
export function TaskLine({ task, onOpen, vanishes = false, ungrouped = false }: { task: TaskView; onOpen?: () => void; vanishes?: boolean; ungrouped?: boolean }): ReactNode {
  const { changed } = useDataVersion()
  const { go } = useNav()
  // Ticks at once; the list reloads (and remounts this line) after the save.
  const [done, setDone] = useState(task.status === 'done')
  const box = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (focusAfterReload !== task.id) return
    focusAfterReload = null
    box.current?.focus()
  }, [task.id])
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Checkbox
        ref={box}
        label={task.title}
        checked={done}
        onChange={(e) => {
          const value = e.currentTarget.checked
          setDone(value)
          void call('tasks.done', { id: task.id, done: value }).then(() => {
            if (document.activeElement === box.current) {
              focusAfterReload = task.id
              // Not shown again (a list of open tasks only): never taken up later by another page.
              setTimeout(() => {
                if (focusAfterReload === task.id) focusAfterReload = null
              }, 2000)
            }
            changed()
            if (value && vanishes) {
              undoNotice({
                message: `Done: ${task.title}`,
                undo: async () => {
                  await call('tasks.done', { id: task.id, done: false })
                  changed()
                },
                undone: `Not done after all: ${task.title}`,
              })
            }
          })
        }}
        styles={{ label: { textDecoration: done ? 'line-through' : undefined } }}
      />
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c={ungrouped && task.status === 'overdue' ? 'red' : 'dimmed'} fw={ungrouped && task.status !== 'upcoming' && task.status !== 'done' ? 600 : undefined}>
          {ungrouped && task.status === 'overdue' ? 'overdue, ' : ungrouped && task.status === 'today' ? 'today, ' : ''}due {formatDate(task.snoozedUntil ?? task.dueOn)}
        </Text>
        {onOpen !== undefined && (
          <Button size="compact-xs" variant="subtle" onClick={onOpen} aria-label={`Open the introduction of: ${task.title}`}>
            Open
          </Button>
        )}
        {/* A follow-up of one's own (no introduction): who it is about, a way to them. */}
        {task.introductionId === null && task.person !== null && !ungrouped && (
          <Button size="compact-xs" variant="subtle" onClick={() => task.person !== null && go({ page: 'person', id: task.person.id })} aria-label={`Open ${task.person.name}`}>
            {task.person.name}
          </Button>
        )}
        {!done && snoozeChoices(task).length > 0 && (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" aria-label={`Snooze: ${task.title}`}>
                Snooze
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {snoozeChoices(task).map(([label, until]) => (
                <Menu.Item key={label} onClick={() => void call('tasks.snooze', { id: task.id, until }).then(changed)}>
                  {label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Group>
  )
}

/**
 * Where the keyboard goes when a task ticked done leaves a list of open tasks: the list itself
 * (given the returned ref, focusable), not the page.
 */
export function useFocusStaysInList<T extends HTMLElement>(tasks: readonly TaskView[] | undefined): RefObject<T | null> {
  const list = useRef<T>(null)
  useEffect(() => {
    if (tasks === undefined || focusAfterReload === null || tasks.some((t) => t.id === focusAfterReload)) return
    focusAfterReload = null
    list.current?.focus()
  }, [tasks])
  return list
}

/** Follow-ups, overdue first. */
/** `openOnly`: the tasks are the open ones only (one ticked done leaves the list). */
export function TasksList({ tasks, onOpen, openOnly = false }: { tasks: TaskView[]; onOpen?: (introductionId: number) => void; openOnly?: boolean }): ReactNode {
  // The task ticked is not in the list any more (it shows open tasks only): the focus stays in the list.
  const list = useFocusStaysInList<HTMLDivElement>(tasks)
  if (tasks.length === 0)
    return (
      <Text c="dimmed" ref={list} tabIndex={-1}>
        Nothing to follow up.
      </Text>
    )
  return (
    <Stack gap="lg" ref={list} tabIndex={-1} aria-label="Follow-ups">
      {GROUPS.map((g) => {
        const list = tasks.filter((t) => t.status === g.status)
        if (list.length === 0) return null
        return (
          <Stack key={g.status} gap="xs" component="section" aria-label={`${g.title} tasks`}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {g.title}
              </Title>
              <Badge color={g.color} variant="light">
                {list.length}
              </Badge>
            </Group>
            {list.map((t) => (
              <TaskLine key={`${t.id}:${t.doneAt ?? ''}`} task={t} vanishes={openOnly} onOpen={onOpen === undefined || t.introductionId === null ? undefined : () => onOpen(t.introductionId ?? 0)} />
            ))}
          </Stack>
        )
      })}
    </Stack>
  )
}
