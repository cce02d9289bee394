import { ActionIcon, Alert, Button, Divider, Group, List, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import type { DuplicateMatch } from '../../../shared/api'
import { personCreate, personPatch } from '../../../shared/schemas'
import type { PersonDetail, PersonRef } from '../../../shared/types'
import { ApiCallError, call } from '../lib/client'
import { fieldErrors, placeServerError } from '../lib/form-errors'
import { FormFooter } from '../components/FormFooter'
import { PersonPicker } from '../components/PersonPicker'
import { useApi } from '../lib/useApi'
import { strengthWord } from '../../../shared/vocab'

interface Job {
  company: string
  title: string
  startDate: string
  endDate: string
}

interface Values {
  name: string
  company: string
  title: string
  location: string
  emails: string[]
  phones: string[]
  aliases: string[]
  tags: string[]
  needs: string[]
  offers: string[]
  notes: string
  howWeMet: string
  introducedBy: PersonRef | null
  linkedinUrl: string
  website: string
  employment: Job[]
  cadenceDays: number | string
  birthday: string
  /** How well I know them, for someone new: '' (not said), or a strength from 1 to 5 */
  myStrength: string
}

const LIST_FIELDS = ['emails', 'phones', 'aliases', 'tags', 'needs', 'offers']
const FIELDS = ['name', 'company', 'title', 'location', 'notes', 'howWeMet', 'introducedById', 'linkedinUrl', 'website', 'birthday', 'employment', ...LIST_FIELDS]

function fromPerson(p: PersonDetail | undefined): Values {
  return {
    name: p?.name ?? '',
    company: p?.company ?? '',
    title: p?.title ?? '',
    location: p?.location ?? '',
    emails: p?.emails ?? [],
    phones: p?.phones ?? [],
    aliases: p?.aliases ?? [],
    tags: p?.tags ?? [],
    needs: p?.needs ?? [],
    offers: p?.offers ?? [],
    notes: p?.notes ?? '',
    howWeMet: p?.howWeMet ?? '',
    introducedBy: p?.introducedBy ?? null,
    linkedinUrl: p?.linkedinUrl ?? '',
    website: p?.website ?? '',
    employment: (p?.employment ?? []).map((e) => ({ company: e.company, title: e.title ?? '', startDate: e.startDate ?? '', endDate: e.endDate ?? '' })),
    cadenceDays: p?.cadenceDays ?? '',
    birthday: p?.birthday ?? '',
    myStrength: '',
  }
}

/** The input for people.create (or, without `me`, people.update): how well I know someone new is my relationship with them. */
function toInput(v: Values, me: number | null = null): unknown {
  const { introducedBy, employment, cadenceDays, birthday, myStrength, ...rest } = v
  return {
    ...rest,
    ...(me === null || myStrength === '' ? {} : { knownBy: [{ id: me, strength: Number(myStrength), confidence: 'firsthand' }] }),
    birthday: birthday.trim() === '' ? null : birthday,
    cadenceDays: cadenceDays === '' ? null : Number(cadenceDays),
    introducedById: introducedBy?.id ?? null,
    employment: employment.map((j) => ({
      company: j.company,
      title: j.title,
      startDate: j.startDate === '' ? null : j.startDate,
      endDate: j.endDate === '' ? null : j.endDate,
    })),
  }
}

/** Errors keyed the way the form's fields are. */
function formKey(path: string): string {
  const [head] = path.split('.')
  if (head !== undefined && LIST_FIELDS.includes(head)) return head
  if (head === 'introducedById') return 'introducedBy'
  return path
}

interface PersonFormProps {
  person?: PersonDetail
  onDone: (saved: PersonDetail) => void
  /** Adding someone already in Kith: show that person instead. */
  onOpen?: (id: number) => void
  /** Adding someone already in Kith: the new record was saved; merge it into theirs. */
  onMerge?: (existingId: number, added: PersonDetail) => void
}

/** The people already in Kith that the person being added seems to be, with what to do about it. */
function Duplicates({
  matches,
  busy,
  onOpen,
  onMerge,
  onAddAnyway,
}: {
  matches: DuplicateMatch[]
  busy: boolean
  onOpen: ((id: number) => void) | undefined
  onMerge: ((match: DuplicateMatch) => void) | undefined
  onAddAnyway: () => void
}): ReactNode {
  return (
    <Alert color="yellow" role="alert" title="Already in Kith?">
      <Stack gap="xs">
        <List spacing="xs" aria-label="Possible duplicates">
          {matches.map((m) => (
            <List.Item key={m.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">
                  {m.name}
                  {m.company === null ? '' : ` (${m.company})`} has {m.reason}.
                </Text>
                {onOpen !== undefined && (
                  <Button size="compact-sm" variant="light" onClick={() => onOpen(m.id)} disabled={busy}>
                    Open {m.name}
                  </Button>
                )}
                {onMerge !== undefined && (
                  <Button size="compact-sm" variant="light" aria-label={`Merge with ${m.name}`} onClick={() => onMerge(m)} disabled={busy}>
                    Merge
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          {onMerge === undefined ? '' : 'Merge saves this person, then folds them into the one already in Kith. '}
          If this is someone else, add them anyway.
        </Text>
        <Group>
          <Button size="compact-sm" variant="default" onClick={onAddAnyway} loading={busy}>
            Add anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

export function PersonForm({ person, onDone, onOpen, onMerge }: PersonFormProps): ReactNode {
  const [formError, setFormError] = useState<string>()
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([])
  const [busy, setBusy] = useState(false)
  // Someone new is someone I know (or not): asked when adding, once I have said who I am.
  const me = useApi('me.get', person === undefined ? {} : null).data ?? null
  const form = useForm<Values>({
    initialValues: fromPerson(person),
    validate: (values) => {
      const parsed = personCreate.safeParse(toInput(values))
      if (parsed.success) return {}
      return Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, m]) => [formKey(k), m]))
    },
  })

  /** Saves the form; a new person who matches someone already in Kith is refused unless `allowDuplicate`. */
  const save = async (values: Values, allowDuplicate: boolean): Promise<PersonDetail | null> => {
    setFormError(undefined)
    setBusy(true)
    try {
      const saved =
        person === undefined
          ? await call('people.create', { ...personCreate.parse(toInput(values, me?.id ?? null)), allowDuplicate })
          : await call('people.update', { id: person.id, patch: personPatch.parse(toInput(values)) })
      setDuplicates([])
      return saved
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'conflict' && err.duplicates.length > 0) {
        setDuplicates(err.duplicates)
        return null
      }
      setDuplicates([])
      const placed = placeServerError(err, FIELDS)
      if (placed.field === null) setFormError(placed.message)
      else form.setFieldError(formKey(placed.field), placed.message)
      return null
    } finally {
      setBusy(false)
    }
  }

  const submit = form.onSubmit(async (values) => {
    const saved = await save(values, false)
    if (saved !== null) onDone(saved)
  })

  /** Adds the person even though they look like someone already in Kith; then `then` decides where to go. */
  const addAnyway = async (then: (saved: PersonDetail) => void): Promise<void> => {
    if (form.validate().hasErrors) return
    const saved = await save(form.getValues(), true)
    if (saved !== null) then(saved)
  }

  const addJob = (): void => form.insertListItem('employment', { company: '', title: '', startDate: '', endDate: '' })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Company" {...form.getInputProps('company')} />
          <TextInput label="Title" {...form.getInputProps('title')} />
          <TextInput label="Location" {...form.getInputProps('location')} />
        </SimpleGrid>
        {person === undefined && me !== null && (
          <Select
            label="How well do you know them?"
            description="Your relationship with them: Kith finds paths through the people you know. Leave empty if you have not met."
            placeholder="Not met yet"
            clearable
            data={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${strengthWord(n)} (${n}/5)` }))}
            value={form.values.myStrength === '' ? null : form.values.myStrength}
            onChange={(value: string | null) => form.setFieldValue('myStrength', value ?? '')}
            error={form.errors.knownBy}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label="Emails" description="Press Enter after each" {...form.getInputProps('emails')} />
          <TagsInput label="Phones" description="Press Enter after each" {...form.getInputProps('phones')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label="Also known as" description="Nicknames, other spellings" {...form.getInputProps('aliases')} />
          <TagsInput label="Tags" {...form.getInputProps('tags')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label="Looking for" description="What they need, e.g. seed investor" {...form.getInputProps('needs')} />
          <TagsInput label="Can help with" description="What they offer, e.g. hiring advice" {...form.getInputProps('offers')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="How we met" {...form.getInputProps('howWeMet')} />
          <PersonPicker
            label="Introduced by"
            value={form.values.introducedBy}
            onChange={(p) => form.setFieldValue('introducedBy', p)}
            error={form.errors.introducedBy}
            exclude={person === undefined ? [] : [person.id]}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="LinkedIn" placeholder="https://www.linkedin.com/in/…" {...form.getInputProps('linkedinUrl')} />
          <TextInput label="Website" placeholder="https://…" {...form.getInputProps('website')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={10} {...form.getInputProps('notes')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Keep in touch every (days)"
            description="Empty: by strength (very close 30, close 60, know well 120)"
            min={1}
            max={3650}
            allowDecimal={false}
            {...form.getInputProps('cadenceDays')}
          />
          <TextInput label="Birthday" description="1990-03-14, or --03-14 without the year" {...form.getInputProps('birthday')} />
        </SimpleGrid>

        <Divider label="Work history" labelPosition="left" />
        {form.values.employment.length === 0 && (
          <Text size="sm" c="dimmed">
            No jobs recorded.
          </Text>
        )}
        {form.values.employment.map((_, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput label="Company" required style={{ flex: 2 }} {...form.getInputProps(`employment.${i}.company`)} />
            <TextInput label="Title" style={{ flex: 2 }} {...form.getInputProps(`employment.${i}.title`)} />
            <TextInput label="From" type="date" style={{ flex: 1.4 }} {...form.getInputProps(`employment.${i}.startDate`)} />
            <TextInput label="To" type="date" style={{ flex: 1.4 }} {...form.getInputProps(`employment.${i}.endDate`)} />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={form.errors[`employment.${i}.endDate`] === undefined ? 0 : 22}
              aria-label={`Remove job ${i + 1}`}
              onClick={() => form.removeListItem('employment', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="xs" onClick={addJob}>
            Add a job
          </Button>
        </Group>
        {duplicates.length > 0 && (
          <Duplicates
            matches={duplicates}
            busy={busy}
            onOpen={onOpen}
            onMerge={onMerge === undefined ? undefined : (m) => void addAnyway((saved) => onMerge(m.id, saved))}
            onAddAnyway={() => void addAnyway(onDone)}
          />
        )}
        <FormFooter error={formError} submit={person === undefined ? 'Add person' : 'Save changes'} loading={busy} />
      </Stack>
    </form>
  )
}
