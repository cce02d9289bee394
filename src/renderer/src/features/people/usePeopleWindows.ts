import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArgsIn } from '../../../../shared/contract'
import type { PersonRow } from '../../../../shared/types'
import { call } from '../../lib/client'
import { asError } from '../../lib/errors'

const PAGE = 200

type Filters = Omit<ArgsIn<'people.list'>, 'offset' | 'limit'>

interface Loaded {
  key: string
  total: number
  pages: Map<number, PersonRow[]>
}

export interface PeopleWindows {
  /** undefined until the first window arrives */
  total: number | undefined
  error: Error | undefined
  rowAt: (index: number) => PersonRow | undefined
  /** Loads the windows covering rows first..last (inclusive) if they are not loaded. */
  ensure: (first: number, last: number) => void
}

/**
 * The people list, fetched in windows of 200 as the user scrolls, so a list
 * of 50,000 costs what is on screen. Changing the filters or `version`
 * starts over.
 */
export function usePeopleWindows(filters: Filters, version: number): PeopleWindows {
  const key = JSON.stringify([filters, version])
  // The filters as last asked for, kept by their content: new objects that say the same start nothing over.
  const [asked, setAsked] = useState({ key, filters })
  if (asked.key !== key) setAsked({ key, filters })
  const askedFilters = asked.filters
  const [loaded, setLoaded] = useState<Loaded>()
  const [error, setError] = useState<Error>()
  const inFlight = useRef(new Set<string>())

  const fetchPage = useCallback(
    (page: number) => {
      const id = `${key}#${page}`
      if (inFlight.current.has(id)) return
      inFlight.current.add(id)
      call('people.list', { ...askedFilters, offset: page * PAGE, limit: PAGE })
        .then((res) => {
          setError(undefined)
          setLoaded((prev) => {
            const base = prev?.key === key ? prev : { key, total: res.total, pages: new Map<number, PersonRow[]>() }
            const pages = new Map(base.pages)
            pages.set(page, res.people)
            return { key, total: res.total, pages }
          })
        })
        .catch((err: unknown) => setError(asError(err)))
    },
    [key, askedFilters],
  )

  useEffect(() => {
    inFlight.current.clear()
    fetchPage(0)
  }, [fetchPage])

  const current = loaded?.key === key ? loaded : undefined
  const rowAt = useCallback((index: number) => current?.pages.get(Math.floor(index / PAGE))?.[index % PAGE], [current])
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
        if (current?.pages.has(page) !== true) fetchPage(page)
      }
    },
    [current, fetchPage],
  )
  return { total: current?.total, error, rowAt, ensure }
}
