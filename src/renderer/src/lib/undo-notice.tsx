import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { asError } from './errors'
import { notify } from './notify'

/**
 * A notice of something just done, with Undo for a few seconds. Undo closes
 * the notice at once (it cannot be pressed twice), then takes the change
 * back; what follows is a notice of its own, wherever the user is by then:
 * `undone` when it worked, or the reason it was refused, titled as a refusal.
 */
export function undoNotice({ message, undo, undone }: { message: string; undo: () => Promise<unknown>; undone: string }): void {
  let id = ''
  // The button is "Undo", described by what it undoes (several notices may be on screen at once).
  const described = `undo-${Math.random().toString(36).slice(2)}`
  id = notify({
    color: 'teal',
    autoClose: 8000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" id={described}>
          {message}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          // A long message must not squeeze the button to "Und".
          style={{ flexShrink: 0 }}
          aria-describedby={described}
          onClick={() => {
            notifications.hide(id)
            // The button goes with its notice: keep the keyboard in the page, not lost on the body.
            document.getElementById('main')?.focus()
            undo()
              .then(() => notify({ color: 'gray', message: undone }))
              .catch((err: unknown) => notify({ color: 'red', title: 'Not taken back', message: asError(err).message, autoClose: 12000 }))
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  })
}
