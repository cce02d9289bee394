import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { notify } from '../../lib/notify'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { ApiCallError, call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { formatDate, stateWord, todayIso } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useDocumentTitle } from '../../lib/title'
import { useApi } from '../../lib/useApi'
import { BackButton } from '../../components/BackButton'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { TasksList } from '../../components/TasksList'
import { useAction } from '../../lib/useAction'
import { DraftsCurrent } from './drafts-current'
import type { Save } from './introduction/fields'
import { AskWorkflow, ConnectWorkflow } from './introduction/workflows'
import { Busy } from '../../components/Busy'

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

export function IntroductionPage({ id }: { id: number }): ReactNode {
  const { version, changed } = useDataVersion()
  const { go } = useNav()
  const intro = useApi('introductions.get', { id }, String(version))
  useDocumentTitle(intro.data?.id === id ? intro.data.title : 'Introduction')
  const [on, setOn] = useState(todayIso())
  const { error, run } = useAction()
  // A move the backend asked to confirm: sending without both yeses, or asking past a stop.
  const [confirm, setConfirm] = useState<{ to: 'introduced' | 'asked'; message: string }>()
  // Saves still on their way: the drafts shown are not yet the ones they make.
  const [saving, setSaving] = useState(0)
  const [waiting] = useState(() => new Map<string, 'copy' | 'open'>())
  const runRef = useRef(run)
  useEffect(() => {
    runRef.current = run
  })
  // The same count, as it is at once (a button clicked straight from a field: its save begins in the click).
  const inFlight = useRef(0)
  const save: Save = useCallback(
    async (details) => {
      inFlight.current++
      setSaving((n) => n + 1)
      try {
        const saved = await runRef.current(async () => {
          await call('introductions.update', { id, details })
          changed()
        })
        // A copy or an open waiting for this save would take the old draft: it is not done.
        if (!saved) waiting.clear()
        return saved
      } finally {
        inFlight.current--
        setSaving((n) => n - 1)
      }
    },
    [id, changed, waiting],
  )

  const title = useRef<HTMLHeadingElement>(null)
  const shownState = intro.data?.id === id ? `${intro.data.state}:${intro.data.history.length}` : null
  useEffect(() => {
    // A move's button goes once the step is taken (I sent the introduction, Ask both sides): the focus,
    // left on nothing, comes to the introduction's title rather than the top of the page.
    // A control disabled by the step (the opt-in answers once one says no) lets its focus go only after this
    // render: looked at once the frame is drawn.
    if (shownState === null) return
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement
      if (active === null || active === document.body || active.matches(':disabled')) title.current?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [shownState])
  if (intro.data === undefined || intro.data.id !== id) {
    return intro.error === undefined ? <Busy label="Loading" /> : <ErrorNotice error={intro.error} title="This introduction could not be loaded" />
  }
  const i = intro.data
  const move = (to: string, confirmed = false): Promise<boolean> =>
    run(async () => {
      try {
        await call('introductions.move', { id, to, date: on, confirmed })
      } catch (err) {
        if (err instanceof ApiCallError && err.code === 'conflict' && /^Confirm before (sending|asking): /.test(err.message)) {
          setConfirm({ to: err.message.startsWith('Confirm before asking') ? 'asked' : 'introduced', message: err.message.replace(/^Confirm before (sending|asking): /, '') })
          return
        }
        throw err
      }
      setConfirm(undefined)
      changed()
      notify({ color: 'teal', message: `${i.title}: ${stateWord(to).toLowerCase()}.` })
    })
  const undo = (): Promise<boolean> =>
    run(async () => {
      const back = await call('introductions.undoMove', { id })
      changed()
      notify({ color: 'teal', message: `${i.title}: back to ${stateWord(back.state).toLowerCase()}.` })
    })
  // Sending an introduction between two people has its own button, with its draft (the opt-in answers move it to ready or declined).
  const moves = i.nextStates.filter((s) => !(i.kind === 'connect' && s === 'introduced'))

  return (
    <Stack gap="lg" maw={1100}>
      <BackButton />
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2} ref={title} tabIndex={-1}>
            {i.title}
          </Title>
          <Badge size="lg" variant="light">
            {stateWord(i.state)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          <VisuallyHidden>History: </VisuallyHidden>
          {i.history.map((h) => `${stateWord(h.state)} ${formatDate(h.on)}`).join(' · ')}
        </Text>
        {i.kind === 'ask' && i.goal !== null && (
          <Text size="sm">
            {i.nextId !== null
              ? `${i.connector?.name ?? 'They'} introduced you to ${i.target?.name ?? 'them'}: the next ask, to ${i.target?.name ?? 'them'} for ${i.goal.name}, is drafted.`
              : ['introduced', 'scheduled', 'closed'].includes(i.state)
                ? // (none drafted: the user was already asking them for it)
                  `${i.connector?.name ?? 'They'} introduced you to ${i.target?.name ?? 'them'}; your ask of ${i.target?.name ?? 'them'} for ${i.goal.name} is on the Introductions page.`
                : `Once ${i.connector?.name ?? 'they'} has introduced you to ${i.target?.name ?? 'them'}, Kith drafts the next ask: to ${i.target?.name ?? 'them'}, for ${i.goal.name}.`}
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
            <TextInput label="Date of this step" description="For a meeting: its day" type="date" value={on} onChange={(e) => setOn(e.currentTarget.value)} w={190} />
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
      <DraftsCurrent.Provider value={{ current: saving === 0 && !intro.loading, isCurrent: () => inFlight.current === 0 && saving === 0 && !intro.loading, waiting }}>
        {i.kind === 'ask' ? <AskWorkflow key={i.id} intro={i} save={save} /> : <ConnectWorkflow key={i.id} intro={i} save={save} onSend={() => void move('introduced')} />}
      </DraftsCurrent.Provider>
      {i.tasks.length > 0 && (
        <Section title="Follow-ups">
          <TasksList tasks={i.tasks} />
        </Section>
      )}
      <Modal opened={confirm !== undefined} onClose={() => setConfirm(undefined)} title={confirm?.to === 'asked' ? 'Ask anyway?' : 'Send the introduction anyway?'}>
        <Stack>
          <Alert color="orange" role="alert">
            {confirm?.message}
          </Alert>
          <Text size="sm">
            {confirm?.to === 'asked'
              ? 'Before you ask says stop. Asking anyway spends goodwill you may want later; if you have weighed it, tick "I have weighed these" and this is not asked again.'
              : 'Introductions go best when both people said yes, and both can see what they gain.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(undefined)}>
              Not yet
            </Button>
            <Button color="orange" onClick={() => void move(confirm?.to ?? 'introduced', true)}>
              {confirm?.to === 'asked' ? 'Ask anyway' : 'Send anyway'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
