import { Group, Select, Stack, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { favorInput } from '../../../shared/schemas'
import type { FavorView, PersonRef } from '../../../shared/types'
import { FAVOR_KINDS, FAVOR_POINTS, FAVOR_SIZES, capitalize } from '../../../shared/vocab'
import { call } from '../lib/client'
import { fieldErrors, showServerError } from '../lib/form-errors'
import { todayIso } from '../lib/format'
import { PersonPicker } from '../components/PersonPicker'
import { FormFooter } from '../components/FormFooter'

interface Values {
  giver: PersonRef | null
  receiver: PersonRef | null
  date: string
  kind: string
  size: string
  note: string
}

function toInput(v: Values): unknown {
  return { giverId: v.giver?.id, receiverId: v.receiver?.id, date: v.date, kind: v.kind, size: v.size, note: v.note }
}

export function FavorForm({
  giver = null,
  receiver = null,
  favor,
  onDone,
}: {
  giver?: PersonRef | null
  receiver?: PersonRef | null
  /** the favor being edited */
  favor?: FavorView
  onDone: (saved: FavorView) => void
}): ReactNode {
  const [formError, setFormError] = useState<string>()
  const form = useForm<Values>({
    initialValues:
      favor === undefined
        ? { giver, receiver, date: todayIso(), kind: 'advice', size: 'small', note: '' }
        : { giver: favor.giver, receiver: favor.receiver, date: favor.date, kind: favor.kind, size: favor.size, note: favor.note ?? '' },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (values.giver === null) errors.giver = 'Choose who gave'
      if (values.receiver === null) errors.receiver = 'Choose who received'
      const parsed = favorInput.safeParse(toInput(values))
      const fromSchema = parsed.success ? {} : fieldErrors(parsed.error)
      return {
        ...(fromSchema.receiverId === undefined ? {} : { receiver: fromSchema.receiverId }),
        ...(fromSchema.date === undefined ? {} : { date: fromSchema.date }),
        ...(fromSchema.note === undefined ? {} : { note: fromSchema.note }),
        ...errors,
      }
    },
  })

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined)
    try {
      const input = favorInput.parse({ ...(toInput(values) as object), introductionId: favor?.introductionId ?? null })
      onDone(favor === undefined ? await call('favors.log', input) : await call('favors.update', { id: favor.id, favor: input }))
    } catch (err) {
      showServerError(err, ['date', 'kind', 'size', 'note'], form, setFormError)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <PersonPicker
            label="Who gave"
            required
            value={form.values.giver}
            onChange={(p) => form.setFieldValue('giver', p)}
            error={form.errors.giver}
            // The first field to fill takes the keyboard (not the dialog's Close).
            autoFocus={form.values.giver === null}
          />
          <PersonPicker
            label="Who received"
            required
            value={form.values.receiver}
            onChange={(p) => form.setFieldValue('receiver', p)}
            error={form.errors.receiver}
            autoFocus={form.values.giver !== null && form.values.receiver === null}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Kind"
            allowDeselect={false}
            data={FAVOR_KINDS.map((k) => ({ value: k, label: capitalize(k) }))}
            data-autofocus={form.values.giver !== null && form.values.receiver !== null ? true : undefined}
            {...form.getInputProps('kind')}
          />
          <Select
            label="Size"
            allowDeselect={false}
            data={FAVOR_SIZES.map((s) => ({ value: s, label: `${capitalize(s)} (${FAVOR_POINTS[s]} ${FAVOR_POINTS[s] === 1 ? 'point' : 'points'})` }))}
            {...form.getInputProps('size')}
          />
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
        </Group>
        <Textarea label="Note" autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        <FormFooter error={formError} submit={favor === undefined ? 'Log favor' : 'Save favor'} />
      </Stack>
    </form>
  )
}
