/**
 * Every place in the app has an address after the `#`: `#/people/12` is a person,
 * `#/introductions/3` an introduction, `#/people?tag=…` everyone one import brought in,
 * `#/network?org=4&tag=…&strength=3&people=20000` the network map with its filters,
 * `#/paths?to=12` (or `company=…`, `tag=…`, with `&longer=1`) Find a path with its question,
 * and `#/<page id>` each page of the navigation (pages.ts). Parsing and printing live
 * here, apart from React, so both directions can be tested.
 */
import { matchPath } from 'react-router'
import { PAGES, type PageId } from '../pages'

/** The network map's filters; one left out is not applied (and `maxPeople` is the page's first step). */
export interface NetworkFilters {
  tag?: string
  organisationId?: number
  minStrength?: number
  maxPeople?: number
}

/**
 * A whole number written in the address, within [min, max] (read as `Number` reads it, so
 * `4`, ` 4 ` and `4.0` are 4). Checked by hand rather than with zod: this module loads with
 * the first page, which carries no zod (the address is the page's own input, not another
 * process's).
 */
function wholeNumber(min: number, max: number): (raw: string) => number | undefined {
  return (raw) => {
    const value = Number(raw)
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined
  }
}

/** A company's or a tag's name in the address: 1 to 200 characters once trimmed, else not read. */
function nameParam(raw: string): string | undefined {
  const name = raw.trim()
  return name.length >= 1 && name.length <= 200 ? name : undefined
}

/** Each filter in the address, by its name there; a value that does not fit is ignored, not refused. */
const NETWORK_PARAMS = {
  tag: { key: 'tag', read: nameParam },
  organisationId: { key: 'org', read: wholeNumber(1, Number.MAX_SAFE_INTEGER) },
  minStrength: { key: 'strength', read: wholeNumber(2, 5) },
  maxPeople: { key: 'people', read: wholeNumber(1, 1_000_000) },
} as const

function networkQuery(filters: NetworkFilters): string {
  const query = new URLSearchParams()
  if (filters.organisationId !== undefined) query.set(NETWORK_PARAMS.organisationId.key, String(filters.organisationId))
  if (filters.tag !== undefined) query.set(NETWORK_PARAMS.tag.key, filters.tag)
  if (filters.minStrength !== undefined && filters.minStrength > 1) query.set(NETWORK_PARAMS.minStrength.key, String(filters.minStrength))
  if (filters.maxPeople !== undefined) query.set(NETWORK_PARAMS.maxPeople.key, String(filters.maxPeople))
  return query.toString()
}

function networkFilters(search: string): NetworkFilters {
  const query = new URLSearchParams(search)
  const read = <T>({ key, read: parse }: { key: string; read: (raw: string) => T | undefined }): T | undefined => {
    const raw = query.get(key)
    return raw === null || raw.trim() === '' ? undefined : parse(raw)
  }
  const filters: NetworkFilters = {}
  const tag = read(NETWORK_PARAMS.tag)
  if (tag !== undefined) filters.tag = tag
  const organisationId = read(NETWORK_PARAMS.organisationId)
  if (organisationId !== undefined) filters.organisationId = organisationId
  const minStrength = read(NETWORK_PARAMS.minStrength)
  if (minStrength !== undefined) filters.minStrength = minStrength
  const maxPeople = read(NETWORK_PARAMS.maxPeople)
  if (maxPeople !== undefined) filters.maxPeople = maxPeople
  return filters
}

/**
 * What Find a path is asked: a person (by id), anyone at a company or anyone with a tag;
 * `longer` looks four relationships out instead of three.
 */
export type PathQuestion = ({ to: number } | { company: string } | { tag: string }) & { longer?: true }

function pathQuery(question: PathQuestion): string {
  const query = new URLSearchParams()
  if ('to' in question) query.set('to', String(question.to))
  else if ('company' in question) query.set('company', question.company)
  else query.set('tag', question.tag)
  if (question.longer === true) query.set('longer', '1')
  return query.toString()
}

/** The question in Find a path's address: the first of `to`, `company` and `tag` that reads; none, and there is no question. */
function pathQuestion(search: string): PathQuestion | null {
  const query = new URLSearchParams(search)
  const longer = query.get('longer') === '1' ? { longer: true as const } : {}
  const to = positiveId(query.get('to') ?? undefined)
  if (to !== null) return { to, ...longer }
  const company = nameParam(query.get('company') ?? '')
  if (company !== undefined) return { company, ...longer }
  const tag = nameParam(query.get('tag') ?? '')
  if (tag !== undefined) return { tag, ...longer }
  return null
}

export type Route =
  | { page: PageId }
  | { page: 'person'; id: number }
  | { page: 'introduction'; id: number }
  /** The people list filtered by a tag (say, everyone one import brought in). */
  | { page: 'people'; tag: string }
  /** The network map with some of its filters set. */
  | { page: 'network'; filters: NetworkFilters }
  /** Find a path, asked something. */
  | { page: 'paths'; question: PathQuestion }

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
  if ('filters' in route) {
    const query = networkQuery(route.filters)
    return query === '' ? '/network' : `/network?${query}`
  }
  if ('question' in route) return `/paths?${pathQuery(route.question)}`
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
  if (page === 'network') {
    const filters = networkFilters(search)
    if (Object.keys(filters).length > 0) return { page: 'network', filters }
  }
  if (page === 'paths') {
    const question = pathQuestion(search)
    if (question !== null) return { page: 'paths', question }
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
