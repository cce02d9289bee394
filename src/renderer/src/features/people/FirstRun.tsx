import { Box, Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react'
import { personName } from '../../../../shared/schemas'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { ErrorNotice } from '../../components/ErrorNotice'
import { errorText } from '../../lib/errors'
import { useAction } from '../../lib/useAction'
import { useDialogs } from '../../dialogs/Dialogs'
import { useNav } from '../../lib/nav'
import type { PersonRef } from '../../../../shared/types'

/** Asks who the user is; Kith measures every path from them. */
export function MeForm({ intro }: { intro: ReactNode }): ReactNode {
  const { changed } = useDataVersion()
  const [name, setName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault()
    const parsed = personName.safeParse(name)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      return
    }
    setBusy(true)
    try {
      await call('me.set', { name: parsed.data })
      changed()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {intro}
        <Group align="flex-start">
          <TextInput
            label="Your name"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              setError(undefined)
            }}
            error={error}
            style={{ flex: 1, maxWidth: 360 }}
          />
          <Button type="submit" mt={25} loading={busy}>
            Continue
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The second step's heading: the name just given took its form away, so the keyboard comes here rather than to nothing. */
function WelcomeHeading({ name }: { name: string }): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) heading.current?.focus()
  }, [])
  return (
    <Title order={2} ref={heading} tabIndex={-1}>
      Welcome, {name}
    </Title>
  )
}

/**
 * The first run, in two steps: who you are (or the sample network straight
 * away), then how to bring your people in: an import, the sample network
 * around you, or adding them by hand. Each leads somewhere real.
 */
export function FirstRun({ me, onImport }: { me: PersonRef | null; onImport: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const dialogs = useDialogs()
  const { go } = useNav()
  const { busy, error, run } = useAction<'sample'>()

  const loadSample = (): Promise<boolean> =>
    run(async () => {
      await call('demo.load', {})
      changed()
    }, 'sample')

  if (me !== null) {
    return (
      <Stack maw={720} gap="lg">
        <WelcomeHeading name={me.name} />
        <Text>Kith knows who you are. Now bring in the people you know; you can always add more later.</Text>
        <Stack gap="md" component="ul" aria-label="Ways to begin" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          <NextStep
            title="Import your contacts, mail and calendar"
            text="A LinkedIn Connections.csv, a Google Contacts CSV, a contacts spreadsheet with a Name column, or a vCard (.vcf) file from your phone, Apple, Google or Outlook; or, best of all, your mail (.mbox, .eml) and calendar (.ics): Kith learns who you really talk to, and how often, without anything leaving this computer. You see a preview before anything is added, and an import can be undone."
            action={
              <Button onClick={onImport} aria-label="Import contacts">
                Import contacts
              </Button>
            }
          />
          <NextStep
            title="Try the sample network"
            text="Two hundred made-up people around you, with relationships, favors and introductions, to see what Kith does. Remove it later in Settings."
            action={
              <Button variant="light" onClick={() => void loadSample()} loading={busy === 'sample'}>
                Load sample network
              </Button>
            }
          />
          <NextStep
            title="Tell Kith about yourself"
            text="Your role, your organisation and what you are known for: every ask and introduction Kith drafts is signed with them, and every forwardable blurb begins with them."
            action={
              <Button variant="default" onClick={() => go({ page: 'settings' })}>
                Open your profile
              </Button>
            }
          />
          <NextStep
            title="Add people by hand"
            text="Start with the few people who matter most: who they are, how you know them, how well."
            action={
              <Button variant="default" onClick={() => dialogs.open({ kind: 'person' })}>
                Add a person
              </Button>
            }
          />
        </Stack>
        <ErrorNotice error={error} title="The sample network could not be loaded" />
      </Stack>
    )
  }

  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>Welcome to Kith</Title>
      <Paper withBorder p="xl">
        <Stack gap="md">
          <Text>
            Kith keeps the map of who you know, and who they know, on this computer. From it, Kith finds the warmest
            way to meet anyone and helps you ask well, and introduce others well.
          </Text>
          <Text c="dimmed" size="sm">
            Nothing you enter leaves this machine.
          </Text>
          <MeForm intro={<Text fw={500}>To begin, what is your name?</Text>} />
          <Divider label="or" labelPosition="center" />
          <Group>
            <Button variant="light" onClick={() => void loadSample()} loading={busy === 'sample'}>
              Load sample network
            </Button>
            <Button variant="default" onClick={onImport}>
              Import contacts
            </Button>
          </Group>
          <ErrorNotice error={error} title="The sample network could not be loaded" />
        </Stack>
      </Paper>
    </Stack>
  )
}

function NextStep({ title, text, action }: { title: string; text: string; action: ReactNode }): ReactNode {
  return (
    <Paper withBorder p="lg" component="li">
      {/* The text gives way to the button, never the reverse; in a narrow window the button goes under the text. */}
      <Group justify="space-between" align="center">
        <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </Stack>
        <Box style={{ flexShrink: 0 }}>{action}</Box>
      </Group>
    </Paper>
  )
}
