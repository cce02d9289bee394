import { Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { useState, type ReactNode } from 'react'
import { sentences, words } from '../../../../../shared/intro-templates'
import type { IntroductionDetail } from '../../../../../shared/types'
import { askEnded, checksApply } from '../../../../../shared/intro-states'
import { call } from '../../../lib/client'
import { useDataVersion } from '../../../lib/data-version'
import { useNav } from '../../../lib/nav'
import { Verdicts } from '../../../components/Verdicts'
import { Section } from '../../../components/Section'
import { MessageBox } from '../MessageBox'
import { OtherWaysSection } from './OtherWays'
import { type Save, text, DetailField, EditableDraft, BLURB_SENTENCES, SentenceField, ParagraphBlurb } from './fields'


export function BlurbSection({ intro, save }: { intro: IntroductionDetail; save: Save }): ReactNode {
  const { go } = useNav()
  const clipboard = useClipboard({ timeout: 1500 })
  const blurb = intro.drafts.blurb
  if (blurb === null) return null
  const [connector, target] = intro.people
  const targetName = target?.name ?? 'them'
  const count = sentences(blurb.text).length
  const ended = askEnded(intro.kind, intro.state)
  const profileGap = !ended && blurb.warnings.some((w) => w.startsWith('Generic: say who you are'))
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
      {!ended && (
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
      )}
    </Section>
  )
}

/** Why a declined introduction offers no email: who said no, and what is left to do. */
function DeclinedNote({ intro, a, b }: { intro: IntroductionDetail; a: string; b: string }): ReactNode {
  const saidNo = [intro.answers.a === 'no' ? a : null, intro.answers.b === 'no' ? b : null].filter((n) => n !== null)
  const who = saidNo.length === 0 ? 'It was declined' : `${saidNo.join(' and ')} said no`
  // The side who said yes, or was asked and had not answered, has a follow-up to be told (see Follow-ups).
  const waiting = [intro.answers.a !== 'no' ? a : null, intro.answers.b !== 'no' ? b : null].filter((n) => n !== null)
  const told = intro.tasks.some((t) => t.kind === 'other' && waiting.some((n) => t.title.startsWith(`Let ${n} know`)))
  const tell = told ? ` A follow-up reminds you to let ${waiting.join(' and ')} know, kindly.` : ''
  return <Text size="sm">{`${who}, so there is no introduction to send.${tell}`}</Text>
}

export function AskWorkflow({ intro, save }: { intro: IntroductionDetail; save: Save }): ReactNode {
  const [connector, target] = intro.people
  const d = intro.details
  const [weighed, setWeighed] = useState(d.checksConfirmed === true)
  const ask = intro.drafts.ask
  const goal = intro.goal !== null && intro.goal.id !== target?.id ? intro.goal : null
  return (
    <>
      {intro.otherWays !== null && <OtherWaysSection intro={intro} other={intro.otherWays} />}
      {checksApply(intro.kind, intro.state) && (
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
      )}
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
        {ask !== null && <EditableDraft label="Message to the connector" draft={ask} field="message" intro={intro} save={save} showWarnings={!askEnded(intro.kind, intro.state)} />}
      </Section>
      {goal !== null && intro.nextId === null && (
        <Section title={`For the ask that reaches ${goal.name}`}>
          <Text size="sm" c="dimmed">
            Kept for later: Kith drafts the ask for {goal.name} once {target?.name ?? 'the next person'} is introduced to you, with these as its reason and
            offer. Nothing here goes into this note or its blurb.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DetailField label={`Why ${goal.name} in particular`} field="goalWhy" intro={intro} save={save} multiline />
            <DetailField label={`What you can offer ${goal.name}`} field="goalOffer" intro={intro} save={save} multiline />
          </SimpleGrid>
        </Section>
      )}
      {goal !== null && intro.nextId !== null && (
        // Carried over already: changed here, it would change nothing; the next step is where it lives now.
        <Section title={`For the ask that reaches ${goal.name}`}>
          <Text size="sm" c="dimmed">
            The next step, asking {target?.name ?? 'them'} for {goal.name}, is drafted with what you wrote here as its reason and offer: change them there
            (The next step, above).
          </Text>
        </Section>
      )}
    </>
  )
}

/** The double opt-in's order, as it stands: one side first, the other once the first said yes. */
function OneAtATime({ a, b, answers }: { a: string; b: string; answers: IntroductionDetail['answers'] }): ReactNode {
  const yes = answers.a === 'yes' ? a : answers.b === 'yes' ? b : null
  const waiting = answers.a === 'yes' ? b : a
  if (answers.a === 'yes' && answers.b === 'yes') return null
  return (
    <Text size="sm" c="dimmed">
      {yes === null
        ? 'One side at a time: ask first the one whose yes is less certain (often the busier of the two), and the other once they have said yes, so no one hears of an introduction that will not happen.'
        : `${yes} said yes: now ask ${waiting}.`}
    </Text>
  )
}

export function ConnectWorkflow({ intro, save, onSend }: { intro: IntroductionDetail; save: Save; onSend: () => void }): ReactNode {
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
        {!sent && intro.state !== 'declined' && intro.state !== 'abandoned' && <OneAtATime a={a.name} b={b.name} answers={intro.answers} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {([['a', a], ['b', b]] as const).map(([side, person]) => (
            <Stack key={side} gap="xs">
              {optIns !== null && <MessageBox label={`Opt-in for ${person.name}`} message={optIns[side]} warnings={optIns[side].warnings} leftOut={optIns[side].leftOut} />}
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`answer-${side}`}>
                  {person.name} said
                </Text>
                {/* Buttons, not a radio group: arrowing through radios would record each answer on the way (a "yes" on the way to "no"). */}
                <Group gap={4} role="group" aria-labelledby={`answer-${side}`}>
                  {(
                    [
                      ['waiting', 'No answer yet'],
                      ['yes', 'Yes'],
                      ['no', 'No'],
                    ] as const
                  ).map(([value, label]) => {
                    const chosen = (intro.answers[side] ?? 'waiting') === value
                    return (
                      <Button
                        key={value}
                        size="xs"
                        variant={chosen ? 'filled' : 'default'}
                        aria-pressed={chosen}
                        disabled={sent || intro.state === 'declined' || intro.state === 'abandoned'}
                        onClick={() => {
                          if (!chosen) answer(side, value)
                        }}
                      >
                        {label}
                      </Button>
                    )
                  })}
                </Group>
              </Stack>
            </Stack>
          ))}
        </SimpleGrid>
      </Section>
      <Section title="The introduction">
        {intro.state === 'declined' && <DeclinedNote intro={intro} a={a.name} b={b.name} />}
        {email !== null && intro.state !== 'declined' && <EditableDraft label="Introduction email" draft={email} field="email" intro={intro} save={save} showWarnings={!sent} />}
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
