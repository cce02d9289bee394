import { Button, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { IntroductionRequest, PersonDetail, PersonRef } from '../../../../../shared/types'
import { IntroductionsTable } from '../../../components/IntroductionsTable'
import { Section } from '../../../components/Section'
import { useDialogs } from '../../../dialogs/Dialogs'

export function IntroductionsSection({ p, list }: { p: PersonDetail; list: IntroductionRequest[] | undefined }): ReactNode {
  const dialogs = useDialogs()
  const ref: PersonRef = { id: p.id, name: p.name }
  return (
    <Section
      title="Introductions"
      actions={
        !p.isMe && p.archivedAt === null ? (
          <Button size="xs" variant="default" onClick={() => dialogs.open({ kind: 'connect', a: ref })}>
            Introduce {p.name} to someone
          </Button>
        ) : undefined
      }
    >
      {list === undefined || list.length === 0 ? (
        <Text c="dimmed" size="sm">
          No introductions involve {p.name} yet.
        </Text>
      ) : (
        <IntroductionsTable list={list} label={`Introductions involving ${p.name}`} />
      )}
    </Section>
  )
}
