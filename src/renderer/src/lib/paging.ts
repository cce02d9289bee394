/**
 * Long lists (the import preview, the review page) show a page at a time: a
 * table's rows each cost the window layout and style work, and a few hundred
 * at once (a file of thousands of contacts, a large mailbox's new people)
 * stall it for a tenth of a second or more, on every change.
 */
export const ROWS_PER_PAGE = 25

/** One page of a list: its rows, the index of its first row, which page it is and how many there are. */
export interface ListPage<T> {
  rows: T[]
  first: number
  page: number
  pages: number
}

/** The page `page` (from 1) of `items`, kept within the pages there are (a list that shrank shows its last page). */
export function pageOf<T>(items: readonly T[], page: number, perPage: number = ROWS_PER_PAGE): ListPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage))
  const current = Math.min(Math.max(1, Math.floor(page)), pages)
  const first = (current - 1) * perPage
  return { rows: items.slice(first, first + perPage), first, page: current, pages }
}
