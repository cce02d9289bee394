import { Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PersonRef } from '../../../shared/types'
import { PersonName } from './PersonActions'

/** "Who can help: Zed, Ann, Bea", each a link to their page; nothing when no one can. */
export function WhoCanHelp({ helpers }: { helpers: readonly PersonRef[] }): ReactNode {
  if (helpers.length === 0) return null
  return (
    <Text size="sm" c="dimmed">
      Who can help:{' '}
      {helpers.map((h, k) => (
        <span key={h.id}>
          {k > 0 && ', '}
          <PersonName person={h} label={h.name} />
        </span>
      ))}
    </Text>
  )
}
