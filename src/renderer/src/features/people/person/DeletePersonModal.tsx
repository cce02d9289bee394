import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** Asks before deleting an archived person for good. */
export function DeletePersonModal({ name, opened, onClose, onConfirm }: { name: string; opened: boolean; onClose: () => void; onConfirm: () => void }): ReactNode {
  return (
    <Modal opened={opened} onClose={onClose} title={`Delete ${name} for good?`}>
      <Stack>
        <Text>
          This removes {name} with their relationships and favors, and interactions no one else attended. It cannot be undone
          (backups in Settings still hold them).
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm}>
            Delete permanently
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
