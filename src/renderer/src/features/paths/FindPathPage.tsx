import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { notify } from '../../lib/notify'
import { useState, type ReactNode } from 'react'
import type { ArgsIn } from '../../../../shared/contract'
import type { PathView, PersonRef } from '../../../../shared/types'
import type { PathQuestion } from '../../lib/routes'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { ago, stateWord, strengthWord } from '../../lib/format'
import { useApi } from '../../lib/useApi'
import { useNav } from '../../lib/nav'
import { PersonPicker } from '../../components/PersonPicker'
import { ErrorNotice } from '../../components/ErrorNotice'
import { AddTargetForm } from './AddTargetForm'
import { PathPicture } from './PathPicture'
import { Verdicts } from '../../components/Verdicts'
import { useAction } from '../../lib/useAction'
import { Busy } from '../../components/Busy'

type Kind = 'person' | 'company' | 'tag'

/** An inferred colleague step: the user can say it is real, or that they do not know each other. */
function ColleagueStep({ a, b, organisation }: { a: PersonRef; b: PersonRef; organisation: string }): ReactNode {
  const { changed } = useDataVersion()
  const { error, run } = useAction()
  const act = async (method: 'colleagues.confirm' | 'colleagues.reject'): Promise<void> => {
    await run(async () => {
      await call(method, { a: a.id, b: b.id })
      changed()
      notify({
        color: 'teal',
        message: method === 'colleagues.confirm' ? `${a.name} and ${b.name} know each other: recorded.` : `Kith will not assume ${a.name} and ${b.name} know each other again.`,
      })
    })
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        Kith assumes {a.name} and {b.name} know each other from {organisation}.
      </Text>
      <Button size="compact-xs" variant="light" onClick={() => void act('colleagues.confirm')} aria-label={`${a.name} and ${b.name} know each other`}>
        They know each other
      </Button>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void act('colleagues.reject')} aria-label={`${a.name} and ${b.name} don't know each other`}>
        They don’t
      </Button>
      <ErrorNotice error={error} />
    </Group>
  )
}

