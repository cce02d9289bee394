import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { notify } from '../../lib/notify'
import { useState, type ReactNode } from 'react'
import type { IntroDetails } from '../../../../shared/schemas'
import { sentences, words } from '../../../../shared/intro-templates'
import type { BlurbSentences, DraftMessage, IntroductionDetail } from '../../../../shared/types'
import { ApiCallError, call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { formatDate, stateWord, todayIso } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { Verdicts } from '../../components/Verdicts'
import { BackButton } from '../../components/BackButton'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { MessageBox } from './MessageBox'
import { TasksList } from '../../components/TasksList'

const MOVE_LABEL: Record<string, string> = {
  asked: 'I asked',
  agreed: 'They agreed',
  declined: 'They declined',
  no_reply: 'No reply yet',
  asking: 'Ask both sides',
  introduced: 'Introduction made',
  scheduled: 'Meeting scheduled',
  closed: 'Loop closed',
  abandoned: 'Abandon',
}

type Save = (details: IntroDetails) => Promise<void>

function text(d: Record<string, string | boolean>, key: string): string {
  const v = d[key]
  return typeof v === 'string' ? v : ''
}

/** A text field kept locally while typing and saved when the user leaves it. */
function DetailField({ label, field, intro, save, multiline = false, description }: { label: string; field: keyof IntroDetails; intro: IntroductionDetail; save: Save; multiline?: boolean; description?: string }): ReactNode {
  const stored = text(intro.details, field)
  const [value, setValue] = useState(stored)
  const onBlur = (): void => {
    if (value !== stored) void save({ [field]: value })
  }
  return multiline ? (
    <Textarea label={label} description={description} autosize minRows={2} maxRows={8} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={onBlur} />
  ) : (
    <TextInput label={label} description={description} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={onBlur} />
  )
}

/** A draft the user can edit; their text is saved in `field` and wins over the composed one. */
function EditableDraft({ label, draft, field, intro, save, showWarnings = true }: { label: string; draft: DraftMessage; field: 'message' | 'email' | 'handoff'; intro: IntroductionDetail; save: Save; showWarnings?: boolean }): ReactNode {
  // A new draft from the backend (the fields or the profile changed) starts the box afresh.
  return <EditableDraftBody key={draft.body} label={label} draft={draft} field={field} stored={text(intro.details, field)} save={save} showWarnings={showWarnings} />
}

function EditableDraftBody({ label, draft, field, stored, save, showWarnings }: { label: string; draft: DraftMessage; field: 'message' | 'email' | 'handoff'; stored: string; save: Save; showWarnings: boolean }): ReactNode {
  const [body, setBody] = useState(draft.body)
  return (
    <>
      <MessageBox label={label} message={{ ...draft, body }} onBodyChange={setBody} onBodyBlur={() => body !== draft.body && void save({ [field]: body })} warnings={showWarnings ? draft.warnings : []} />
      {stored.trim() !== '' && (
        <Group>
          <Button size="xs" variant="subtle" aria-label={`Draft again from the fields: ${label}`} onClick={() => void save({ [field]: '' })}>
            Draft again from the fields
          </Button>
        </Group>
      )}
    </>
  )
}

type BlurbField = 'blurbWho' | 'blurbWhy' | 'blurbBring' | 'blurbAsk'

const BLURB_SENTENCES: { part: keyof BlurbSentences; field: BlurbField; label: (target: string) => string; description: (target: string) => string }[] = [
  { part: 'who', field: 'blurbWho', label: () => 'Who you are (sentence 1)', description: () => 'From your profile in Settings, until you change it here' },
  { part: 'why', field: 'blurbWhy', label: (t) => `Why ${t} (sentence 2)`, description: (t) => `From “Why ${t} in particular” below, until you change it here` },
  { part: 'bring', field: 'blurbBring', label: () => 'What you bring (sentence 3)', description: () => 'From “What you can offer” below, until you change it here' },
  { part: 'ask', field: 'blurbAsk', label: () => 'Your small ask (sentence 4)', description: () => 'One specific thing that is easy to say yes to' },
]

/** One sentence of the blurb: the current one (the user's, else drafted), saved when the user leaves it changed. */
function SentenceField({ label, description, field, sentence, stored, save }: { label: string; description: string; field: BlurbField; sentence: string; stored: string; save: Save }): ReactNode {
  const [value, setValue] = useState(sentence)
  const onBlur = (): void => {
    const typed = value.trim()
    if (typed === sentence) return
    if (typed === '') {
      // Empty: back to the drafted sentence.
      if (stored.trim() === '') setValue(sentence)
      else void save({ [field]: '' })
      return
    }
    void save({ [field]: typed })
  }
  return (
    <Stack gap={2}>
      <Textarea label={label} description={description} autosize minRows={1} maxRows={4} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={onBlur} />
      {stored.trim() !== '' && (
        <Group>
          <Button size="compact-xs" variant="subtle" aria-label={`Draft again: ${label}`} onClick={() => void save({ [field]: '' })}>
            Draft again
          </Button>
        </Group>
      )}
    </Stack>
  )
}

/** The blurb written as one paragraph (older drafts): edited as a whole, or given up for the four sentences. */
function ParagraphBlurb({ stored, save }: { stored: string; save: Save }): ReactNode {
  const [value, setValue] = useState(stored)
  return (
    <>
      <Textarea label="Blurb" description="You wrote this blurb as one paragraph: it goes into the note as it is." autosize minRows={3} maxRows={8} value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={() => value !== stored && void save({ blurb: value })} />
      <Group>
        <Button size="xs" variant="default" onClick={() => void save({ blurb: '' })}>
          Use the four sentences instead
        </Button>
      </Group>
    </>
  )
}

function BlurbSection({ intro, save }: { intro: IntroductionDetail; save: Save }): ReactNode {
  const { go } = useNav()
  const clipboard = useClipboard({ timeout: 1500 })
  const blurb = intro.drafts.blurb
  if (blurb === null) return null
  const [connector, target] = intro.people
  const targetName = target?.name ?? 'them'
  const count = sentences(blurb.text).length
  const profileGap = blurb.warnings.some((w) => w.startsWith('Generic: say who you are'))
  return (
    <Section title="The forwardable blurb">
      <Text size="sm" c="dimmed">
        Four short sentences {connector?.name} can forward as they are: who you are, why {targetName}, what you bring, a small ask.
      </Text>
      {blurb.sentences === null ? (
        <ParagraphBlurb key={blurb.text} stored={text(intro.details, 'blurb')} save={save} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {BLURB_SENTENCES.map(({ part, field, label, description }) => {
            const sentence = blurb.sentences?.[part] ?? ''
            const stored = text(intro.details, field)
            return <SentenceField key={`${field}|${stored}|${sentence}`} label={label(targetName)} description={description(targetName)} field={field} sentence={sentence} stored={stored} save={save} />
          })}
        </SimpleGrid>
      )}
      {blurb.sentences !== null && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            As it will read
          </Text>
          <Paper withBorder p="sm">
            <Text size="sm">{blurb.text}</Text>
          </Paper>
        </Stack>
      )}
      <Group>
        <Text size="sm" c="dimmed">
          {count} {count === 1 ? 'sentence' : 'sentences'}, {words(blurb.text)} words
        </Text>
        <Button size="xs" variant="default" onClick={() => clipboard.copy(blurb.text)}>
          {clipboard.copied ? 'Copied' : 'Copy the blurb'}
        </Button>
        {profileGap && (
          <Button size="xs" variant="subtle" onClick={() => go({ page: 'settings' })}>
            Fill in your profile
          </Button>
        )}
      </Group>
      <Stack gap={2} aria-label="Blurb check" role="status">
        {blurb.warnings.length === 0 ? (
          <Text size="sm" c="teal">
            All four parts are there, and it is short.
          </Text>
        ) : (
          blurb.warnings.map((p) => (
            <Text key={p} size="sm" c="var(--kith-color-warning-text)">
              {p}
            </Text>
          ))
        )}
      </Stack>
    </Section>
  )
}

