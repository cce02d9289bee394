import { Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import type { ReactNode } from 'react'
import { mailtoUrl, type Message } from '../../../../shared/intro-templates'
import { openExternal } from '../../lib/client'

/** A drafted message: edit it, copy it, or open it in the mail program. */
export function MessageBox({
  label,
  message,
  onBodyChange,
  onBodyBlur,
  warnings = [],
  leftOut = [],
}: {
  label: string
  message: Message
  /** people it is for who are not in To, for want of an email address */
  leftOut?: string[]
  onBodyChange?: (body: string) => void
  onBodyBlur?: () => void
  warnings?: string[]
}): ReactNode {
  const clipboard = useClipboard({ timeout: 1500 })
  const whole = `${message.subject === '' ? '' : `Subject: ${message.subject}\n\n`}${message.body}`
  const href = mailtoUrl(message)
  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <TextInput
          label="To"
          value={message.to.join(', ')}
          readOnly
          placeholder="(no email address on record)"
          description={leftOut.length === 0 ? undefined : `Not in To: ${leftOut.join(' and ')} (no email address on record). Add it, or send to them separately.`}
        />
        {message.subject !== '' && <TextInput label="Subject" value={message.subject} readOnly />}
        <Textarea
          label="Message"
          autosize
          minRows={6}
          maxRows={20}
          value={message.body}
          readOnly={onBodyChange === undefined}
          onChange={(e) => onBodyChange?.(e.currentTarget.value)}
          onBlur={onBodyBlur}
        />
        {warnings.map((w) => (
          <Text key={w} size="sm" c="var(--kith-color-warning-text)" role="status">
            {w}
          </Text>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => clipboard.copy(whole)}>
            {clipboard.copied ? 'Copied' : `Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          </Button>
          {href === null ? (
            <Text size="sm" c="dimmed">
              An address here is not an email address, so this cannot open in mail: copy it instead.
            </Text>
          ) : (
            <Button size="xs" variant="default" onClick={() => void openExternal(href)}>
              Open in mail
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
