import { Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { useEffect, type ReactNode } from 'react'
import { useDraftsCurrent } from './drafts-current'
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
  // While the user's last edit is saved and the draft worked out again from it, the draft shown is the old one.
  const { current, isCurrent, waiting } = useDraftsCurrent()
  const whole = `${message.subject === '' ? '' : `Subject: ${message.subject}\n\n`}${message.body}`
  const href = mailtoUrl(message)
  // Copy or open asked for while the draft is being worked out again: done with the new draft, once it is here.
  const act = (what: 'copy' | 'open'): void => {
    if (what === 'copy') clipboard.copy(whole)
    else if (href !== null) void openExternal(href)
  }
  useEffect(() => {
    const what = waiting.get(label)
    if (!current || what === undefined) return
    waiting.delete(label)
    act(what)
  })
  const ask = (what: 'copy' | 'open'): void => {
    if (isCurrent()) act(what)
    else waiting.set(label, what)
  }
  return (
    <Paper withBorder p="md" component="section" aria-label={label} aria-busy={!current}>
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
          <Button size="xs" variant="default" onClick={() => ask('copy')}>
            {clipboard.copied ? 'Copied' : `Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          </Button>
          {href === null ? (
            <Text size="sm" c="dimmed">
              An address here is not an email address, so this cannot open in mail: copy it instead.
            </Text>
          ) : (
            <Button size="xs" variant="default" onClick={() => ask('open')}>
              Open in mail
            </Button>
          )}
          {/* After the buttons, so that they stay where the user is clicking. */}
          {!current && (
            <Text size="sm" c="dimmed" role="status">
              Updating the draft with your changes…
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
