import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { call } from '../../lib/client'

/** An import left open in this window's backend (its preview's tab closed), a contacts file's or a mail archive's, that the one refused can cancel. */
export interface OpenImportInTheWay {
  jobId: string
  fileName: string
  kind: 'contacts' | 'archive'
}

/** Cancels the import in the way, the way its kind is cancelled. */
export async function cancelOpenImport(open: OpenImportInTheWay): Promise<void> {
  await (open.kind === 'archive' ? call('imports.archiveCancel', { jobId: open.jobId }) : call('imports.cancel', { jobId: open.jobId }))
}

/**
 * Offers to cancel the import in the way, and, when this section can show it
 * (`onShow`: an archive's, say, left when the page was reloaded), to show its
 * preview again; nothing when there is none.
 */
export function CancelOpenImport({
  open,
  onCancel,
  onShow,
}: {
  open: OpenImportInTheWay | null
  onCancel: (open: OpenImportInTheWay) => void
  onShow?: (open: OpenImportInTheWay) => void
}): ReactNode {
  if (open === null) return null
  return (
    <Group>
      {onShow !== undefined && (
        <Button variant="light" onClick={() => onShow(open)}>
          Show the preview of {open.fileName}
        </Button>
      )}
      <Button variant="light" color="red" onClick={() => onCancel(open)}>
        Cancel the import of {open.fileName}
      </Button>
    </Group>
  )
}
