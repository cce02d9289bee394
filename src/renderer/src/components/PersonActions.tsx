import { Anchor, Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonRef } from '../../../shared/types'
import { useDialogs } from '../dialogs/Dialogs'
import { useDataVersion } from '../lib/data-version'
import { useNav } from '../lib/nav'
import { useApi } from '../lib/useApi'

/** A person's name (`label`: full, with the company for namesakes) that opens their page. */
export function PersonName({ person, label }: { person: PersonRef; label: string }): ReactNode {
  const { go } = useNav()
  return (
    // The text's own colour, underlined: readable on a tinted notice as well as on the page.
    <Anchor component="button" type="button" c="inherit" underline="always" fw={600} onClick={() => go({ page: 'person', id: person.id })}>
      {label}
    </Anchor>
  )
}

/**
 * Who "you" are, for the rows of `PersonActions`: asked once by the page
 * that lists them, not once a row (the Reciprocity page lists everyone with
 * a favor, and asked the backend the same question for each of them).
 */
export function useMe(): PersonRef | null {
  const { version } = useDataVersion()
  return useApi('me.get', {}, String(version)).data ?? null
}

/**
 * What to do about someone you owe: log the favor you gave them (from you, to
 * them: the likely choice), open their page, or introduce them to someone.
 * Each button's accessible name says who it is for. `me` is the user, from
 * `useMe` on the page.
 */
export function PersonActions({ person, label, me }: { person: PersonRef; label: string; me: PersonRef | null }): ReactNode {
  const { go } = useNav()
  const dialogs = useDialogs()
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="compact-sm" variant="default" aria-label={`Log a favor for ${label}`} onClick={() => dialogs.open({ kind: 'favor', giver: me, receiver: person })}>
        Log a favor
      </Button>
      <Button size="compact-sm" variant="default" aria-label={`Open ${label}`} onClick={() => go({ page: 'person', id: person.id })}>
        Open
      </Button>
      <Button size="compact-sm" variant="default" aria-label={`Start an introduction for ${label}`} onClick={() => dialogs.open({ kind: 'connect', a: person })}>
        Start an introduction
      </Button>
    </Group>
  )
}
