import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { followUpInput } from '../../../shared/schemas'
import type { PersonRef, TaskView } from '../../../shared/types'
import { call } from '../lib/client'
import { fieldErrors, showServerError } from '../lib/form-errors'
import { daysFromToday, formatDate } from '../lib/format'
import { FormFooter } from '../components/FormFooter'

interface Values {
  title: string
  due: string
}

/** The days a follow-up is most often set for, a click away. */
const SOON: readonly (readonly [string, number])[] = [
  ['Tomorrow', 1],
  ['In a week', 7],
  ['In two weeks', 14],
  ['In a month', 30],
]

/** A follow-up about `person`, added by hand: what to do and by when (a week from today unless changed). */
export function FollowUpForm({ person, onDone }: { person: PersonRef; onDone: (added: TaskView) => void }): ReactNode {
  const [formError, setFormError] = useState<string>()
  const today = daysFromToday(0)
  const form = useForm<Values>({
    initialValues: { title: `Follow up with ${person.name}`, due: daysFromToday(7) },
    validate: (values) => {
      const parsed = followUpInput.safeParse({ personId: person.id, title: values.title, due: values.due })
      if (!parsed.success) return fieldErrors(parsed.error)
      // The backend refuses a day gone by too; said here before the round trip.
      return values.due < today ? { due: 'Choose today or a day after' } : {}
    },
  })

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined)
    try {
      onDone(await call('tasks.add', followUpInput.parse({ personId: person.id, title: values.title, due: values.due })))
    } catch (err) {
      showServerError(err, ['title', 'due'], form, setFormError)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {/* The usual words, selected: typing replaces them. */}
        <TextInput label="What to do" required data-autofocus {...form.getInputProps('title')} onFocus={(e) => e.currentTarget.select()} />
        <TextInput label="Due" type="date" required min={today} {...form.getInputProps('due')} />
        <Group gap="xs" role="group" aria-label="Due soon">
          {SOON.map(([label, days]) => {
            const day = daysFromToday(days)
            return (
              <Button
                key={label}
                size="compact-sm"
                variant={form.values.due === day ? 'light' : 'subtle'}
                aria-pressed={form.values.due === day}
                onClick={() => form.setFieldValue('due', day)}
              >
                {label}
              </Button>
            )
          })}
        </Group>
        {form.values.due !== '' && form.values.due >= today && (
          <Text size="sm" c="dimmed" aria-live="polite">
            Due {formatDate(form.values.due)}. It shows on This week when it is due.
          </Text>
        )}
        <FormFooter error={formError} submit="Add follow-up" />
      </Stack>
    </form>
  )
}
