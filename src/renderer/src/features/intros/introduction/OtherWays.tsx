import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { IntroductionDetail, OtherWays, PathView } from '../../../../../shared/types'
import { call } from '../../../lib/client'
import { useDataVersion } from '../../../lib/data-version'
import { stateWord } from '../../../lib/format'
import { useNav } from '../../../lib/nav'
import { notify } from '../../../lib/notify'
import { useAction } from '../../../lib/useAction'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Section } from '../../../components/Section'
import { Verdicts } from '../../../components/Verdicts'

/** Why the request ended, in a few words, for the section's opening line. */
function ended(intro: IntroductionDetail): string {
  const connector = intro.connector?.name ?? 'The connector'
  return intro.state === 'declined' ? `${connector} said no.` : 'You gave this request up.'
}

/** What is owed the connector before asking someone else. */
function courtesy(intro: IntroductionDetail): string {
  const connector = intro.connector?.name ?? 'the connector'
  if (intro.state === 'declined') return `Thank ${connector} for considering it before you ask someone else.`
  // Given up after asking: the connector may still act on it.
  return intro.history.some((h) => h.state === 'asked') ? `Let ${connector} know you no longer need it, so no one introduces you twice.` : ''
}

/**
 * A request that ended without an introduction: where to turn next. The
 * ways are Find a path's, leaving out this connector and anyone who said no
 * about the person they would be asked for; each starts its own request.
 */
export function OtherWaysSection({ intro, other }: { intro: IntroductionDetail; other: OtherWays }): ReactNode {
  const { go } = useNav()
  const { changed } = useDataVersion()
  const { error, run } = useAction()
  const to = other.to
  const start = (way: PathView): Promise<boolean> =>
    run(async () => {
      const request = await call('introductions.request', { path: way.people.map((p) => p.id) })
      changed()
      notify({ color: 'teal', message: `Request started: ${request.title}.` })
      go({ page: 'introduction', id: request.id })
    })
  const findPath = (
    <Button variant="light" onClick={() => go({ page: 'paths', question: { to: to.id } })}>
      Find a path to {to.name}
    </Button>
  )
  return (
    <Section title={`Other ways to ${to.name}`}>
      <Stack gap="sm">
        {other.known ? (
          <Text size="sm">
            {ended(intro)} You know {to.name} yourself now: you could write to them directly.
          </Text>
        ) : other.ways.length === 0 ? (
          <Text size="sm">
            {ended(intro)} Kith knows no other way to {to.name} within three steps. Record who knows them on their page, or look for longer ways.
          </Text>
        ) : (
          <Text size="sm">
            {ended(intro)} {other.ways.length === 1 ? 'One other way is' : `${other.ways.length} other ways are`} left, best first. {courtesy(intro)}
          </Text>
        )}
        {other.ways.map((way) => (
          <OtherWay key={way.people.map((p) => p.id).join('>')} way={way} onStart={() => void start(way)} onOpen={(id) => go({ page: 'introduction', id })} />
        ))}
        <ErrorNotice error={error} />
        <Group>{findPath}</Group>
      </Stack>
    </Section>
  )
}

function OtherWay({ way, onStart, onOpen }: { way: PathView; onStart: () => void; onOpen: (id: number) => void }): ReactNode {
  const connector = way.people[1]
  const next = way.people[2]
  const target = way.people[way.people.length - 1]
  const chain = way.people.slice(1).map((p) => p.name).join(' → ')
  // Only what needs weighing: the good answers are on the request's own page once started.
  const weigh = way.beforeYouAsk.filter((c) => c.verdict !== 'good')
  return (
    <Paper withBorder p="md" component="article" aria-label={`Through ${chain}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{chain}</Text>
          <Text size="sm" ff="monospace" c="dimmed">
            score {way.score.toFixed(3)}
          </Text>
        </Group>
        {weigh.length === 0 ? <Text size="sm" c="dimmed">Before you ask {connector?.name}: nothing to weigh.</Text> : <Verdicts checks={weigh} />}
        <Group justify="flex-end">
          {way.underWay !== null ? (
            <Button variant="light" onClick={() => onOpen(way.underWay?.id ?? -1)}>
              Open the request to {connector?.name} ({stateWord(way.underWay.state).toLowerCase()})
            </Button>
          ) : (
            <Button onClick={onStart}>
              {next !== undefined && next.id !== target?.id
                ? `Ask ${connector?.name ?? ''} to introduce you to ${next.name}, on the way to ${target?.name ?? ''}`
                : `Ask ${connector?.name ?? ''} to introduce you to ${target?.name ?? ''}`}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
