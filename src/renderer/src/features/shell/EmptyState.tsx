import { Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function EmptyState({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }): ReactNode {
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="xl">
        <Stack gap="md">
          <Text>{children}</Text>
          {actions}
        </Stack>
      </Paper>
    </Stack>
  )
}
