import { noneThisWeek } from '../../../../shared/week-words'
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { notify } from '../../lib/notify'
import { undoNotice } from '../../lib/undo-notice'
import { useEffect, useRef, type ReactNode } from 'react'
import type { PersonRef, SuggestionView } from '../../../../shared/types'
import { stateWord } from '../../../../shared/intro-states'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { ago, strengthWord } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { TasksList } from '../../components/TasksList'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { PersonActions, PersonName, useMe } from '../../components/PersonActions'
import { WhoCanHelp } from '../../components/WhoCanHelp'
import { asError } from '../../lib/errors'
import { useAction } from '../../lib/useAction'
import { Busy } from '../../components/Busy'

const STATUS_WORDS: Record<SuggestionView['status'], string> = {
  open: '',
  started: 'Double opt-in started',
  dismissed: 'Dismissed',
  snoozed: 'Snoozed until next week',
  known: 'They already know each other',
}

/** A suggestion acted on, in words; one started says where its introduction stands now. */
function statusWords(s: SuggestionView): string {
  if (s.status !== 'started') return STATUS_WORDS[s.status]
  if (s.introductionId === null || s.introductionState === null) return 'The introduction was deleted'
  return `Introduction: ${stateWord(s.introductionState)}`
}

/**
 * The suggestion just dismissed, snoozed or marked known: its buttons give
 * way to a badge, and the keyboard's focus goes to its card (drawn again
 * once the week reloads) instead of falling to the page.
 */
let focusAfterReload: number | null = null

