import { describe, expect, it } from 'vitest'
import { PAGES } from '../pages'
import { historyStep } from './nav'
import { parseRoute, routePath, sectionOf, startingPath, type Route } from './routes'

describe('addresses', () => {
  it('gives every page, person, introduction and import its own address, and reads it back', () => {
    const routes: Route[] = [
      ...PAGES.map((p) => ({ page: p.id })),
      { page: 'person', id: 123 },
      { page: 'introduction', id: 7 },
      { page: 'people', tag: 'linkedin 2026-11-28 & co' },
      { page: 'network', filters: { tag: 'angel investor', organisationId: 4, minStrength: 3, maxPeople: 20_000 } },
      { page: 'network', filters: { organisationId: 12 } },
      { page: 'paths', question: { to: 42 } },
      { page: 'paths', question: { company: 'Acme & Sons', longer: true } },
      { page: 'paths', question: { tag: 'angel investor' } },
    ]
    const paths = routes.map(routePath)
    expect(new Set(paths).size).toBe(routes.length)
    for (const route of routes) {
      const path = routePath(route)
      const [pathname = '', search = ''] = path.split('?')
      expect(parseRoute(pathname, search === '' ? '' : `?${search}`)).toEqual(route)
    }
    expect(routePath({ page: 'person', id: 123 })).toBe('/people/123')
  })

  it('keeps the network map filters in its address, ignoring values that do not fit', () => {
    expect(routePath({ page: 'network', filters: { organisationId: 4, tag: 'a & b' } })).toBe('/network?org=4&tag=a+%26+b')
    expect(routePath({ page: 'network', filters: {} })).toBe('/network')
    expect(parseRoute('/network', '?org=4&strength=2&people=20000')).toEqual({ page: 'network', filters: { organisationId: 4, minStrength: 2, maxPeople: 20_000 } })
    // Unknown names and bad values are left out; the page still opens.
    expect(parseRoute('/network', '?org=abc&strength=9&people=0&colour=red&tag=%20')).toEqual({ page: 'network' })
    expect(parseRoute('/network', '?org=-1&tag=investor')).toEqual({ page: 'network', filters: { tag: 'investor' } })
    expect(parseRoute('/network', '?org=2.5&strength=3.5&people=10.1&tag=%20investor%20')).toEqual({ page: 'network', filters: { tag: 'investor' } })
  })

  it('keeps the question Find a path was asked in its address', () => {
    expect(routePath({ page: 'paths', question: { to: 12, longer: true } })).toBe('/paths?to=12&longer=1')
    expect(routePath({ page: 'paths', question: { tag: 'a & b' } })).toBe('/paths?tag=a+%26+b')
    expect(parseRoute('/paths', '?company=%20Acme%20')).toEqual({ page: 'paths', question: { company: 'Acme' } })
    // One question: a person first, then a company, then a tag; a bad id or an empty name is not one.
    expect(parseRoute('/paths', '?tag=x&to=3')).toEqual({ page: 'paths', question: { to: 3 } })
    expect(parseRoute('/paths', '?to=0&company=Acme')).toEqual({ page: 'paths', question: { company: 'Acme' } })
    expect(parseRoute('/paths', '?to=abc&tag=%20&longer=1')).toEqual({ page: 'paths' })
    expect(parseRoute('/paths', '?to=5&longer=yes')).toEqual({ page: 'paths', question: { to: 5 } })
    expect(parseRoute('/paths', `?company=${'x'.repeat(201)}`)).toEqual({ page: 'paths' })
  })

  it('opens People at the bare address', () => {
    expect(parseRoute('/')).toEqual({ page: 'people' })
    expect(parseRoute('')).toEqual({ page: 'people' })
  })

  it('finds nothing at an address no page has, or with an id that is not a number', () => {
    expect(parseRoute('/nowhere')).toBeNull()
    expect(parseRoute('/people/abc')).toBeNull()
    expect(parseRoute('/people/0')).toBeNull()
    expect(parseRoute('/introductions/-3')).toBeNull()
    expect(parseRoute('/people/1/2')).toBeNull()
  })

  it('lights the navigation entry a person or an introduction belongs to', () => {
    expect(sectionOf({ page: 'person', id: 1 })).toBe('people')
    expect(sectionOf({ page: 'introduction', id: 1 })).toBe('introductions')
    expect(sectionOf({ page: 'people', tag: 'x' })).toBe('people')
    expect(sectionOf({ page: 'week' })).toBe('week')
  })
})

describe('where the desktop app opens', () => {
  it('reopens the last page when started without an address', () => {
    expect(startingPath('', '/people/12')).toBe('/people/12')
    expect(startingPath('#/', '/week')).toBe('/week')
    expect(startingPath('', '/people?tag=import')).toBe('/people?tag=import')
  })

  it('keeps an address it was given, and forgets a page that no longer exists', () => {
    expect(startingPath('#/settings', '/week')).toBeNull()
    expect(startingPath('', '/retired-page')).toBeNull()
    expect(startingPath('', null)).toBeNull()
  })
})

describe('back and forward keys', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    altKey: false,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    ...mods,
  })

  it('uses Alt+Left/Right on Windows and Linux', () => {
    expect(historyStep(key('ArrowLeft', { altKey: true }), false)).toBe(-1)
    expect(historyStep(key('ArrowRight', { altKey: true }), false)).toBe(1)
    expect(historyStep(key('ArrowLeft'), false)).toBe(0)
    expect(historyStep(key('ArrowLeft', { altKey: true, shiftKey: true }), false)).toBe(0)
  })

  it('uses Cmd+[ and Cmd+] on macOS, leaving Option+Left to move by word', () => {
    expect(historyStep(key('[', { metaKey: true }), true)).toBe(-1)
    expect(historyStep(key(']', { metaKey: true }), true)).toBe(1)
    expect(historyStep(key('ArrowLeft', { altKey: true }), true)).toBe(0)
  })
})
