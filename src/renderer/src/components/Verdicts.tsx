import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { BeforeYouAsk, Verdict } from '../../../shared/types'

const VERDICT: Record<Verdict, { label: string; color: string }> = {
  good: { label: 'Good', color: 'teal' },
  caution: { label: 'Caution', color: 'yellow' },
  stop: { label: 'Stop', color: 'red' },
}

/** The four before-you-ask questions, each with its verdict and reason. */
export function Verdicts({ checks }: { checks: BeforeYouAsk[] }): ReactNode {
  return (
    <Stack gap={6}>
      {checks.map((q) => (
        <Group key={q.question} gap="sm" wrap="nowrap" align="flex-start">
          <Badge color={VERDICT[q.verdict].color} variant="light" w={80} style={{ flexShrink: 0 }}>
            {VERDICT[q.verdict].label}
          </Badge>
          <Text size="sm">
            <Text span fw={500}>
              {q.question}
            </Text>{' '}
            {q.reason}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
