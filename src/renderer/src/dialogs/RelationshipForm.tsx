import { Group, Radio, Select, Stack, TagsInput, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { relationshipInput } from '../../../shared/schemas'
import type { PersonRef, RelationshipRecord } from '../../../shared/types'
import { CONFIDENCES, CONFIDENCE_WORDS, RELATIONSHIP_KINDS, STRENGTHS, capitalize } from '../../../shared/vocab'
import { call } from '../lib/client'
import { fieldErrors, showServerError } from '../lib/form-errors'
import { strengthWord } from '../lib/format'
import { PersonPicker } from '../components/PersonPicker'
import { FormFooter } from '../components/FormFooter'

interface Values {
  a: PersonRef | null
  b: PersonRef | null
  strength: string
  kind: string
  confidence: string
  contexts: string[]
  since: string
}

export interface RelationshipDraft {
  a?: PersonRef
  b?: PersonRef
  strength?: number
  kind?: string
  confidence?: string
  contexts?: string[]
  since?: string | null
}

function toInput(v: Values): unknown {
  return {
    a: v.a?.id,
    b: v.b?.id,
    strength: v.strength === '' ? undefined : Number(v.strength),
    kind: v.kind,
    confidence: v.confidence,
    contexts: v.contexts,
    since: v.since === '' ? null : v.since,
  }
}

export function RelationshipForm({ draft = {}, onDone }: { draft?: RelationshipDraft; onDone: (saved: RelationshipRecord) => void }): ReactNode {
  const [formError, setFormError] = useState<string>()
  const form = useForm<Values>({
    initialValues: {
      a: draft.a ?? null,
      b: draft.b ?? null,
      strength: draft.strength === undefined ? '' : String(draft.strength),
      kind: draft.kind ?? 'other',
      confidence: draft.confidence ?? 'firsthand',
      contexts: draft.contexts ?? [],
      since: draft.since ?? '',
    },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (values.a === null) errors.a = 'Choose a person'
      if (values.b === null) errors.b = 'Choose the person they know'
      const parsed = relationshipInput.safeParse(toInput(values))
      return parsed.success ? errors : { ...fieldErrors(parsed.error), ...errors }
    },
  })

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined)
    try {
      onDone(await call('relationships.set', relationshipInput.parse(toInput(values))))
    } catch (err) {
      showServerError(err, ['a', 'b', 'strength', 'kind', 'confidence', 'contexts', 'since'], form, setFormError)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <PersonPicker
            label="Person"
            required
            value={form.values.a}
            onChange={(p) => form.setFieldValue('a', p)}
            error={form.errors.a}
            exclude={form.values.b === null ? [] : [form.values.b.id]}
          />
          <PersonPicker
            label="Knows"
            required
            autoFocus={draft.a !== undefined && draft.b === undefined}
            value={form.values.b}
            onChange={(p) => form.setFieldValue('b', p)}
            error={form.errors.b}
            exclude={form.values.a === null ? [] : [form.values.a.id]}
          />
        </Group>
        <Radio.Group label="How well" required {...form.getInputProps('strength')}>
          <Group gap="md" mt={6}>
            {STRENGTHS.map((s) => (
              <Radio key={s} value={String(s)} label={`${s} · ${strengthWord(s)}`} />
            ))}
          </Group>
        </Radio.Group>
        <Group grow align="flex-start">
          <Select
            label="Kind"
            allowDeselect={false}
            data={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: capitalize(k) }))}
            {...form.getInputProps('kind')}
          />
          <Select
            label="How you know"
            allowDeselect={false}
            data={CONFIDENCES.map((c) => ({ value: c, label: CONFIDENCE_WORDS[c] }))}
            {...form.getInputProps('confidence')}
          />
        </Group>
        <TagsInput
          label="Context"
          description="Where they know each other from; press Enter after each"
          placeholder="Worked together at Acme 2019-21"
          {...form.getInputProps('contexts')}
        />
        <TextInput label="Known each other since" type="date" {...form.getInputProps('since')} />
        <FormFooter error={formError} submit="Save relationship" />
      </Stack>
    </form>
  )
}
