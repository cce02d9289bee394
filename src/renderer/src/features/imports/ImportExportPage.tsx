import { Alert, Button, FileInput, Group, Progress, Select, Stack, Text, Title } from '@mantine/core'
import { startTransition, useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react'
import { FORMAT_LABELS, IMPORT_FORMATS, IMPORT_LIMITS, importTooBigMessage, reviewItemsText, type ImportDecision, type ImportFormat, type ImportJobStatus, type ImportResult } from '../../../../shared/imports'
import { waitForImportJob } from '../../../../shared/import-job'
import { ApiCallError, call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { useNav } from '../../lib/nav'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { ImportPreview } from './ImportPreview'
import { ArchiveSection } from './ArchiveSection'
import { readAsBase64 } from './read-file'
import { asError } from '../../lib/errors'
import { HistorySection } from './HistorySection'
import { ExportSection } from './ExportSection'
import { useApi } from '../../lib/useApi'
import { waitingCount } from '../../lib/review'
import { CancelOpenImport, cancelOpenImport, useWaitingImport, type OpenImportInTheWay } from './CancelOpenImport'

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number; label: string }
  | { kind: 'preview'; status: ImportJobStatus }
  | { kind: 'applying'; status: ImportJobStatus; fraction: number }
  | { kind: 'done'; result: ImportResult; fileName: string; tag: string | null }

const PHASE_LABEL: Record<string, string> = { reading: 'Reading', matching: 'Matching with the people you have' }

function ImportSection({ onImported }: { onImported: () => void }): ReactNode {
  const { go } = useNav()
  const [file, setFile] = useState<File | null>(null)
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto')
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const [error, setError] = useState<Error>()
  const [strength, setStrength] = useState<number | null>(null)
  const [decisions, setDecisions] = useState(new Map<number, ImportDecision>())
  // Kept the same function, so the preview's tables are not made again on every progress step.
  const decide = useCallback((d: ImportDecision) => setDecisions((prev) => new Map(prev).set(d.index, d)), [])
  const [dragging, setDragging] = useState(false)
  // An import left at its preview in this app (another tab, or before a reload): it can be cancelled from here.
  const [inTheWay, setInTheWay] = useState<OpenImportInTheWay | null>(null)
  useWaitingImport('contacts', setInTheWay)
  const cancelled = useRef(new AbortController())
  // Read through a function: the page may have been left while waiting.
  const isCancelled = (): boolean => cancelled.current.signal.aborted

  // The job the backend is holding for this page: let it go when the page is left.
  const openJob = useRef<string | null>(null)
  useEffect(
    () => () => {
      cancelled.current.abort()
      const jobId = openJob.current
      if (jobId !== null) void call('imports.cancel', { jobId }).catch(() => undefined)
    },
    [],
  )

  async function preview(): Promise<void> {
    if (file === null) return
    setError(undefined)
    if (file.size > IMPORT_LIMITS.bytes) {
      setError(new Error(importTooBigMessage(file.name, file.size)))
      return
    }
    cancelled.current = new AbortController()
    setInTheWay(null)
    try {
      setStage({ kind: 'reading', fraction: 0, label: `Opening ${file.name}` })
      const data = await readAsBase64(file, (fraction) => setStage({ kind: 'reading', fraction: fraction * 0.1, label: `Opening ${file.name}` }))
      const started = await call('imports.start', { fileName: file.name, data, format: format === 'auto' ? null : format })
      openJob.current = started.jobId
      const status = await waitForImportJob(call, started, {
        intervalMs: 120,
        signal: cancelled.current.signal,
        onProgress: (now) => {
          const fraction = now.phase === 'reading' ? 0.1 + now.progress * 0.6 : 0.7 + now.progress * 0.3
          setStage({ kind: 'reading', fraction, label: `${PHASE_LABEL[now.phase] ?? now.phase} ${file.name}` })
        },
      })
      if (isCancelled()) return
      if (status.preview === null) {
        setStage({ kind: 'idle' })
        setError(new Error(status.error ?? 'The file could not be read.'))
        return
      }
      const preview = status.preview
      // A preview of thousands of rows is drawn in slices the window can interleave with input.
      startTransition(() => {
        setStrength(preview.defaultStrength)
        setDecisions(new Map())
        setStage({ kind: 'preview', status })
      })
    } catch (err) {
      setStage({ kind: 'idle' })
      setError(asError(err))
      const open = err instanceof ApiCallError ? err.openImport : null
      if (open !== null && open.jobId !== null && open.phase === 'ready') setInTheWay({ jobId: open.jobId, fileName: open.fileName, kind: open.kind })
    }
  }

  /** The preview of a contacts import left open (by a reload, say), shown again to apply or cancel. */
  async function showInTheWay(open: OpenImportInTheWay): Promise<void> {
    setInTheWay(null)
    setError(undefined)
    try {
      const status = await call('imports.job', { jobId: open.jobId })
      const preview = status.preview
      if (preview === null) throw new Error(status.error ?? `The import of ${open.fileName} has no preview any more.`)
      openJob.current = status.jobId
      startTransition(() => {
        setStrength(preview.defaultStrength)
        setDecisions(new Map())
        setStage({ kind: 'preview', status })
      })
    } catch (err) {
      setError(asError(err))
    }
  }

  async function cancelInTheWay(open: OpenImportInTheWay): Promise<void> {
    setInTheWay(null)
    setError(undefined)
    await cancelOpenImport(open).catch((err: unknown) => setError(asError(err)))
  }

  async function apply(status: ImportJobStatus): Promise<void> {
    setStage({ kind: 'applying', status, fraction: 0 })
    setError(undefined)
    // Progress is read while the import is written (a large file takes a while).
    const progress = { writing: true }
    const stillWriting = (): boolean => progress.writing
    const poll = async (): Promise<void> => {
      while (stillWriting()) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        const now = await call('imports.job', { jobId: status.jobId }).catch(() => null)
        if (stillWriting() && now?.phase === 'applying') setStage({ kind: 'applying', status, fraction: now.progress })
      }
    }
    void poll()
    try {
      const result = await call('imports.apply', { jobId: status.jobId, strength, decisions: [...decisions.values()] }).finally(() => {
        progress.writing = false
      })
      openJob.current = null
      // Taking the preview down and reloading what the import changed is drawn in slices too.
      startTransition(() => {
        setStage({ kind: 'done', result, fileName: status.preview?.fileName ?? '', tag: status.preview?.tag ?? null })
        setFile(null)
        onImported()
      })
    } catch (err) {
      // A preview let go meanwhile (left too long) cannot be applied again: back to choosing the file.
      const now = await call('imports.job', { jobId: status.jobId }).catch(() => null)
      if (now?.phase === 'ready') {
        setStage({ kind: 'preview', status })
      } else {
        openJob.current = null
        setStage({ kind: 'idle' })
      }
      setError(asError(err))
    }
  }

  async function cancel(status: ImportJobStatus): Promise<void> {
    setStage({ kind: 'idle' })
    openJob.current = null
    await call('imports.cancel', { jobId: status.jobId }).catch(() => undefined)
  }

  // The preview's buttons keep the same functions while its import runs (see `ImportPreview`),
  // calling this render's apply and cancel through a ref.
  const latest = useRef({ apply, cancel })
  useEffect(() => {
    latest.current = { apply, cancel }
  })
  const previewStatus = stage.kind === 'preview' || stage.kind === 'applying' ? stage.status : null
  const onApply = useCallback(() => {
    if (previewStatus !== null) void latest.current.apply(previewStatus)
  }, [previewStatus])
  const onCancel = useCallback(() => {
    if (previewStatus !== null) void latest.current.cancel(previewStatus)
  }, [previewStatus])

  const busy = stage.kind === 'reading' || stage.kind === 'applying'
  const canChoose = stage.kind === 'idle' || stage.kind === 'done'
  // A file dropped anywhere on the section is chosen, as if picked with "Contact file".
  const drop = {
    onDragOver: (event: DragEvent) => {
      if (!canChoose || !event.dataTransfer.types.includes('Files')) return
      event.preventDefault()
      setDragging(true)
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent) => {
      setDragging(false)
      const dropped = event.dataTransfer.files[0]
      if (!canChoose || dropped === undefined) return
      event.preventDefault()
      setFile(dropped)
      setError(undefined)
    },
  }
  return (
    <Section title="Import">
      <Text size="sm" c="dimmed" {...drop}>
        LinkedIn Connections.csv, Google Contacts CSV, Outlook contacts CSV, any contacts spreadsheet with a Name column (Email, Company, Title …), vCard (.vcf) from a phone, Apple, Google or Outlook, a relationship sheet
        (person_a, person_b, strength, context), or a Kith JSON export. Choose the file, or drop it here. You see what will happen
        before anything is written.
      </Text>
      {(stage.kind === 'idle' || stage.kind === 'reading' || stage.kind === 'done') && (
        <Group
          align="flex-end"
          p="xs"
          {...drop}
          style={{ border: `1px dashed ${dragging ? 'var(--mantine-primary-color-filled)' : 'transparent'}`, borderRadius: 'var(--mantine-radius-md)' }}
        >
          <FileInput
            label="Contact file"
            placeholder="Choose a file"
            accept=".csv,.tsv,.txt,.vcf,.vcard,.json,text/csv,text/tab-separated-values,text/plain,text/vcard,text/x-vcard,application/json"
            value={file}
            onChange={(f) => {
              setFile(f)
              setError(undefined)
            }}
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
            w={320}
            disabled={busy}
          />
          <Select
            label="Format"
            w={260}
            allowDeselect={false}
            value={format}
            onChange={(v) => setFormat(v ?? 'auto')}
            data={[{ value: 'auto', label: 'Detect from the file' }, ...IMPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))]}
            disabled={busy}
          />
          <Button onClick={() => void preview()} disabled={file === null || busy} loading={stage.kind === 'reading'}>
            Preview import
          </Button>
        </Group>
      )}
      {stage.kind === 'reading' && (
        <Stack gap={4}>
          <Text size="sm">{stage.label}…</Text>
          <Progress value={Math.round(stage.fraction * 100)} aria-label={stage.label} animated />
        </Stack>
      )}
      <ErrorNotice error={error} title="That file could not be imported" />
      <CancelOpenImport
        open={inTheWay}
        onCancel={(open) => void cancelInTheWay(open)}
        onShow={inTheWay?.kind === 'contacts' ? (open) => void showInTheWay(open) : undefined}
      />
      {(stage.kind === 'preview' || stage.kind === 'applying') && stage.status.preview !== null && (
        <ImportPreview
          preview={stage.status.preview}
          strength={strength}
          onStrength={setStrength}
          decisions={decisions}
          onDecide={decide}
          onApply={onApply}
          onCancel={onCancel}
          applying={stage.kind === 'applying'}
        />
      )}
      {stage.kind === 'applying' && (
        <Stack gap={4}>
          <Text size="sm">Importing {stage.status.preview?.fileName}…</Text>
          <Progress value={Math.round(stage.fraction * 100)} aria-label={`Importing ${stage.status.preview?.fileName ?? ''}`} animated />
        </Stack>
      )}
      {stage.kind === 'done' && (
        <Alert color="teal" title={`Imported ${stage.fileName}`} role="status">
          {stage.result.created.toLocaleString()} created, {stage.result.updated.toLocaleString()} updated, {stage.result.skipped.toLocaleString()} skipped
          {stage.result.errors.length > 0 ? `, ${stage.result.errors.length} could not be read` : ''}. You can undo it from the history below.
          {stage.tag !== null && (
            <Button mt="sm" size="xs" variant="light" onClick={() => stage.tag !== null && go({ page: 'people', tag: stage.tag })}>
              Show the people it touched
            </Button>
          )}
        </Alert>
      )}
    </Section>
  )
}

