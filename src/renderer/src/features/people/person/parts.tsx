import { Anchor, Badge, Button, Group, Text } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { mailtoUrl } from '../../../../../shared/intro-templates'
import type { PersonRef } from '../../../../../shared/types'
import { openExternal } from '../../../lib/client'

export function Field({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  )
}

const CAP = 12

export interface Capped<T> {
  shown: T[]
  toggle: ReactNode
}

/** The first few rows, and a button for the rest. */
export function useCapped<T>(items: T[]): Capped<T> {
  const [all, setAll] = useState(false)
  if (items.length <= CAP) return { shown: items, toggle: null }
  return {
    shown: all ? items : items.slice(0, CAP),
    toggle: (
      <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} aria-expanded={all}>
        {all ? 'Show fewer' : `Show all ${items.length}`}
      </Button>
    ),
  }
}

export function PersonLink({ person, onOpen }: { person: PersonRef; onOpen: (id: number) => void }): ReactNode {
  return (
    <Anchor component="button" type="button" onClick={() => onOpen(person.id)}>
      {person.name}
    </Anchor>
  )
}

export function ExternalLink({ href, children }: { href: string; children: ReactNode }): ReactNode {
  return (
    <Anchor
      href={href}
      onClick={(e) => {
        e.preventDefault()
        void openExternal(href)
      }}
    >
      {children}
    </Anchor>
  )
}

/** A mail link, or the address as plain text when it is not one Kith can link to. */
export function EmailAddress({ address }: { address: string }): ReactNode {
  const href = mailtoUrl({ to: [address], cc: [], subject: '', body: '' })
  return href === null ? <Text span>{address}</Text> : <ExternalLink href={href}>{address}</ExternalLink>
}

export function Labels({ items }: { items: string[] }): ReactNode {
  if (items.length === 0) return <Text c="dimmed">—</Text>
  return (
    <Group gap={6}>
      {items.map((t) => (
        <Badge key={t} variant="light" tt="none">
          {t}
        </Badge>
      ))}
    </Group>
  )
}

/** Deleting one row of a person's page: what to call, which row, the notice once done, and how its Undo puts the row back. */
export type RemoveRow = (what: 'relationships.delete' | 'interactions.delete' | 'favors.delete', rowId: number, done: string, putBack: () => Promise<unknown>) => Promise<void>
