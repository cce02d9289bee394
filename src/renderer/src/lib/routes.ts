/**
 * Every place in the app has an address after the `#`: `#/people/12` is a person,
 * `#/introductions/3` an introduction, `#/people?tag=…` everyone one import brought in,
 * and `#/<page id>` each page of the navigation (pages.ts). Parsing and printing live
 * here, apart from React, so both directions can be tested.
 */
import { matchPath } from 'react-router'
import { PAGES, type PageId } from '../pages'

export type Route =
  | { page: PageId }
  | { page: 'person'; id: number }
  | { page: 'introduction'; id: number }
  /** The people list filtered by a tag (say, everyone one import brought in). */
  | { page: 'people'; tag: string }

export const HOME: Route = { page: 'people' }

function isPageId(value: string): value is PageId {
  return PAGES.some((p) => p.id === value)
}

function positiveId(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) return null
  return Number(value)
}

/** The address of a route, as the part after `#`. */
export function routePath(route: Route): string {
  if (route.page === 'person') return `/people/${route.id}`
  if (route.page === 'introduction') return `/introductions/${route.id}`
  if ('tag' in route) return `/people?${new URLSearchParams({ tag: route.tag }).toString()}`
  return `/${route.page}`
}

/** The route at an address (path and query after `#`), or null when nothing lives there. */
export function parseRoute(pathname: string, search = ''): Route | null {
  const path = pathname === '' ? '/' : pathname
  if (matchPath({ path: '/', end: true }, path) !== null) return HOME
  const person = matchPath('/people/:id', path)
  if (person !== null) {
    const id = positiveId(person.params.id)
    return id === null ? null : { page: 'person', id }
  }
  const intro = matchPath('/introductions/:id', path)
  if (intro !== null) {
    const id = positiveId(intro.params.id)
    return id === null ? null : { page: 'introduction', id }
  }
  const page = matchPath('/:page', path)?.params.page
  if (page === undefined || !isPageId(page)) return null
  if (page === 'people') {
    const tag = new URLSearchParams(search).get('tag')
    if (tag !== null && tag.trim() !== '') return { page: 'people', tag }
  }
  return { page }
}

/** The navigation entry a route belongs to: a person is under People, an introduction under Introductions. */
export function sectionOf(route: Route): PageId {
  if (route.page === 'person') return 'people'
  if (route.page === 'introduction') return 'introductions'
  return route.page
}

/**
 * Where the desktop app opens: the address it was given, else the last page the user was
 * on (when that is still a page), else People.
 */
export function startingPath(hash: string, remembered: string | null): string | null {
  const given = hash.replace(/^#/, '')
  if (given !== '' && given !== '/') return null
  if (remembered === null) return null
  const [pathname = '', search = ''] = remembered.split('?', 2)
  return parseRoute(pathname, search === '' ? '' : `?${search}`) === null ? null : remembered
}
