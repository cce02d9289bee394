import { Code, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { type ReactNode } from 'react'
import { signature } from '../../../../shared/intro-templates'
import { profileInput } from '../../../../shared/schemas'
import type { Profile } from '../../../../shared/types'
import { call } from '../../lib/client'
import { FormFooter } from '../../components/FormFooter'
import { useStoredForm } from './useStoredForm'

const EMPTY: Profile = { fullName: '', role: '', organisation: '', credibility: '', signOff: '' }

/** Who the user is, as every draft signs and describes them. */
export function ProfileSettings(): ReactNode {
  const { form, error, save } = useStoredForm<Profile>({
    initial: EMPTY,
    schema: profileInput,
    load: () => call('profile.get', {}),
    store: (values) => call('profile.set', values),
    savedMessage: 'Your profile is saved: drafts use it from now on.',
    othersRead: true,
  })

  // With no sign-off of their own, asks end with thanks and introductions with "Best,": both are shown.
  const ending = signature(form.values, 'Thank you,')
  const introEnding = signature(form.values, 'Best,')
  return (
    <Paper withBorder p="lg" component="form" onSubmit={save} noValidate aria-label="Your profile">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Your profile
        </Title>
        <Text size="sm" c="dimmed">
          Kith signs your drafts with this, and builds the first sentence of every forwardable blurb from it.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Full name" description="As you sign your messages" autoComplete="name" {...form.getInputProps('fullName')} />
          <TextInput label="Role" description="For example: Head of Growth" autoComplete="organization-title" {...form.getInputProps('role')} />
          <TextInput label="Organisation" description="Where you do it" autoComplete="organization" {...form.getInputProps('organisation')} />
        </SimpleGrid>
        <TextInput
          label="One line of credibility"
          description="Why a stranger would give you 15 minutes, for example: we doubled paid teams in a year"
          {...form.getInputProps('credibility')}
        />
        <TextInput
          label="Sign-off"
          description="How your messages end, for example “Best,” (your full name goes under it) or “Best, Jordan”. Empty: “Thank you,” on an ask and “Best,” on an introduction, and your full name."
          {...form.getInputProps('signOff')}
        />
        {ending === introEnding ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Your drafts end with
            </Text>
            <Code block>{ending}</Code>
          </Stack>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Your asks end with
              </Text>
              <Code block>{ending}</Code>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Your introductions end with
              </Text>
              <Code block>{introEnding}</Code>
            </Stack>
          </SimpleGrid>
        )}
        <FormFooter error={error} submit="Save profile" disabled={!form.isDirty()} justify="flex-start" />
      </Stack>
    </Paper>
  )
}