/** What archive imports learned and is waiting for the user, with the way to the review page. */
function ReviewWaiting({ version }: { version: number }): ReactNode {
  const { go } = useNav()
  const list = useApi('review.list', {}, String(version))
  if (list.data === undefined) return <ErrorNotice error={list.error} />
  const count = waitingCount(list.data)
  return (
    <Section title="Learned from mail and calendars">
      <Group justify="space-between">
        <Text>
          {count === 0
            ? 'Nothing waits for review. People, ties and strengths learned from mail or calendar archives wait here until you accept them.'
            : `${reviewItemsText(count)} learned from mail or calendar archives ${count === 1 ? 'waits' : 'wait'} for your review.`}
        </Text>
        <Button variant={count === 0 ? 'default' : 'filled'} onClick={() => go({ page: 'review' })}>
          Review what Kith learned ({count})
        </Button>
      </Group>
    </Section>
  )
}

export function ImportExportPage(): ReactNode {
  const { version, changed } = useDataVersion()
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>Import & export</Title>
      <ImportSection onImported={changed} />
      <ArchiveSection onImported={changed} />
      <ReviewWaiting version={version} />
      <HistorySection version={version} onUndone={changed} />
      <ExportSection />
      <Text size="sm" c="dimmed">
        Backups are taken every day while Kith runs; you can restore one from Settings.
      </Text>
    </Stack>
  )
}
