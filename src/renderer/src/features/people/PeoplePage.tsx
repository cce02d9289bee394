import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { lazy, memo, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { PeopleSort } from '../../../../shared/schemas'
import type { PersonRow, SearchHit } from '../../../../shared/types'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { ago, strengthWord } from '../../lib/format'
import { useNav } from '../../lib/nav'
import { useApi } from '../../lib/useApi'
import { usePeopleWindows } from './usePeopleWindows'
import { useDialogs } from '../../dialogs/Dialogs'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PeopleFilters } from './PeopleFilters'
import classes from './PeoplePage.module.css'
import { PageLoading } from '../../components/PageLoading'
import { firstViewShown } from '../../lib/first-view'
import { Busy } from '../../components/Busy'

// The first run's forms check a name with the shared schemas (and zod): a chunk of their own,
// fetched only when Kith is empty or does not know who you are, so the list's first load is lighter.
const FirstRun = lazy(() => import('./FirstRun').then((m) => ({ default: m.FirstRun })))
const MeForm = lazy(() => import('./FirstRun').then((m) => ({ default: m.MeForm })))

type Row = Pick<PersonRow, 'id' | 'name' | 'company' | 'title' | 'isMe'> & Partial<PersonRow>

function PersonLine({ row, onOpen, tabIndex, onFocus }: { row: Row; onOpen: () => void; tabIndex: number; onFocus: () => void }): ReactNode {
  const role = [row.title, row.company].filter((x) => x !== null && x !== '').join(' · ')
  return (
    <UnstyledButton className={classes.row} onClick={onOpen} tabIndex={tabIndex} onFocus={onFocus}>
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Box style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text fw={600} truncate>
              {row.name}
            </Text>
            {row.isMe && (
              <Badge size="xs" variant="light">
                me
              </Badge>
            )}
            {row.archived === true && (
              <Badge size="xs" color="gray" variant="light">
                archived
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" truncate>
            {role === '' ? '\u00a0' : role}
          </Text>
        </Box>
        <Group gap="lg" wrap="nowrap" visibleFrom="sm">
          {row.tags !== undefined && row.tags.length > 0 && (
            <Group gap={4} wrap="nowrap">
              {row.tags.slice(0, 2).map((t) => (
                <Badge key={t} size="sm" variant="outline" color="gray" tt="none">
                  {t}
                </Badge>
              ))}
            </Group>
          )}
          {row.myStrength !== undefined && (
            <Text size="sm" w={140} ta="right" c={row.myStrength === null ? 'dimmed' : undefined}>
              {row.myStrength === null ? '—' : `${strengthWord(row.myStrength)} (${row.myStrength})`}
            </Text>
          )}
          {row.lastInteractionOn !== undefined && (
            <Text size="sm" w={120} ta="right" c="dimmed">
              {row.lastInteractionOn === null ? 'never talked' : ago(row.lastInteractionOn)}
            </Text>
          )}
        </Group>
      </Group>
    </UnstyledButton>
  )
}

const PAGE_ROWS = 10

/** Where a key moves the focus in a list of `count` rows, or null for other keys. */
function moveFor(key: string, at: number, count: number): number | null {
  const next: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + PAGE_ROWS, PageUp: at - PAGE_ROWS, Home: 0, End: count - 1 }
  const target = next[key]
  return target === undefined ? null : Math.max(0, Math.min(count - 1, target))
}

/**
 * Stays smooth at 50,000 people: only the rows on screen are drawn, and
 * fetched. One row at a time is in the Tab order; the arrow keys, Page Up/Down
 * and Home/End move through the whole list, drawing and fetching as they go.
 */
const VirtualPeople = memo(function VirtualPeople({
  count,
  rowAt,
  ensure,
  label,
  onOpen,
}: {
  count: number
  rowAt: (index: number) => Row | undefined
  ensure?: (first: number, last: number) => void
  label: string
  onOpen: (id: number) => void
}): ReactNode {
  const scroller = useRef<HTMLDivElement>(null)
  // The React Compiler cannot memoize TanStack Virtual's API; Kith does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => 60, overscan: 8 })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const [active, setActive] = useState(0)
  // A row to focus once it is drawn and loaded (it may be far off screen when the key is pressed).
  const pendingFocus = useRef<number | null>(null)
  const current = Math.min(active, Math.max(0, count - 1))
  // The row in the Tab order: the last one focused, or the first drawn when that one has scrolled away.
  const tabbable = items.some((i) => i.index === current) ? current : first
  useEffect(() => {
    ensure?.(first, last)
  }, [ensure, first, last])
  useEffect(() => {
    const index = pendingFocus.current
    if (index === null) return
    const button = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] button`)
    if (button !== null && button !== undefined) {
      pendingFocus.current = null
      button.focus()
    }
  })
  const onKeyDown = (event: KeyboardEvent): void => {
    const next = moveFor(event.key, current, count)
    if (next === null) return
    event.preventDefault()
    setActive(next)
    pendingFocus.current = next
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  return (
    <Paper withBorder ref={scroller} className={classes.scroller}>
      <div
        role="list"
        aria-label={label}
        aria-description="Arrow keys move through the list"
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((item) => {
          const row = rowAt(item.index)
          return (
            <div
              key={row?.id ?? `loading-${item.index}`}
              role="listitem"
              data-index={item.index}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              aria-busy={row === undefined}
              className={classes.item}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {row === undefined ? (
                <Text c="dimmed" size="sm" className={classes.row}>
                  Loading…
                </Text>
              ) : (
                <PersonLine row={row} onOpen={() => onOpen(row.id)} tabIndex={item.index === tabbable ? 0 : -1} onFocus={() => setActive(item.index)} />
              )}
            </div>
          )
        })}
      </div>
    </Paper>
  )
})

export function PeoplePage({ onImport, initialTag = null }: { onImport: () => void; initialTag?: string | null }): ReactNode {
  const { version } = useDataVersion()
  const { go } = useNav()
  const dialogs = useDialogs()
  const [sort, setSort] = useState<PeopleSort>('name')
  const [tag, setTag] = useState<string | null>(initialTag)
  const [company, setCompany] = useState<string | null>(null)
  const [archived, setArchived] = useState(false)
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)

  const me = useApi('me.get', {}, String(version))
  const facets = useApi('people.facets', {}, String(version))
  const people = usePeopleWindows({ sort, descending: sort !== 'name', tag, company, archived }, version)

  useEffect(() => {
    let current = true
    const q = query.trim()
    const timer = setTimeout(() => {
      if (q === '') {
        if (current) setHits(null)
        return
      }
      call('search', { query: q, limit: 100, includeArchived: archived })
        .then((found) => {
          // The list's new rows are drawn in slices, so the next key typed is not kept waiting.
          if (current) startTransition(() => setHits(found))
        })
        .catch(() => {
          if (current) setHits([])
        })
    }, 40)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, archived, version])

  const tagOptions = useMemo(() => {
    const options = (facets.data?.tags ?? []).map((t) => ({ value: t.label, label: `${t.label} (${t.count})` }))
    // A tag chosen elsewhere (an import's) stays selectable even when it is not among the most used.
    return tag === null || options.some((o) => o.value === tag) ? options : [{ value: tag, label: tag }, ...options]
  }, [facets.data, tag])
  const companyOptions = useMemo(
    () => (facets.data?.companies ?? []).map((c) => ({ value: c.name, label: `${c.name} (${c.count})` })),
    [facets.data],
  )

  // Stable, so the list is not redrawn while the search box alone changes.
  const open = useCallback((id: number): void => go({ page: 'person', id }), [go])
  const hitAt = useCallback((index: number) => hits?.[index], [hits])

  // The list's first rows (or why there are none) are what the window opened for.
  const settled = people.total !== undefined || people.error !== undefined
  useEffect(() => {
    if (settled) firstViewShown()
  }, [settled])

  if (people.total === undefined) {
    return people.error === undefined ? <Busy label="Loading people" /> : <ErrorNotice error={people.error} title="People could not be loaded" />
  }
  const empty = people.total === 0 && !archived && tag === null && company === null
  if (empty && me.data === null) return <FirstRun me={null} onImport={onImport} />
  // Only you so far: the next step of the first run.
  const mine = me.data ?? null
  if (people.total === 1 && mine !== null && !archived && tag === null && company === null) return <FirstRun me={mine} onImport={onImport} />


  return (
    <Stack gap="md" className={classes.page}>
      <Group justify="space-between" align="center">
        <Title order={2}>People</Title>
        <Button onClick={() => dialogs.open({ kind: 'person' })}>Add person</Button>
      </Group>
      {me.data === null && (
        <Alert color="yellow" title="Who are you?">
          <Suspense fallback={<PageLoading label="Loading the form…" />}>
            <MeForm intro={<Text size="sm">Kith measures every path from you. Tell it your name (an existing person or a new one).</Text>} />
          </Suspense>
        </Alert>
      )}
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name, company, tag, email… typos are fine"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
        />
        <PeopleFilters
          sort={sort}
          onSort={setSort}
          tag={tag}
          onTag={setTag}
          tagOptions={tagOptions}
          company={company}
          onCompany={setCompany}
          companyOptions={companyOptions}
          archived={archived}
          onArchived={setArchived}
          searching={hits !== null}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {hits !== null
          ? `${hits.length === 0 ? 'No one' : hits.length} ${hits.length === 1 ? 'match' : 'matches'} for “${query.trim()}”`
          : `${people.total.toLocaleString()} ${archived ? 'archived ' : ''}${people.total === 1 ? 'person' : 'people'}`}
      </Text>
      {hits !== null
        ? hits.length > 0 && <VirtualPeople count={hits.length} rowAt={hitAt} label="People" onOpen={open} />
        : people.total > 0 && (
            <VirtualPeople count={people.total} rowAt={people.rowAt} ensure={people.ensure} label={archived ? 'Archived people' : 'People'} onOpen={open} />
          )}
    </Stack>
  )
}
