import { Alert, Button, Code, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { formatBytes } from '../../../../shared/format'
import type { BackupInfo, DoctorReport } from '../../../../shared/types'
import { ApiCallError, call, canPickFiles } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { useApi } from '../../lib/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ProfileSettings } from './ProfileSettings'
import { ScoringSettings } from './ScoringSettings'
import { SuggestionSettings } from './SuggestionSettings'
import { ThemeSettings } from './ThemeSettings'
import { WeeklySettings } from './WeeklySettings'
import { MeSettings, SampleSettings } from './YouSettings'
import { useAction } from '../../lib/useAction'
import { TableHeader } from '../../components/TableHeader'
import { Busy } from '../../components/Busy'

const KIND_LABEL: Record<BackupInfo['kind'], string> = {
  manual: 'Backup',
  auto: 'Automatic',
  'pre-migrate': 'Before an update',
  'pre-restore': 'Before a restore',
  'pre-merge': 'Before a merge',
}

export function SettingsPage(): ReactNode {
  const status = useApi('status', {})
  const backups = useApi('backup.list', {})
  const dataVersion = useDataVersion()
  const [report, setReport] = useState<DoctorReport>()
  const [message, setMessage] = useState<string>()
  /** A backup from the list, or 'file': one the user will choose in the desktop app's dialog. */
  const [restoreCandidate, setRestoreCandidate] = useState<BackupInfo | 'file'>()
  /** A restore refused because the backup holds no data: the user may still confirm it. */
  const [emptyBackup, setEmptyBackup] = useState<BackupInfo | 'file'>()
  const nativeFiles = canPickFiles()
  const { run, busy, error } = useAction<'doctor' | 'backup' | 'restore'>(() => setMessage(undefined))

  const check = (): Promise<boolean> =>
    run(async () => {
      setReport(await call('doctor', {}))
    }, 'doctor')
  const backUp = (): Promise<boolean> =>
    run(async () => {
      const info = await call('backup.create', {})
      setMessage(`Backed up as ${info.name} (${formatBytes(info.bytes)}); the copy passed its integrity check.`)
      backups.reload()
    }, 'backup')
  const saveCopy = (): Promise<boolean> =>
    run(async () => {
      const info = await call('backup.saveCopy', {})
      if (info !== null) setMessage(`Saved a copy as ${info.name} (${formatBytes(info.bytes)}); it passed its integrity check.`)
    }, 'backup')
  const restore = (candidate: BackupInfo | 'file', confirmEmpty = false): Promise<boolean> =>
    run(async () => {
      setRestoreCandidate(undefined)
      setEmptyBackup(undefined)
      let result
      try {
        result = candidate === 'file' ? await call('backup.restoreFile', { confirmEmpty }) : await call('backup.restore', { id: candidate.name, confirmEmpty })
      } catch (err) {
        if (err instanceof ApiCallError && err.code === 'needs_confirmation') setEmptyBackup(candidate)
        throw err
      }
      if (result === null) return
      setMessage(
        `Restored ${result.restoredFrom}: ${result.counts.people} people. What it replaced is kept as ${result.safetyCopy.name}.`,
      )
      backups.reload()
      status.reload()
      dataVersion.changed()
    }, 'restore')

  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>Settings</Title>
      <MeSettings />
      <ProfileSettings />
      <SampleSettings />
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Your data
          </Title>
          {status.data === undefined ? (
            <Busy size="sm" label="Loading" />
          ) : (
            <>
              <Text>
                Everything stays in Kith&apos;s data folder on this computer, readable by your user account only. In a
                terminal, <Code>kith doctor</Code> shows where it is.
              </Text>
              <Text size="sm" c="dimmed">
                {status.data.counts.people} people, {status.data.counts.relationships} relationships, {status.data.counts.interactions}{' '}
                interactions, {status.data.counts.favors} favors. Schema version{' '}
                {status.data.schemaVersion}.
              </Text>
            </>
          )}
          <Group>
            <Button onClick={() => void check()} loading={busy === 'doctor'} variant="default">
              Check database
            </Button>
            <Button onClick={() => void backUp()} loading={busy === 'backup'}>
              Back up now
            </Button>
            {nativeFiles && (
              <Button onClick={() => void saveCopy()} loading={busy === 'backup'} variant="default">
                Save a copy elsewhere…
              </Button>
            )}
          </Group>
          {report !== undefined && (
            <Alert color={report.ok ? 'teal' : 'red'} title={report.ok ? 'The database is sound' : 'Problems found'} role="status">
              Integrity: {report.integrity.join('; ')}. Foreign keys:{' '}
              {report.foreignKeyProblems.length === 0 ? 'ok' : `${report.foreignKeyProblems.length} problems`}. SQLite{' '}
              {report.sqliteVersion}, {report.journalMode} journal.
              {report.storedValueProblems.length > 0 && ` Stored values: ${report.storedValueProblems.length} do not fit (run "kith doctor" for the list).`}
            </Alert>
          )}
          {message !== undefined && (
            <Alert color="teal" role="status">
              {message}
            </Alert>
          )}
          <ErrorNotice error={error} />
          {emptyBackup !== undefined && (
            <Group>
              <Button color="red" variant="light" onClick={() => void restore(emptyBackup, true)} loading={busy === 'restore'}>
                Restore the empty backup anyway
              </Button>
              <Button variant="default" onClick={() => setEmptyBackup(undefined)}>
                Keep my data
              </Button>
            </Group>
          )}
          <ErrorNotice error={status.error} />
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Backups
          </Title>
          <ErrorNotice error={backups.error} />
          {backups.data !== undefined && backups.data.length === 0 && (
            <Text c="dimmed">No backups yet. Kith also takes one before every update of its database.</Text>
          )}
          {backups.data !== undefined && backups.data.length > 0 && (
            <Table aria-label="Backups">
              <TableHeader columns={['Taken', 'Kind', 'Size']} actions />
              <Table.Tbody>
                {backups.data.map((b) => (
                  <Table.Tr key={b.name}>
                    <Table.Td>{new Date(b.createdAt).toLocaleString()}</Table.Td>
                    <Table.Td>{KIND_LABEL[b.kind]}</Table.Td>
                    <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRestoreCandidate(b)}
                        loading={busy === 'restore'}
                        aria-label={`Restore the backup taken ${new Date(b.createdAt).toLocaleString()}`}
                      >
                        Restore
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {nativeFiles && (
            <Group>
              <Button variant="default" onClick={() => setRestoreCandidate('file')} loading={busy === 'restore'}>
                Restore from another file…
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      <ThemeSettings />

      <WeeklySettings />

      <SuggestionSettings />

      <ScoringSettings />

      <Modal
        opened={restoreCandidate !== undefined}
        onClose={() => setRestoreCandidate(undefined)}
        title="Restore this backup?"
      >
        <Stack>
          <Text>
            {restoreCandidate === 'file'
              ? 'Your current data will be replaced by the backup file you choose next.'
              : `Your current data will be replaced by the backup taken ${restoreCandidate === undefined ? '' : new Date(restoreCandidate.createdAt).toLocaleString()}.`}{' '}
            Kith keeps a copy of what is there now, so this can be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRestoreCandidate(undefined)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => restoreCandidate !== undefined && void restore(restoreCandidate)}>
              {restoreCandidate === 'file' ? 'Choose a file…' : 'Restore'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