function SuggestionCard({ s, onAct }: { s: SuggestionView; onAct: (action: 'start' | 'dismiss' | 'snooze' | 'known') => void }): ReactNode {
  const { go } = useNav()
  const card = useRef<HTMLElement>(null)
  useEffect(() => {
    if (focusAfterReload !== s.id || s.status === 'open') return
    focusAfterReload = null
    card.current?.focus()
  }, [s.id, s.status])
  const name = `${s.a.name} and ${s.b.name}`
  // The introduction started from it was abandoned or deleted: it may be started again.
  const ended = s.status === 'started' && (s.introductionId === null || s.introductionState === 'abandoned')
  return (
    <Paper ref={card} tabIndex={-1} withBorder p="md" component="article" aria-label={`Introduce ${name}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={4} size="h5">
            {s.rank}. Introduce{' '}
            <Button variant="subtle" size="compact-sm" px={2} onClick={() => go({ page: 'person', id: s.a.id })}>
              {s.a.name}
            </Button>{' '}
            and{' '}
            <Button variant="subtle" size="compact-sm" px={2} onClick={() => go({ page: 'person', id: s.b.id })}>
              {s.b.name}
            </Button>
          </Title>
          <Text fw={700}>
            <VisuallyHidden>Score </VisuallyHidden>
            {s.score.toFixed(3)}
          </Text>
        </Group>
        <Stack gap={2}>
          {s.reasons.map((r) => (
            <Group key={r.label} justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm">{r.label}</Text>
              <Text size="sm" ff="monospace">
                ×{r.value.toFixed(2)}
              </Text>
            </Group>
          ))}
        </Stack>
        {s.status === 'open' ? (
          <Group gap="xs">
            {/* Each card has the same buttons: their names say which two they are for (a screen reader lists them all). */}
            <Button size="xs" onClick={() => onAct('start')} aria-label={`Start double opt-in: ${name}`}>
              Start double opt-in
            </Button>
            <Button size="xs" variant="default" onClick={() => onAct('known')} aria-label={`They already know each other: ${name}`}>
              They already know each other
            </Button>
            <Button size="xs" variant="subtle" onClick={() => onAct('snooze')} aria-label={`Snooze ${name}`}>
              Snooze
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => onAct('dismiss')} aria-label={`Dismiss ${name}`}>
              Dismiss
            </Button>
          </Group>
        ) : (
          <Group gap="xs">
            <Badge variant="light" color={s.status === 'dismissed' || ended ? 'gray' : 'teal'}>
              {statusWords(s)}
            </Badge>
            {s.introductionId !== null && (
              <Button size="compact-xs" variant="subtle" onClick={() => go({ page: 'introduction', id: s.introductionId ?? 0 })} aria-label={`Open the introduction of ${name}`}>
                Open the introduction
              </Button>
            )}
            {s.canStartAgain && (
              <Button size="compact-xs" variant="default" onClick={() => onAct('start')} aria-label={`Start double opt-in again: ${name}`}>
                Start double opt-in again
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

/** The weekly review: introductions to make, follow-ups, favors to return, ties going cold. */
export function WeekPage(): ReactNode {
  const { version, changed } = useDataVersion()
  const { go } = useNav()
  const week = useApi('week.get', {}, String(version))
  const me = useMe()
  const { error, setError, run } = useAction()

  const act = async (s: SuggestionView, action: 'start' | 'dismiss' | 'snooze' | 'known'): Promise<void> => {
    await run(async () => {
      const done = await call('suggestions.act', { id: s.id, action })
      if (action !== 'start') focusAfterReload = s.id
      changed()
      const pair = `${s.a.name} and ${s.b.name}`
      if (action === 'start') {
        notify({ color: 'teal', message: `Double opt-in started for ${pair}.` })
        if (done.introductionId !== null) go({ page: 'introduction', id: done.introductionId })
        return
      }
      const words = {
        dismiss: `Dismissed ${pair}.`,
        snooze: `Snoozed ${pair} until next week.`,
        known: `Recorded that ${pair} know each other (${strengthWord(2).toLowerCase()}, 2/5): change it on their pages.`,
      }
      undoNotice({
        message: words[action],
        undo: async () => {
          await call('suggestions.reopen', { id: s.id, relationshipId: done.relationshipId })
          changed()
        },
        undone: `${pair} are back on this week's list.`,
      })
    })
  }
  const confirmKnown = async (a: PersonRef, b: PersonRef): Promise<void> => {
    try {
      const { relationshipId } = await call('suggestions.confirmKnown', { a: a.id, b: b.id })
      changed()
      const message = `Recorded that ${a.name} and ${b.name} know each other (${strengthWord(2).toLowerCase()}, 2/5): change it on their pages.`
      if (relationshipId === null) {
        notify({ color: 'teal', message })
        return
      }
      undoNotice({
        message,
        undo: async () => {
          await call('suggestions.unconfirmKnown', { relationshipId, a: a.id, b: b.id })
          changed()
        },
        undone: `Taken back: ${a.name} and ${b.name} are not recorded as knowing each other.`,
      })
    } catch (err) {
      setError(asError(err))
    }
  }

  if (week.data === undefined) return week.error === undefined ? <Busy label="Loading this week" /> : <ErrorNotice error={week.error} />
  const w = week.data
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="baseline">
        <Title order={2}>This week</Title>
        <Text c="dimmed">{w.week}</Text>
      </Group>
      <ErrorNotice error={error} />
      <Section title="Introductions you could make">
        {w.suggestions.length === 0 ? (
          <Text c="dimmed">{noneThisWeek(w.suggestionsFromSomething)}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              People you know who could help each other, both ways. The list is set for the week; each person appears once.
            </Text>
            {w.suggestions.map((s) => (
              <SuggestionCard key={s.id} s={s} onAct={(action) => void act(s, action)} />
            ))}
          </>
        )}
      </Section>
      {w.maybeKnown.length > 0 && (
        <Section title="Do they already know each other?">
          {w.maybeKnown.map((m) => (
            <Group key={`${m.a.id}-${m.b.id}`} justify="space-between">
              <Text size="sm">
                {m.a.name} and {m.b.name} have {m.shared} {m.shared === 1 ? 'person' : 'people'} in common.
              </Text>
              <Button size="xs" variant="default" onClick={() => void confirmKnown(m.a, m.b)} aria-label={`Yes, record it: ${m.a.name} and ${m.b.name} know each other`}>
                Yes, record it
              </Button>
            </Group>
          ))}
        </Section>
      )}
      <Section title="Follow-ups this week">
        <TasksList openOnly tasks={w.followUps} onOpen={(id) => go({ page: 'introduction', id })} />
      </Section>
      <Section title="Favors to return">
        {w.favorsToReturn.length === 0 ? (
          <Text c="dimmed">You owe no one: nicely done.</Text>
        ) : (
          w.favorsToReturn.map((n) => (
            // A note, not an alert: ten of them would each be read out at once.
            <Alert key={n.person.id} role="note" color="yellow" variant="light" title={<PersonName person={n.person} label={n.label} />}>
              <Stack gap="xs">
                <Text size="sm">{n.text}</Text>
                <WhoCanHelp helpers={n.helpers} />
                <PersonActions person={n.person} label={n.label} me={me} />
              </Stack>
            </Alert>
          ))
        )}
      </Section>
      <Section title="Ties going cold">
        {w.coldTies.length === 0 ? (
          <Text c="dimmed">Everyone close has heard from you lately.</Text>
        ) : (
          <Table aria-label="Ties going cold">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Strength</Table.Th>
                <Table.Th scope="col">Last talked</Table.Th>
                <Table.Th scope="col">Keep in touch every</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.coldTies.map((t) => (
                <Table.Tr key={t.person.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" px={2} onClick={() => go({ page: 'person', id: t.person.id })}>
                      {t.person.name}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    {strengthWord(t.strength)} ({t.strength})
                  </Table.Td>
                  <Table.Td>{ago(t.lastTalked)}</Table.Td>
                  <Table.Td>{t.cadenceDays} days</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Stack>
  )
}
