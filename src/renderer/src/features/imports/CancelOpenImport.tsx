import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'

/** A contacts import left open in this window's backend (its preview's tab closed), that the one refused can cancel. */
export interface OpenImportInTheWay {
  jobId: string
  fileName: string
}

/** Offers to cancel the import in the way; nothing when there is none. */
export function CancelOpenImport({ open, onCancel }: { open: OpenImportInTheWay | null; onCancel: (jobId: string) => void }): ReactNode {
  if (open === null) return null
  return (
    <Group>
      <Button variant="light" color="red" onClick={() => onCancel(open.jobId)}>
        Cancel the import of {open.fileName}
      </Button>
    </Group>
  )
}
