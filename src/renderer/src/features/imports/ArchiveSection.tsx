import { Alert, Button, FileInput, Group, Progress, Stack, TagsInput, Text } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { formatBytes, plural } from '../../../../shared/format'
import { UPLOAD_EXTENSIONS, archiveItemCount, type ArchiveJobStatus, type ArchiveResult } from '../../../../shared/imports'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { ApiCallError, call, canPickFiles, uploadArchive } from '../../lib/client'
import { asError } from '../../lib/errors'
import { useNav } from '../../lib/nav'
import { ArchivePreview } from './ArchivePreview'
import { CancelOpenImport, cancelOpenImport, useWaitingImport, type OpenImportInTheWay } from './CancelOpenImport'

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; fraction: number }
  | { kind: 'reading'; status: ArchiveJobStatus; fileName: string }
  | { kind: 'preview'; status: ArchiveJobStatus }
  | { kind: 'applying'; status: ArchiveJobStatus }
  | { kind: 'done'; result: ArchiveResult; fileName: string }

/** How often a running job is asked how far it has got. */
const POLL_MS = 250

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function readingText(status: ArchiveJobStatus): string {
  const p = status.progress
  const bytes = p.totalBytes === null ? formatBytes(p.bytes) : `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`
  if (status.phase === 'matching') return `Matching ${p.people.toLocaleString()} people with those you have`
  return `Read ${bytes}: ${archiveItemCount(status.format, p.messages)}, ${p.people.toLocaleString()} people so far`
}

/**
 * Learning from a mail or calendar archive: in the desktop app the native
 * picker chooses it; in browser mode the file is uploaded to `kith serve`
 * (the page never names a path). Then the job's own progress, its preview
 * (with the addresses that look like mine, to confirm), and Apply.
 */
