import { Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useEffect, useMemo, type ReactNode } from 'react'
import type { NetworkMap } from '../../../../shared/types'
import { STRENGTHS, strengthWord } from '../../../../shared/vocab'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ApiCallError } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import type { NetworkFilters } from '../../lib/routes'
import { useApi } from '../../lib/useApi'
import { describeScope, edgeBudget, PEOPLE_STEPS } from './map-model'
import { NetworkView } from './NetworkView'
import { Busy } from '../../components/Busy'

/**
 * One drawn view per answer: a new answer (another filter, a wider scope,
 * changed data) gets a fresh graph, renderer and layout, while the previous
 * answer stays on screen until it arrives.
 */
const viewKeys = new WeakMap<NetworkMap, number>()
let lastViewKey = 0
function viewKey(map: NetworkMap): number {
  let key = viewKeys.get(map)
  if (key === undefined) {
    key = ++lastViewKey
    viewKeys.set(map, key)
  }
  return key
}

/**
 * Your whole network on one map: you at the centre, colours for
 * organisations or clusters, filters applied by the backend. The filters
 * live in the page's address (`filters`, changed through `onFilters`), so
 * Back, reload and a link bring them back. A person opens through
 * `onOpenPerson` (a click on the map, or the search and Enter).
 */
export function NetworkMapPage({
  filters,
  onFilters,
  onOpenPerson,
}: {
  filters: NetworkFilters
  onFilters: (filters: NetworkFilters) => void
  onOpenPerson: (id: number) => void
}): ReactNode {
  const { version } = useDataVersion()
  const tag = filters.tag ?? null
  const organisationId = filters.organisationId ?? null
  const minStrength = filters.minStrength ?? 1
  const maxPeople = filters.maxPeople ?? PEOPLE_STEPS[0]
  const change = (next: NetworkFilters): void => {
    const merged: NetworkFilters = { ...filters, ...next }
    const cleaned: NetworkFilters = {}
    if (merged.tag !== undefined) cleaned.tag = merged.tag
    if (merged.organisationId !== undefined) cleaned.organisationId = merged.organisationId
    if (merged.minStrength !== undefined && merged.minStrength > 1) cleaned.minStrength = merged.minStrength
    if (merged.maxPeople !== undefined && merged.maxPeople !== PEOPLE_STEPS[0]) cleaned.maxPeople = merged.maxPeople
    onFilters(cleaned)
  }
  const setTag = (value: string | null): void => change({ tag: value ?? undefined })
  const setOrganisationId = (value: number | null): void => change({ organisationId: value ?? undefined })
  const setMinStrength = (value: number): void => change({ minStrength: value })
  const setMaxPeople = (value: number): void => change({ maxPeople: value })
  const args = { tag, organisationId, minStrength, maxPeople, maxEdges: edgeBudget(maxPeople) }
  const map = useApi('network.map', args, String(version))
  // An address naming an organisation Kith no longer has (merged, say) opens the map without that filter.
  const missingOrganisation = organisationId !== null && map.error instanceof ApiCallError && map.error.code === 'not_found'
  useEffect(() => {
    if (missingOrganisation) onFilters({ ...filters, organisationId: undefined })
  }, [missingOrganisation, filters, onFilters])

  const tagOptions = useMemo(
    () =>
      (map.data?.tags ?? [])
        .filter((t) => t.people > 0 || t.name === tag)
        .map((t) => ({ value: t.name, label: `${t.name} (${t.people})` }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    [map.data, tag],
  )
  const orgOptions = useMemo(
    () =>
      (map.data?.organisations ?? [])
        .filter((o) => o.people > 0 || o.id === organisationId)
        .map((o) => ({ value: String(o.id), label: `${o.name} (${o.people})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [map.data, organisationId],
  )

  const scope = map.data === undefined ? null : describeScope(map.data, maxPeople, tag !== null || organisationId !== null || minStrength > 1)
  // Widened past the first step, and showing more than it would: the way back.
  const widened = maxPeople > PEOPLE_STEPS[0] && (map.data?.ids.length ?? 0) > PEOPLE_STEPS[0]

  return (
    <Stack gap="md">
      <Title order={2}>Network map</Title>
      <Group gap="md" align="flex-end">
        <Select label="Tag" placeholder="Any tag" data={tagOptions} value={tag} onChange={setTag} searchable clearable limit={50} nothingFoundMessage="No such tag" />
        <Select
          label="Organisation"
          placeholder="Any organisation"
          data={orgOptions}
          value={organisationId === null ? null : String(organisationId)}
          onChange={(value) => setOrganisationId(value === null ? null : Number(value))}
          searchable
          clearable
          limit={50}
          nothingFoundMessage="No such organisation"
        />
        <Select
          label="Ties at least"
          data={STRENGTHS.map((s) => ({ value: String(s), label: s === 1 ? 'Any tie' : strengthWord(s) }))}
          value={String(minStrength)}
          onChange={(value) => setMinStrength(value === null ? 1 : Number(value))}
          allowDeselect={false}
        />
        {map.loading && <Busy size="sm" label="Loading the map" />}
      </Group>
      <ErrorNotice error={missingOrganisation ? undefined : map.error} title="The map could not be loaded" />
      {map.data !== undefined && (scope !== null || widened) && (
        <Group gap="sm" aria-live="polite">
          <Text size="sm">{scope?.text ?? 'Showing everyone who matches: a map this large moves more slowly.'}</Text>
          {scope !== null && scope.widenTo !== null && (
            <Button size="xs" variant="light" disabled={map.loading} onClick={() => setMaxPeople(scope.widenTo ?? maxPeople)}>
              {scope.widenLabel}
            </Button>
          )}
          {widened && (
            <Button size="xs" variant="default" disabled={map.loading} onClick={() => setMaxPeople(PEOPLE_STEPS[0])}>
              Back to the closest {PEOPLE_STEPS[0].toLocaleString('en')}
            </Button>
          )}
        </Group>
      )}
      {map.data !== undefined &&
        (map.data.ids.length <= (map.data.me >= 0 ? 1 : 0) ? (
          <Text>
            {map.data.peopleTotal === 0
              ? 'Nobody to map yet. Add people, import your contacts or load the sample network, and they appear here around you.'
              : 'Nobody matches these filters. Clear a filter to see more of your network.'}
          </Text>
        ) : (
          <NetworkView key={viewKey(map.data)} map={map.data} onOpenPerson={onOpenPerson} />
        ))}
    </Stack>
  )
}
