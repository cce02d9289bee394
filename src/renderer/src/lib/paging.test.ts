import { describe, expect, it } from 'vitest'
import { pageOf, ROWS_PER_PAGE } from './paging'

const lines = Array.from({ length: 120 }, (_, i) => i + 1)

describe('pageOf', () => {
  it('shows the first rows, then the next ones, and says how many pages there are', () => {
    const first = pageOf(lines, 1)
    expect(first.rows).toHaveLength(ROWS_PER_PAGE)
    expect(first.rows[0]).toBe(1)
    expect(first.pages).toBe(Math.ceil(lines.length / ROWS_PER_PAGE))
    const second = pageOf(lines, 2)
    expect(second.first).toBe(ROWS_PER_PAGE)
    expect(second.rows[0]).toBe(ROWS_PER_PAGE + 1)
  })

  it('shows what is left on the last page', () => {
    const last = pageOf(lines, 3, 50)
    expect(last.rows).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120])
  })

  it('keeps a page past the end or before the start within the list', () => {
    expect(pageOf(lines, 9, 50).page).toBe(3)
    expect(pageOf(lines, 0).page).toBe(1)
    expect(pageOf([], 4)).toEqual({ rows: [], first: 0, page: 1, pages: 1 })
  })
})