export function ArchiveSection({ onImported }: { onImported: () => void }): ReactNode {
  const { go } = useNav()
  const desktop = canPickFiles()
  const [file, setFile] = useState<File | null>(null)
  const [addresses, setAddresses] = useState<string[]>([])
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const [error, setError] = useState<Error>()
  const [busy, setBusy] = useState(false)
  // A contacts import left open in this window's backend (its tab closed on its preview), which can be cancelled here.
  const [inTheWay, setInTheWay] = useState<OpenImportInTheWay | null>(null)
  useWaitingImport('archive', setInTheWay)
  // Stops the upload or the polling when the user cancels or leaves the page.
  const stop = useRef(new AbortController())
  const openJob = useRef<string | null>(null)

  useEffect(() => {
    let live = true
    call('settings.archive.get', {})
      .then((s) => live && setAddresses(s.myAddresses))
      .catch((err: unknown) => live && setError(asError(err)))
    return () => {
      live = false
    }
  }, [])

  useEffect(
    () => () => {
      stop.current.abort()
      const jobId = openJob.current
      if (jobId !== null) void call('imports.archiveCancel', { jobId }).catch(() => undefined)
    },
    [],
  )

  /** Saves the addresses on the page as mine in Settings, when they changed. */
  async function saveAddresses(list: string[]): Promise<void> {
    const settings = await call('settings.archive.get', {})
    if (!sameList(settings.myAddresses, list)) await call('settings.archive.set', { myAddresses: list, keepSubjects: settings.keepSubjects })
  }

  /** Follows a job until it has read and matched its archive. */
  async function follow(jobId: string, fileName: string): Promise<void> {
    openJob.current = jobId
    const signal = stop.current.signal
    // Cancel may come while a status call is on its way: an answer that arrives after it must not bring the progress back.
    const cancelled = (): boolean => signal.aborted
    let status = await call('imports.archiveJob', { jobId })
    while (!cancelled() && (status.phase === 'reading' || status.phase === 'matching')) {
      setStage({ kind: 'reading', status, fileName })
      await sleep(POLL_MS, signal)
      if (cancelled()) return
      status = await call('imports.archiveJob', { jobId })
    }
    if (cancelled()) return
    if (status.preview === null) {
      openJob.current = null
      setStage({ kind: 'idle' })
      setError(new Error(status.error ?? `${fileName} could not be read.`))
      return
    }
    setStage({ kind: 'preview', status })
  }

  async function run(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    setError(undefined)
    setInTheWay(null)
    stop.current = new AbortController()
    const signal = stop.current.signal
    try {
      await saveAddresses(addresses)
      await work(signal)
    } catch (err) {
      if (signal.aborted) return
      setStage({ kind: 'idle' })
      setError(asError(err))
      const open = err instanceof ApiCallError ? err.openImport : null
      if (open !== null && open.jobId !== null && open.phase === 'ready') setInTheWay({ jobId: open.jobId, fileName: open.fileName, kind: open.kind })
    }
  }

  async function cancelInTheWay(open: OpenImportInTheWay): Promise<void> {
    setInTheWay(null)
    setError(undefined)
    await cancelOpenImport(open).catch((err: unknown) => setError(asError(err)))
  }

  const upload = (chosen: File): Promise<void> =>
    run(async (signal) => {
      setStage({ kind: 'uploading', fileName: chosen.name, fraction: 0 })
      const jobId = await uploadArchive(chosen, addresses, (fraction) => setStage({ kind: 'uploading', fileName: chosen.name, fraction }), signal)
      await follow(jobId, chosen.name)
    })

  const choose = (what: 'file' | 'folder'): Promise<void> =>
    run(async () => {
      const started = await call('imports.archiveChoose', { what, myAddresses: addresses })
      if (started === null) return
      await follow(started.jobId, started.preview?.fileName ?? 'the archive')
    })

  async function cancel(): Promise<void> {
    stop.current.abort()
    const jobId = openJob.current
    openJob.current = null
    setStage({ kind: 'idle' })
    if (jobId !== null) await call('imports.archiveCancel', { jobId }).catch((err: unknown) => setError(asError(err)))
  }

  async function confirmAddresses(status: ArchiveJobStatus, emails: string[]): Promise<void> {
    const preview = status.preview
    if (preview === null) return
    setBusy(true)
    setError(undefined)
    try {
      const mine = [...new Set([...addresses, ...emails])]
      await saveAddresses(mine)
      setAddresses(mine)
      const next = await call('imports.archiveReread', { jobId: status.jobId })
      stop.current = new AbortController()
      await follow(next.jobId, preview.fileName)
    } catch (err) {
      setError(asError(err))
    } finally {
      setBusy(false)
    }
  }

  async function apply(status: ArchiveJobStatus): Promise<void> {
    setStage({ kind: 'applying', status })
    setError(undefined)
    try {
      const result = await call('imports.archiveApply', { jobId: status.jobId })
      openJob.current = null
      setFile(null)
      setStage({ kind: 'done', result, fileName: status.preview?.fileName ?? '' })
      onImported()
    } catch (err) {
      const now = await call('imports.archiveJob', { jobId: status.jobId }).catch(() => null)
      if (now?.phase === 'ready') setStage({ kind: 'preview', status })
      else {
        openJob.current = null
        setStage({ kind: 'idle' })
      }
      setError(asError(err))
    }
  }

  const choosing = stage.kind === 'idle' || stage.kind === 'done'
  return (
    <Section title="Learn from mail and calendars">
      <Text size="sm" c="dimmed">
        A mail archive (an mbox file such as Gmail's Takeout, {desktop ? 'an Apple Mail .mbox folder, a folder of .eml files, ' : 'an .eml message, '}
        or an .ics calendar) shows who you exchange with, how often, and who knows whom. LinkedIn's full data export (the .zip it emails you) adds your
        connections, the messages you exchanged and your own jobs. Only headers are read, never message bodies. You see what
        Kith learned before anything is written.
      </Text>
      {choosing && (
        <Stack gap="sm">
          <TagsInput
            label="Your email addresses"
            description="Mail from these is what you sent. Kith keeps them for your next imports."
            placeholder="you@example.com"
            value={addresses}
            onChange={(list) => setAddresses(list.map((a) => a.trim().toLowerCase()))}
            splitChars={[',', ' ']}
            clearable
            maw={640}
          />
          {desktop ? (
            <Group>
              <Button onClick={() => void choose('file')}>Choose an archive file</Button>
              <Button variant="default" onClick={() => void choose('folder')}>
                Choose an archive folder
              </Button>
            </Group>
          ) : (
            <Group align="flex-end">
              <FileInput
                label="Archive"
                placeholder="Choose a file"
                accept={UPLOAD_EXTENSIONS.join(',')}
                value={file}
                onChange={(f) => {
                  setFile(f)
                  setError(undefined)
                }}
                clearable
                clearButtonProps={{ 'aria-label': 'Remove the chosen mail or calendar file' }}
                w={320}
              />
              <Button onClick={() => file !== null && void upload(file)} disabled={file === null}>
                Upload and preview
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {stage.kind === 'uploading' && (
        <Stack gap={4}>
          <Text size="sm">
            Uploading {stage.fileName}… {Math.round(stage.fraction * 100)}%
          </Text>
          <Progress value={Math.round(stage.fraction * 100)} aria-label={`Uploading ${stage.fileName}`} animated />
          <Group>
            <Button variant="default" onClick={() => void cancel()}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {stage.kind === 'reading' && (
        <Stack gap={4}>
          <Text size="sm" role="status">
            {readingText(stage.status)}
          </Text>
          <Progress
            value={stage.status.progress.totalBytes === null || stage.status.progress.totalBytes === 0 ? 0 : Math.round((stage.status.progress.bytes / stage.status.progress.totalBytes) * 100)}
            aria-label={`Reading ${stage.fileName}`}
            animated
          />
          <Group>
            <Button variant="default" onClick={() => void cancel()}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorNotice error={error} title="That archive could not be imported" />
      <CancelOpenImport
        open={inTheWay}
        onCancel={(open) => void cancelInTheWay(open)}
        onShow={inTheWay?.kind === 'archive' ? (open) => void run(() => follow(open.jobId, open.fileName)) : undefined}
      />
      {(stage.kind === 'preview' || stage.kind === 'applying') && stage.status.preview !== null && (
        <ArchivePreview
          preview={stage.status.preview}
          onApply={() => void apply(stage.status)}
          onCancel={() => void cancel()}
          onConfirmAddresses={(emails) => void confirmAddresses(stage.status, emails)}
          busy={busy || stage.kind === 'applying'}
        />
      )}
      {stage.kind === 'done' && stage.result.batchId === null && (
        <Alert color="gray" title={`Nothing learned from ${stage.fileName}`} role="status">
          Nothing was added (no people, interactions or ties), so no import was recorded.
        </Alert>
      )}
      {stage.kind === 'done' && stage.result.batchId !== null && (
        <Alert color="teal" title={`Learned from ${stage.fileName}`} role="status">
          {plural(stage.result.peopleCreated, 'person', 'people')} added, {stage.result.peopleMatched.toLocaleString()} already in Kith,{' '}
          {plural(stage.result.interactions, 'interaction')}, {plural(stage.result.tiesProposed, 'tie')} proposed. New people and ties wait
          for your review; you can undo the whole import from the history below.
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => go({ page: 'review' })}>
              Review what this import learned
            </Button>
          </Group>
        </Alert>
      )}
    </Section>
  )
}