function AskWorkflow({ intro, save }: { intro: IntroductionDetail; save: Save }): ReactNode {
  const [connector, target] = intro.people
  const d = intro.details
  const [weighed, setWeighed] = useState(d.checksConfirmed === true)
  const ask = intro.drafts.ask
  const goal = intro.goal !== null && intro.goal.id !== target?.id ? intro.goal : null
  return (
    <>
      <Section title="Before you ask">
        {intro.checks.length === 0 ? <Text c="dimmed">This path no longer holds (someone was archived, or a relationship removed).</Text> : <Verdicts checks={intro.checks} />}
        <Checkbox
          label="I have weighed these, and still want to ask"
          checked={weighed}
          onChange={(e) => {
            const value = e.currentTarget.checked
            setWeighed(value)
            void save({ checksConfirmed: value })
          }}
        />
      </Section>
      <BlurbSection intro={intro} save={save} />
      <Section title="Make the ask">
        {goal !== null && (
          <Text size="sm">
            One step on the way to {goal.name}: this note asks {connector?.name} to introduce you to {target?.name}, who can reach {goal.name}.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DetailField
            label={`Why ${target?.name ?? 'them'} in particular`}
            field="why"
            intro={intro}
            save={save}
            multiline
            description="In your own words, a sentence or two: it goes into the note and the blurb as you write it."
          />
          <DetailField
            label={`What you can offer ${target?.name ?? 'them'}`}
            field="offer"
            intro={intro}
            save={save}
            multiline
            description="A whole sentence, for example: I can share our data on engineer supply."
          />
        </SimpleGrid>
        {ask !== null && <EditableDraft label="Message to the connector" draft={ask} field="message" intro={intro} save={save} />}
      </Section>
    </>
  )
}

function ConnectWorkflow({ intro, save, onSend }: { intro: IntroductionDetail; save: Save; onSend: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const [a, b] = intro.people
  const d = intro.details
  const { optIns, email, handoff } = intro.drafts
  if (a === undefined || b === undefined) return null
  const answer = (side: 'a' | 'b', value: string): void => {
    void call('introductions.answer', { id: intro.id, side, answer: value === 'yes' || value === 'no' ? value : null }).then(changed)
  }
  const sent = ['introduced', 'scheduled'].includes(intro.state)
  return (
    <>
      <Section title="Who and why">
        <DetailField label="Context (goes in the subject)" field="context" intro={intro} save={save} description="For example: design hiring" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {([['a', a], ['b', b]] as const).map(([side, person]) => (
            <Stack key={side} gap="xs">
              <Text fw={600}>{person.name}</Text>
              <DetailField label={`How you know ${person.name}`} field={side === 'a' ? 'aHow' : 'bHow'} intro={intro} save={save} description="e.g. and I worked together at Acme" />
              <DetailField label={`A line of credit for ${person.name}`} field={side === 'a' ? 'aCredit' : 'bCredit'} intro={intro} save={save} />
              <DetailField label={`What ${person.name} gains`} field={side === 'a' ? 'aGain' : 'bGain'} intro={intro} save={save} multiline description={`A whole sentence: it is what ${person.name}’s opt-in pitches.`} />
            </Stack>
          ))}
        </SimpleGrid>
        <Radio.Group label="Who takes the next step" value={d.schedules === 'b' ? 'b' : 'a'} onChange={(v) => void save({ schedules: v === 'b' ? 'b' : 'a' })}>
          <Group mt={4}>
            <Radio value="a" label={a.name} />
            <Radio value="b" label={b.name} />
          </Group>
        </Radio.Group>
      </Section>
      <Section title="Ask both sides first">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {([['a', a], ['b', b]] as const).map(([side, person]) => (
            <Stack key={side} gap="xs">
              {optIns !== null && <MessageBox label={`Opt-in for ${person.name}`} message={optIns[side]} warnings={optIns[side].warnings} />}
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`answer-${side}`}>
                  {person.name} said
                </Text>
                <SegmentedControl
                  aria-labelledby={`answer-${side}`}
                  value={intro.answers[side] ?? 'waiting'}
                  onChange={(v) => answer(side, v)}
                  disabled={sent || intro.state === 'declined' || intro.state === 'abandoned'}
                  data={[
                    { value: 'waiting', label: 'No answer yet' },
                    { value: 'yes', label: 'Yes' },
                    { value: 'no', label: 'No' },
                  ]}
                />
              </Stack>
            </Stack>
          ))}
        </SimpleGrid>
      </Section>
      <Section title="The introduction">
        {email !== null && <EditableDraft label="Introduction email" draft={email} field="email" intro={intro} save={save} showWarnings={!sent} />}
        {!sent && intro.nextStates.includes('introduced') && (
          <Group>
            <Button onClick={onSend}>I sent the introduction</Button>
          </Group>
        )}
      </Section>
      {sent && handoff !== null && (
        <Section title="Step out: the BCC handoff">
          <Text size="sm" c="dimmed">
            Reply to all with this, moving yourself to BCC, so {a.name} and {b.name} carry on without you.
          </Text>
          <EditableDraft label="Handoff reply" draft={handoff} field="handoff" intro={intro} save={save} />
        </Section>
      )}
    </>
  )
}

export function IntroductionPage({ id }: { id: number }): ReactNode {
  const { version, changed } = useDataVersion()
  const { go } = useNav()
  const intro = useApi('introductions.get', { id }, String(version))
  const [on, setOn] = useState(todayIso())
  const [error, setError] = useState<Error>()
  const [confirm, setConfirm] = useState<string>()

  if (intro.data === undefined || intro.data.id !== id) {
    return intro.error === undefined ? <Loader aria-label="Loading" /> : <ErrorNotice error={intro.error} title="This introduction could not be loaded" />
  }
  const i = intro.data
  const save: Save = async (details) => {
    setError(undefined)
    try {
      await call('introductions.update', { id, details })
      changed()
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)))
    }
  }
  const move = async (to: string, confirmed = false): Promise<void> => {
    setError(undefined)
    try {
      await call('introductions.move', { id, to, date: on, confirmed })
      setConfirm(undefined)
      changed()
      notify({ color: 'teal', message: `${i.title}: ${stateWord(to).toLowerCase()}.` })
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'conflict' && err.message.startsWith('Confirm before sending')) {
        setConfirm(err.message.replace(/^Confirm before sending: /, ''))
        return
      }
      setError(err instanceof Error ? err : new Error(String(err)))
    }
  }
  const undo = async (): Promise<void> => {
    setError(undefined)
    try {
      const back = await call('introductions.undoMove', { id })
      changed()
      notify({ color: 'teal', message: `${i.title}: back to ${stateWord(back.state).toLowerCase()}.` })
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)))
    }
  }
  // Opt-in answers move a connect introduction to ready or declined; no button for those.
  const moves = i.nextStates.filter((s) => !(i.kind === 'connect' && (s === 'ready' || s === 'declined' || s === 'introduced')))

  return (
    <Stack gap="lg" maw={1100}>
      <BackButton />
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{i.title}</Title>
          <Badge size="lg" variant="light">
            {stateWord(i.state)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" aria-label="History">
          {i.history.map((h) => `${stateWord(h.state)} ${formatDate(h.on)}`).join(' · ')}
        </Text>
        {i.kind === 'ask' && i.goal !== null && (
          <Text size="sm">
            Once {i.connector?.name ?? 'they'} has introduced you to {i.target?.name ?? 'them'}, Kith drafts the next ask: to {i.target?.name ?? 'them'}, for{' '}
            {i.goal.name}.
          </Text>
        )}
        {(i.previousId !== null || i.nextId !== null) && (
          <Group gap="xs">
            {i.previousId !== null && (
              <Button variant="light" size="compact-sm" onClick={() => go({ page: 'introduction', id: i.previousId ?? -1 })}>
                The step before
              </Button>
            )}
            {i.nextId !== null && (
              <Button size="compact-sm" onClick={() => go({ page: 'introduction', id: i.nextId ?? -1 })}>
                The next step
              </Button>
            )}
          </Group>
        )}
        {i.kind === 'ask' && i.path.length > 0 && (
          <Text size="sm">
            Path: {i.path.slice(1).map((p, k) => (
              <span key={p.id}>
                {k > 0 && ' → '}
                <Button variant="subtle" size="compact-sm" px={4} onClick={() => go({ page: 'person', id: p.id })}>
                  {p.name}
                </Button>
              </span>
            ))}
          </Text>
        )}
      </Stack>
      {moves.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Track it">
          <Group align="flex-end" gap="sm">
            <TextInput label="On" type="date" value={on} onChange={(e) => setOn(e.currentTarget.value)} w={170} />
            {moves.map((s) => (
              <Button key={s} variant={s === 'abandoned' ? 'subtle' : 'light'} color={s === 'abandoned' ? 'gray' : undefined} onClick={() => void move(s)}>
                {MOVE_LABEL[s] ?? stateWord(s)}
              </Button>
            ))}
            {i.history.length > 1 && (
              <Button variant="subtle" color="gray" onClick={() => void undo()}>
                Take back “{stateWord(i.state)}”
              </Button>
            )}
          </Group>
        </Paper>
      )}
      {moves.length === 0 && i.history.length > 1 && (
        <Group>
          <Button variant="subtle" color="gray" onClick={() => void undo()}>
            Take back “{stateWord(i.state)}”
          </Button>
        </Group>
      )}
      <ErrorNotice error={error} />
      {i.kind === 'ask' ? <AskWorkflow key={i.id} intro={i} save={save} /> : <ConnectWorkflow key={i.id} intro={i} save={save} onSend={() => void move('introduced')} />}
      {i.tasks.length > 0 && (
        <Section title="After the introduction">
          <TasksList tasks={i.tasks} />
        </Section>
      )}
      <Modal opened={confirm !== undefined} onClose={() => setConfirm(undefined)} title="Send the introduction anyway?">
        <Stack>
          <Alert color="orange" role="alert">
            {confirm}
          </Alert>
          <Text size="sm">Introductions go best when both people said yes, and both can see what they gain.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(undefined)}>
              Not yet
            </Button>
            <Button color="orange" onClick={() => void move('introduced', true)}>
              Send anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
