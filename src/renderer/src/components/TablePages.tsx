import { Group, Pagination, Text } from '@mantine/core'
import { useRef, type ReactNode } from 'react'
import { groupThousands } from '../../../shared/format'
import type { ListPage } from '../lib/paging'

/**
 * The pages of a long table, under it: page buttons named for assistive
 * technology ("New people, page 3 of 40"), and which rows are shown. Nothing
 * when everything fits on one page.
 */
export function TablePages({ shown, total, noun, navLabel = `Pages of ${noun}`, onPage }: {
  shown: ListPage<unknown>
  /** how many rows the whole list has */
  total: number
  /** what the rows are, lower case: "new people" */
  noun: string
  navLabel?: string
  onPage: (page: number) => void
}): ReactNode {
  const nav = useRef<HTMLDivElement>(null)
  if (shown.pages <= 1) return null
  const name = noun.charAt(0).toUpperCase() + noun.slice(1)
  // On the first or last page the Previous or Next button is disabled: if it had the focus, the current page's button takes it.
  const turnTo = (next: number): void => {
    onPage(next)
    requestAnimationFrame(() => {
      const focused = document.activeElement
      if (focused !== null && focused !== document.body && !(focused instanceof HTMLButtonElement && focused.disabled)) return
      nav.current?.querySelector<HTMLElement>('[aria-current="page"]')?.focus()
    })
  }
  return (
    <Group gap="sm" component="nav" aria-label={navLabel} ref={nav}>
      <Pagination
        size="sm"
        total={shown.pages}
        value={shown.page}
        onChange={turnTo}
        getItemProps={(p) => ({ 'aria-label': `${name}, page ${p} of ${shown.pages}`, 'aria-current': p === shown.page ? ('page' as const) : undefined })}
        getControlProps={(control) => ({ 'aria-label': `${control === 'next' ? 'Next' : control === 'previous' ? 'Previous' : control === 'first' ? 'First' : 'Last'} page of ${noun}` })}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {groupThousands(shown.first + 1)}–{groupThousands(shown.first + shown.rows.length)} of {groupThousands(total)}
      </Text>
    </Group>
  )
}
