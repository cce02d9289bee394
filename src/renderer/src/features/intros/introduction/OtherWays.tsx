import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { IntroductionDetail, OtherWays, PathView } from '../../../../../shared/types'
import { call } from '../../../lib/client'
import { useDataVersion } from '../../../lib/data-version'
import { stateWord } from '../../../lib/format'
import { useNav } from '../../../lib/nav'
import { notify } from '../../../lib/notify'
import { useAction } from '../../../lib/useAction'
import { otherWaysWords } from '../../../../../shared/other-ways-words'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Section } from '../../../components/Section'
import { Verdicts } from '../../../components/Verdicts'

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
  const none = !other.known && !other.archived && other.ways.length === 0
  const findPath = (
    <Button variant="light" onClick={() => go({ page: 'paths', question: none ? { to: to.id, longer: true } : { to: to.id } })}>
      {none ? `Look for longer ways to ${to.name}` : `Find a path to ${to.name}`}
    </Button>
  )
  const words = otherWaysWords(intro, other)
  return (
    <Section title={`Other ways to ${to.name}`}>
      <Stack gap="sm">
        <Text size="sm">
          {[words.ended, words.courtesy, words.left, none ? 'Record who knows them on their page, or look for longer ways.' : ''].filter((w) => w !== '').join(' ')}
        </Text>
        {other.ways.map((way) => (
          <OtherWay key={way.people.map((p) => p.id).join('>')} way={way} onStart={() => void start(way)} onOpen={(id) => go({ page: 'introduction', id })} />
        ))}
        <ErrorNotice error={error} />
        {!other.archived && <Group>{findPath}</Group>}
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
              Open the request through {chain} ({stateWord(way.underWay.state).toLowerCase()})
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