function PathCard({ path, rank, started, onStart, onOpen }: { path: PathView; rank: number; started: number | null; onStart: () => void; onOpen: (id: number) => void }): ReactNode {
  const connector = path.people[1]
  const target = path.people[path.people.length - 1]
  // A longer path is asked one hop at a time: the first ask is for the next person on it.
  const next = path.people[2]
  const chain = path.people.slice(1).map((p) => p.name).join(' → ')
  // The request this path's first step already has: started here, or under way from before.
  const request = started ?? path.underWay?.id ?? null
  const colleagues = path.steps.flatMap((step, k) => (step.kind === 'colleague' ? [{ a: path.people[k], b: path.people[k + 1], organisation: step.organisation.name }] : []))
  return (
    <Paper withBorder p="lg" component="article" aria-label={`Path ${rank}: ${chain}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={3} size="h4">
                {rank}. {chain}
              </Title>
              {/* Ranked by its chances, which may still be an ask not to make now: said where the eye starts. */}
              {path.beforeYouAsk.some((c) => c.verdict === 'stop') && (
                <Badge color="red" variant="light">
                  Before you ask: stop
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {path.people
                .slice(0, -1)
                .map((p, k) => {
                  const step = path.steps[k]
                  const how = step?.kind === 'colleague' ? `colleagues at ${step.organisation.name} (inferred)` : strengthWord(path.strengths[k] ?? 1).toLowerCase()
                  return `${k === 0 ? 'You' : p.name} – ${path.people[k + 1]?.name ?? ''}: ${how}`
                })
                .join(' · ')}
            </Text>
          </div>
          <Text fw={700} size="lg">
            <VisuallyHidden>Score </VisuallyHidden>
            {path.score.toFixed(3)}
          </Text>
        </Group>
        <Table aria-label={`Why path ${rank} ranks here`} withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Factor</Table.Th>
              <Table.Th scope="col" ta="right">
                Multiplier
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {path.factors.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Text size="sm">{f.label}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" ff="monospace">
                    ×{f.value.toFixed(3)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>
                <Text size="sm" fw={600}>
                  Score (the product)
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" ff="monospace" fw={600}>
                  {path.score.toFixed(3)}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {colleagues.map((c) =>
          c.a === undefined || c.b === undefined ? null : <ColleagueStep key={`${c.a.id}-${c.b.id}`} a={c.a} b={c.b} organisation={c.organisation} />,
        )}
        <Stack gap={6} component="section" aria-label={`Before you ask ${connector?.name ?? ''}`}>
          <Text fw={600} size="sm">
            Before you ask {connector?.name}
          </Text>
          <Verdicts checks={path.beforeYouAsk} />
        </Stack>
        {path.underWay !== null && (
          // Started here, on another visit or from the command line: the button opens it, never asks twice.
          <Text size="sm" role="note">
            You are asking {connector?.name} to introduce you to {next?.name}: introduction {path.underWay.id}, {stateWord(path.underWay.state).toLowerCase()}.
          </Text>
        )}
        <Group justify="flex-end">
          {/* Once started, the same button opens the request: it keeps the keyboard's focus, and leads on. */}
          <Button onClick={request === null ? onStart : () => onOpen(request)} variant={request === null ? 'filled' : 'light'}>
            {request !== null
              ? `Open the request started with ${connector?.name ?? ''}`
              : next !== undefined && next.id !== target?.id
                ? `Ask ${connector?.name ?? ''} to introduce you to ${next.name}, on the way to ${target?.name ?? ''}`
                : `Ask ${connector?.name ?? ''} to introduce you to ${target?.name ?? ''}`}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

type Asked = { to: number } | { company: string } | { tag: string }

/** A question without its `longer`. */
function bare(question: PathQuestion): Asked {
  return 'to' in question ? { to: question.to } : 'company' in question ? { company: question.company } : { tag: question.tag }
}

/** The kind of target a question names. */
function kindOf(question: PathQuestion): Kind {
  return 'to' in question ? 'person' : 'company' in question ? 'company' : 'tag'
}

/**
 * Find a path. The question lives in the page's address (`question`, changed through
 * `onQuestion`), so leaving the page and coming back, or a link from a person's page,
 * shows the same answer; only a kind chosen with nothing asked yet is the page's own.
 */
export function FindPathPage({ question: inAddress, onQuestion }: { question: PathQuestion | null; onQuestion: (question: PathQuestion | null) => void }): ReactNode {
  // The question as asked here, at once; the address follows a moment later (the router moves in a transition),
  // and a question the address brings (back, forward, a link) replaces it.
  const [question, setQuestion] = useState(inAddress)
  const [seen, setSeen] = useState(inAddress)
  if (JSON.stringify(seen) !== JSON.stringify(inAddress)) {
    setSeen(inAddress)
    setQuestion(inAddress)
  }
  const { version, changed } = useDataVersion()
  const { go } = useNav()
  const [kindChosen, setKind] = useState<Kind>(question === null ? 'person' : kindOf(question))
  const kind = question === null ? kindChosen : kindOf(question)
  const [longerChosen, setLonger] = useState(question?.longer === true)
  const longer = question === null ? longerChosen : question.longer === true
  // The person as picked (their name is known at once); one named by the address takes its name from the answer.
  const [picked, setPicked] = useState<PersonRef | null>(null)
  const [adding, setAdding] = useState<string | null>(null)
  // The requests started from this page: the path's people, to the request's id.
  const [started, setStarted] = useState<Map<string, number>>(new Map())
  const { error, run } = useAction()
  const facets = useApi('people.facets', {}, String(version))
  const orgs = useApi('orgs.list', kind === 'company' ? {} : null, String(version))
  const ask = (asked: Asked | null, longerToo = longer): void => {
    const next = asked === null ? null : longerToo ? { ...asked, longer: true as const } : asked
    setQuestion(next)
    onQuestion(next)
  }

  const maxHops = longer ? 4 : 3
  const args: ArgsIn<'paths.find'> | null =
    question === null ? null : 'to' in question ? { to: question.to, maxHops } : 'company' in question ? { company: question.company, maxHops } : { tag: question.tag, maxHops }
  const result = useApi('paths.find', args, String(version))
  // The question the answer on screen is for: asked again after a change (a request started, say), the answer stays
  // on screen until the new one comes, so the cards and the focus in them stay put; a new question hides it at once.
  const asked = JSON.stringify(args)
  const [answered, setAnswered] = useState<string | null>(null)
  if (!result.loading && result.data !== undefined && answered !== asked) setAnswered(asked)
  const found = args !== null && (!result.loading || answered === asked) ? result.data : undefined
  // A person named by the address only (a link, a step back): their name, even when no path can be found to them.
  const askedId = question !== null && 'to' in question && picked?.id !== question.to ? question.to : null
  const named = useApi('people.get', askedId === null ? null : { id: askedId }, String(version))
  const person: PersonRef | null =
    question === null || !('to' in question)
      ? null
      : picked?.id === question.to
        ? picked
        : found?.target.kind === 'person' && found.target.id === question.to
          ? { id: found.target.id, name: found.target.name }
          : named.data?.id === question.to
            ? { id: named.data.id, name: named.data.name }
            : { id: question.to, name: '' }

  const start = async (path: PathView): Promise<void> => {
    await run(async () => {
      const request = await call('introductions.request', { path: path.people.map((p) => p.id) })
      setStarted((s) => new Map(s).set(path.people.map((p) => p.id).join('>'), request.id))
      changed()
      notify({
        color: 'teal',
        message: `Request started: ${request.title}. It is on the Introductions page.`,
      })
    })
  }

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={2}>Find a path</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Who to reach"
            value={kind}
            onChange={(value) => {
              setKind(value)
              // Another kind of target: the question asked is put away.
              if (question !== null) ask(null)
            }}
            data={[
              { value: 'person', label: 'A person' },
              { value: 'company', label: 'Anyone at a company' },
              { value: 'tag', label: 'Anyone with a tag' },
            ]}
          />
          {kind === 'person' && (
            <PersonPicker
              label="Person to meet"
              placeholder="Type a name"
              value={person}
              onChange={(p) => {
                setPicked(p)
                ask(p === null ? null : { to: p.id })
              }}
              onCreate={setAdding}
            />
          )}
          {kind === 'company' && (
            <Select
              label="Company"
              placeholder="Choose a company"
              searchable
              data={(orgs.data ?? []).filter((o) => o.current > 0).map((o) => ({ value: o.name, label: `${o.name} (${o.current})` }))}
              value={question !== null && 'company' in question ? question.company : null}
              onChange={(value) => ask(value === null ? null : { company: value })}
            />
          )}
          {kind === 'tag' && (
            <Select
              label="Tag"
              placeholder="Choose a tag"
              searchable
              data={(facets.data?.tags ?? []).map((t) => ({ value: t.label, label: `${t.label} (${t.count})` }))}
              value={question !== null && 'tag' in question ? question.tag : null}
              onChange={(value) => ask(value === null ? null : { tag: value })}
            />
          )}
          <Switch
            label="Include longer paths (4 relationships)"
            checked={longer}
            onChange={(e) => {
              const checked = e.currentTarget.checked
              setLonger(checked)
              if (question !== null) ask(bare(question), checked)
            }}
          />
        </Stack>
      </Paper>

      <ErrorNotice error={error} />
      {args !== null && result.error !== undefined && <ErrorNotice error={result.error} title="Paths could not be found" />}
      {args !== null && result.loading && found === undefined && <Busy label="Finding paths" />}
      {found !== undefined && (
        <Stack gap="md" aria-live="polite">
          {found.direct.length > 0 && found.target.kind !== 'person' && (
            <Text size="sm" c="dimmed">
              You already know {found.direct.length} of the {found.targets} {found.targets === 1 ? 'person' : 'people'}{' '}
              {found.target.kind === 'company' ? 'there' : 'with that tag'}: they are not introductions, and they can be the way to the others.
            </Text>
          )}
          {found.direct.map((d) => (
            // A note, not an alert: a company search may list several, each read out at once as alerts.
            <Alert key={d.id} color="teal" role="note" title={`You already know ${d.name}`}>
              <Stack gap={4}>
                <Text size="sm">
                  {strengthWord(d.strength)} ({d.strength}/5), {d.lastTalked === null ? 'no talk logged' : `last talked ${ago(d.lastTalked)}`}.{' '}
                  {d.faint
                    ? `You know them only faintly: you could write to them yourself, but a word from someone who knows them well may carry more.${found.paths.length > 0 ? ' The paths below are the ways in Kith knows, best first.' : ' Kith knows no one who could introduce you.'}`
                    : 'No introduction needed: reach out directly.'}
                  {d.hint === null ? '' : ` ${d.hint}.`}
                </Text>
                <Group>
                  <Button size="compact-sm" variant="light" onClick={() => go({ page: 'person', id: d.id })}>
                    Open {d.name}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ))}
          {found.paths.length === 0 ? (
            // Someone I already know needs no introduction: no path to them is looked for (unless I know them only faintly).
            found.direct.filter((d) => !d.faint).length >= found.targets ? null : (
              <Alert color="gray" title="No path within reach">
                {longer ? 'Even with four relationships, Kith knows no way in.' : 'Try including longer paths.'} Recording who knows whom
                (between other people too) opens more paths.
              </Alert>
            )
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {found.paths.length} {found.paths.length === 1 ? 'path' : 'paths'}
                {found.target.kind === 'person' ? '' : ` to ${reachedWords(found.paths)}`}, best first, at most two through the same person. A score
                is a relative likelihood for comparing paths, not a probability.
              </Text>
              <PathPicture paths={found.paths.slice(0, 5)} />
              {found.paths.map((p, i) => (
                <PathCard
                  key={p.people.map((x) => x.id).join('>')}
                  path={p}
                  rank={i + 1}
                  started={started.get(p.people.map((x) => x.id).join('>')) ?? null}
                  onStart={() => void start(p)}
                  onOpen={(id) => go({ page: 'introduction', id })}
                />
              ))}
            </>
          )}
        </Stack>
      )}
      <Modal opened={adding !== null} onClose={() => setAdding(null)} title="Add someone to reach" size="lg">
        <AddTargetForm
          name={adding ?? ''}
          onDone={(p) => {
            setAdding(null)
            changed()
            setPicked({ id: p.id, name: p.name })
            ask({ to: p.id })
          }}
        />
      </Modal>
    </Stack>
  )
}

/** "5 people": how many different people the paths reach (a company or tag search reaches some of those asked about). */
function reachedWords(paths: readonly { people: readonly { id: number }[] }[]): string {
  const reached = new Set(paths.map((p) => p.people[p.people.length - 1]?.id)).size
  return `${reached} ${reached === 1 ? 'person' : 'people'}`
}
