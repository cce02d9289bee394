import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/imports'
import { call } from '../../lib/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { download } from './read-file'
import { useAction } from '../../lib/useAction'

const EXPORT_LABELS: Record<ExportFormat, { button: string; about: string }> = {
  json: { button: 'Export everything (Kith JSON)', about: 'every person, relationship, interaction, favor, introduction and setting; import it into an empty Kith' },
  csv: { button: 'Export people (CSV)', about: 'one row per person, for a spreadsheet' },
  vcard: { button: 'Export contacts (vCard)', about: 'vCard 3.0, for an address book' },
}

export function ExportSection(): ReactNode {
  const { busy, error, run } = useAction<ExportFormat>()
  const [message, setMessage] = useState<string>()

  async function exportAs(format: ExportFormat): Promise<void> {
    await run(async () => {
      const file = await call('export.create', { format })
      download(file.fileName, file.mimeType, file.content)
      const missing = file.skipped === undefined ? '' : ` The database is damaged; these could not be read and are missing: ${file.skipped.join('; ')}.`
      setMessage(`Saved ${file.fileName}: ${file.people.toLocaleString()} people.${missing}`)
    }, format)
  }

  return (
    <Section title="Export">
      <Stack gap="xs">
        {EXPORT_FORMATS.map((f) => (
          <Group key={f} gap="sm">
            <Button variant="default" onClick={() => void exportAs(f)} loading={busy === f} w={280}>
              {EXPORT_LABELS[f].button}
            </Button>
            <Text size="sm" c="dimmed">
              {EXPORT_LABELS[f].about}
            </Text>
          </Group>
        ))}
      </Stack>
      {message !== undefined && (
        <Alert color="teal" role="status">
          {message}
        </Alert>
      )}
      <ErrorNotice error={error} />
    </Section>
  )
}
