import { Checkbox, Group, Select, Stack, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { interactionInput } from '../../../shared/schemas'
import type { InteractionView, PersonRef } from '../../../shared/types'
import { INTERACTION_KINDS, capitalize } from '../../../shared/vocab'
import { call } from '../lib/client'
import { fieldErrors, showServerError } from '../lib/form-errors'
import { todayIso } from '../lib/format'
import { PeoplePicker } from '../components/PersonPicker'
import { FormFooter } from '../components/FormFooter'

interface Values {
  date: string
  kind: string
  people: PersonRef[]
  note: string
  withMe: boolean
}

function toInput(v: Values): unknown {
  return { date: v.date, kind: v.kind, people: v.people.map((p) => p.id), note: v.note, withMe: v.withMe }
}

/** Logs an interaction, or edits `interaction` (the same form, filled in). */
export function InteractionForm({
  people = [],
  interaction,
  onDone,
}: {
  people?: PersonRef[]
  interaction?: InteractionView
  onDone: (saved: InteractionView) => void
}): ReactNode {
  const [formError, setFormError] = useState<string>()
  const form = useForm<Values>({
    initialValues:
      interaction === undefined
        ? { date: todayIso(), kind: 'call', people, note: '', withMe: true }
        : { date: interaction.date, kind: interaction.kind, people: interaction.people, note: interaction.note ?? '', withMe: interaction.withMe },
    validate: (values) => {
      const parsed = interactionInput.safeParse(toInput(values))
      return parsed.success ? {} : fieldErrors(parsed.error)
    },
  })

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined)
    try {
      const input = interactionInput.parse(toInput(values))
      onDone(interaction === undefined ? await call('interactions.log', input) : await call('interactions.update', { id: interaction.id, interaction: input }))
    } catch (err) {
      showServerError(err, ['date', 'kind', 'people', 'note'], form, setFormError)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PeoplePicker
          label="Who was there"
          placeholder="Type a name"
          required
          autoFocus={people.length === 0 && interaction === undefined}
          value={form.values.people}
          onChange={(p) => form.setFieldValue('people', p)}
          error={form.errors.people}
        />
        <Group grow align="flex-start">
          <Select
            data-autofocus={people.length > 0 || interaction !== undefined || undefined}
            label="Kind"
            required
            data={INTERACTION_KINDS.map((k) => ({ value: k, label: capitalize(k) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
        </Group>
        <Textarea label="Note" autosize minRows={2} maxRows={8} {...form.getInputProps('note')} />
        <Checkbox label="I was there" {...form.getInputProps('withMe', { type: 'checkbox' })} />
        <FormFooter error={formError} submit={interaction === undefined ? 'Log interaction' : 'Save interaction'} />
      </Stack>
    </form>
  )
}
