import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { notify } from '../../lib/notify'
import { useState, type ReactNode } from 'react'
import type { IntroDetails } from '../../../../shared/schemas'
import { checkBlurb, composeAsk, composeBlurb, composeHandoff, composeIntroEmail, composeOptIn } from '../../../../shared/intro-templates'
import type { IntroductionDetail } from '../../../../shared/types'
import { ApiCallError, call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { formatDate, todayIso } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { Verdicts } from '../paths/Verdicts'
import { BackButton } from '../shell/BackButton'
import { ErrorNotice } from '../shell/ErrorNotice'
import { Section } from '../shell/Section'
import { stateWord } from './IntroductionsPage'
import { MessageBox } from './MessageBox'
import { TasksList } from './TasksList'

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

function AskWorkflow({ intro, save }: { intro: IntroductionDetail; save: Save }): ReactNode {
  const [connector, target] = intro.people
  const d = intro.details
  const [blurb, setBlurb] = useState(text(d, 'blurb'))
  const [message, setMessage] = useState(text(d, 'message'))
  const [weighed, setWeighed] = useState(d.checksConfirmed === true)
  const check = checkBlurb(blurb, intro.me.name, target?.name ?? '')
  const composed = composeAsk({ me: intro.me.name, connector: connector?.name ?? '', target: target?.name ?? '', why: text(d, 'why'), offer: text(d, 'offer'), blurb })
  const draftBlurb = (): void => {
    const role = [intro.me.title, intro.me.company].filter((x) => x !== null).join(' at ')
    const drafted = composeBlurb({ me: intro.me.name, role, target: target?.name ?? '', topic: text(d, 'why'), credibility: '', ask: '' })
    setBlurb(drafted)
    void save({ blurb: drafted })
  }
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
      <Section title="The forwardable blurb">
        <Text size="sm" c="dimmed">
          Four short sentences {connector?.name} can forward as they are: who you are, why {target?.name}, what you bring, a small ask.
        </Text>
        <Textarea label="Blurb" autosize minRows={3} maxRows={8} value={blurb} onChange={(e) => setBlurb(e.currentTarget.value)} onBlur={() => blurb !== text(d, 'blurb') && void save({ blurb })} />
        <Group>
          <Button size="xs" variant="default" onClick={draftBlurb}>
            Draft it for me
          </Button>
          <Text size="sm" c="dimmed">
            {check.sentences} sentences, {check.words} words
          </Text>
        </Group>
        <Stack gap={2} aria-label="Blurb check" role="status">
          {blurb.trim() === '' ? null : check.problems.length === 0 ? (
            <Text size="sm" c="teal">
              All four parts are there, and it is short.
            </Text>
          ) : (
            check.problems.map((p) => (
              <Text key={p} size="sm" c="var(--kith-color-warning-text)">
                {p}
              </Text>
            ))
          )}
        </Stack>
      </Section>
      <Section title="Make the ask">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DetailField label={`Why ${target?.name ?? 'them'} in particular`} field="why" intro={intro} save={save} multiline />
          <DetailField label={`What you can offer ${target?.name ?? 'them'}`} field="offer" intro={intro} save={save} multiline />
        </SimpleGrid>
        <MessageBox
          label="Message to the connector"
          message={{ to: connector?.email === null || connector?.email === undefined ? [] : [connector.email], cc: [], subject: `Would you introduce me to ${target?.name ?? ''}?`, body: message === '' ? composed : message }}
          onBodyChange={setMessage}
          onBodyBlur={() => message !== text(d, 'message') && void save({ message })}
        />
        {message !== '' && (
          <Group>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                setMessage('')
                void save({ message: '' })
              }}
            >
              Draft again from the fields
            </Button>
          </Group>
        )}
      </Section>
    </>
  )
}

function ConnectWorkflow({ intro, save, onSend }: { intro: IntroductionDetail; save: Save; onSend: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const [a, b] = intro.people
  const d = intro.details
  const [email, setEmail] = useState(text(d, 'email'))
  if (a === undefined || b === undefined) return null
  const composedEmail = composeIntroEmail({
    me: intro.me.name,
    a: { name: a.name, email: a.email, howIKnow: text(d, 'aHow'), credit: text(d, 'aCredit'), gain: text(d, 'aGain') },
    b: { name: b.name, email: b.email, howIKnow: text(d, 'bHow'), credit: text(d, 'bCredit'), gain: text(d, 'bGain') },
    context: text(d, 'context'),
    schedules: d.schedules === 'b' ? 'b' : 'a',
  })
  const body = email === '' ? composedEmail.body : email
  const words = body.split(/\s+/).filter((w) => w !== '').length
  const warnings = [
    ...(intro.answers.a === 'yes' && intro.answers.b === 'yes' ? [] : ['Both sides have not said yes yet.']),
    ...composedEmail.warnings.filter((w) => !/ words: /.test(w)),
    ...(words > 150 ? [`${words} words: introductions work best under about 150.`] : []),
  ]
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
              <DetailField label={`What ${person.name} gains`} field={side === 'a' ? 'aGain' : 'bGain'} intro={intro} save={save} multiline />
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
          {([['a', a, b], ['b', b, a]] as const).map(([side, person, other]) => (
            <Stack key={side} gap="xs">
              <MessageBox
                label={`Opt-in for ${person.name}`}
                message={composeOptIn({
                  me: intro.me.name,
                  to: person.name,
                  toEmail: person.email,
                  other: other.name,
                  otherContext: [other.title, other.company].filter((x) => x !== null).join(' at '),
                  gain: text(d, side === 'a' ? 'aGain' : 'bGain'),
                })}
              />
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
        <MessageBox
          label="Introduction email"
          message={{ ...composedEmail, body }}
          onBodyChange={setEmail}
          onBodyBlur={() => email !== text(d, 'email') && void save({ email })}
          warnings={sent ? [] : warnings}
        />
        {!sent && intro.nextStates.includes('introduced') && (
          <Group>
            <Button onClick={onSend}>I sent the introduction</Button>
          </Group>
        )}
      </Section>
      {sent && (
        <Section title="Step out: the BCC handoff">
          <Text size="sm" c="dimmed">
            Reply to all with this, moving yourself to BCC, so {a.name} and {b.name} carry on without you.
          </Text>
          <MessageBox label="Handoff reply" message={composeHandoff(intro.me.name, a, b, composedEmail.subject)} />
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
          </Group>
        </Paper>
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
