import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { OrganisationView } from '../../../../shared/types'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { notify } from '../../lib/notify'
import { useApi } from '../../lib/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { asError } from '../../lib/errors'
import { useAction } from '../../lib/useAction'
import { TableHeader } from '../../components/TableHeader'
import { Busy } from '../../components/Busy'

function EditOrganisation({ org, onDone }: { org: OrganisationView; onDone: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const [name, setName] = useState(org.name)
  const [aliases, setAliases] = useState(org.aliases)
  const [domains, setDomains] = useState(org.domains)
  const [error, setError] = useState<Error>()
  const [saving, setSaving] = useState(false)
  const save = async (): Promise<void> => {
    setSaving(true)
    setError(undefined)
    try {
      await call('orgs.update', { id: org.id, patch: { name, aliases, domains } })
      changed()
      notify({ color: 'teal', message: `${name} saved.` })
      onDone()
    } catch (err) {
      setError(asError(err))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Stack
      component="form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <TagsInput
        label="Other names"
        description="Names that mean this organisation too (a former name, an abbreviation). Case and legal suffixes such as Inc. never matter."
        value={aliases}
        onChange={setAliases}
        clearable
      />
      <TagsInput
        label="Email domains"
        description="People with an address on these domains and no company of their own are counted here."
        value={domains}
        onChange={setDomains}
        clearable
      />
      <ErrorNotice error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          Save
        </Button>
      </Group>
    </Stack>
  )
}

function MergeOrganisation({ org, all, onDone }: { org: OrganisationView; all: OrganisationView[]; onDone: () => void }): ReactNode {
  const { changed } = useDataVersion()
  const [into, setInto] = useState<string | null>(null)
  const { error, run } = useAction()
  const target = all.find((o) => String(o.id) === into)
  const merge = async (): Promise<void> => {
    if (target === undefined) return
    await run(async () => {
      const done = await call('orgs.merge', { keepId: target.id, mergeId: org.id })
      changed()
      notify({
        color: 'teal',
        message: (
          <Group gap="xs" justify="space-between">
            <span>
              {done.mergedName} is now part of {done.kept.name}.
            </span>
            <Button size="compact-xs" variant="subtle" onClick={() => void call('orgs.undoMerge', { id: done.id }).then(changed)}>
              Undo
            </Button>
          </Group>
        ),
      })
      onDone()
    })
  }
  return (
    <Stack>
      <Text size="sm">
        Everyone at {org.name} ({org.people}) will count as being at the organisation you choose, and its names and domains move there. You can undo
        it from the list below.
      </Text>
      <Select
        label={`Merge ${org.name} into`}
        placeholder="Choose an organisation"
        searchable
        data={all.filter((o) => o.id !== org.id).map((o) => ({ value: String(o.id), label: `${o.name} (${o.people})` }))}
        value={into}
        onChange={setInto}
      />
      <ErrorNotice error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={() => void merge()} disabled={target === undefined}>
          {target === undefined ? 'Merge' : `Merge into ${target.name}`}
        </Button>
      </Group>
    </Stack>
  )
}

/** The organisations people work at, one per name whatever the spelling, with renames, other names, domains and merges. */
export function OrganisationsPage(): ReactNode {
  const { version, changed } = useDataVersion()
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<OrganisationView | null>(null)
  const [merging, setMerging] = useState<OrganisationView | null>(null)
  const { error, run } = useAction()
  const list = useApi('orgs.list', {}, String(version))
  const merges = useApi('orgs.merges', {}, String(version))
  const all = list.data ?? []
  const folded = query.trim().toLowerCase()
  const shown = all.filter((o) => folded === '' || [o.name, ...o.aliases, ...o.domains].some((n) => n.toLowerCase().includes(folded)))
  const openMerges = (merges.data ?? []).filter((m) => m.undoneAt === null)

  const undo = async (id: number): Promise<void> => {
    await run(async () => {
      const done = await call('orgs.undoMerge', { id })
      changed()
      notify({ color: 'teal', message: `${done.mergedName} is its own organisation again.` })
    })
  }

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={2}>Organisations</Title>
      <Text c="dimmed" size="sm">
        Kith groups people by where they work: “Stripe”, “Stripe, Inc.” and addresses at stripe.com are one organisation. People whose time at one
        overlapped are treated as colleagues who may know each other, less so the bigger the organisation.
      </Text>
      <TextInput label="Find an organisation" placeholder="Name, other name or domain" value={query} onChange={(e) => setQuery(e.currentTarget.value)} maw={420} />
      <ErrorNotice error={error ?? list.error} />
      {list.loading && list.data === undefined ? (
        <Busy label="Loading organisations" />
      ) : shown.length === 0 ? (
        <Alert color="gray" title={all.length === 0 ? 'No organisations yet' : 'No organisation matches'}>
          {all.length === 0 ? 'Organisations appear as you give people a company or a job history.' : 'Try another name or domain.'}
        </Alert>
      ) : (
        <Paper withBorder>
          <Table aria-label="Organisations" highlightOnHover verticalSpacing="xs">
            <TableHeader columns={['Organisation', 'Other names and domains', { label: 'There now', numeric: true }, { label: 'Ever', numeric: true }]} actions />
            <Table.Tbody>
              {shown.slice(0, 300).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {o.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {o.aliases.map((a) => (
                        <Badge key={`a:${a}`} variant="light" color="gray" tt="none">
                          {a}
                        </Badge>
                      ))}
                      {o.domains.map((d) => (
                        <Badge key={`d:${d}`} variant="outline" tt="none">
                          @{d}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{o.current}</Table.Td>
                  <Table.Td ta="right">{o.people}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(o)} aria-label={`Edit ${o.name}`}>
                        Edit
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setMerging(o)} aria-label={`Merge ${o.name} into another organisation`}>
                        Merge…
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {shown.length > 300 && (
            <Text size="sm" c="dimmed" p="sm">
              Showing 300 of {shown.length}: narrow the search to see the rest.
            </Text>
          )}
        </Paper>
      )}
      {openMerges.length > 0 && (
        <Stack gap="xs" component="section" aria-label="Merged organisations">
          <Title order={3} size="h4">
            Merged organisations
          </Title>
          {openMerges.map((m) => (
            <Group key={m.id} justify="space-between" maw={640}>
              <Text size="sm">
                {m.mergedName} → {m.kept.name} <Text span c="dimmed">({m.createdAt.slice(0, 10)})</Text>
              </Text>
              <Button size="xs" variant="subtle" onClick={() => void undo(m.id)} aria-label={`Undo merging ${m.mergedName} into ${m.kept.name}`}>
                Undo
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={`Edit ${editing?.name ?? ''}`} closeButtonProps={{ 'aria-label': 'Close' }}>
        {editing !== null && <EditOrganisation org={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={merging !== null} onClose={() => setMerging(null)} title={`Merge ${merging?.name ?? ''}`} closeButtonProps={{ 'aria-label': 'Close' }}>
        {merging !== null && <MergeOrganisation org={merging} all={all} onDone={() => setMerging(null)} />}
      </Modal>
    </Stack>
  )
}
