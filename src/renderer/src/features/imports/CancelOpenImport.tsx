import { Button, Group, Stack, Text } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'
import { call } from '../../lib/client'

/** An import left open in this window's backend (its preview's tab closed), a contacts file's or a mail archive's, that the one refused can cancel. */
export interface OpenImportInTheWay {
  jobId: string
  fileName: string
  kind: 'contacts' | 'archive'
  /** found waiting when the page opened (reloaded on its preview, say), rather than in the way of a new import */
  found?: boolean
}

/**
 * On opening the page: an import of `kind` left at its preview in this
 * backend (the page reloaded on it, or closed), handed to `found` to offer
 * showing it again or cancelling it; nothing when none waits.
 */
export function useWaitingImport(kind: OpenImportInTheWay['kind'], found: (open: OpenImportInTheWay) => void): void {
  useEffect(() => {
    let live = true
    call('imports.waiting', {})
      .then((open) => {
        if (live && open !== null && open.kind === kind && open.jobId !== null) found({ jobId: open.jobId, fileName: open.fileName, kind, found: true })
      })
      // Only an offer: the page works the same without it.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [kind, found])
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
  const buttons = (
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
  if (open.found !== true) return buttons
  return (
    <Stack gap="xs" role="status" aria-label="An import waits">
      <Text size="sm">
        The import of {open.fileName} is waiting at its preview, from before this page was opened: show it to apply it, or cancel it. Kith imports one file at a time.
      </Text>
      {buttons}
    </Stack>
  )
}
