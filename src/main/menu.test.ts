import { describe, expect, it } from 'vitest'
import { applicationMenu, isDevToolsShortcut, type MenuEntry } from './menu'

function roles(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) => [...(e.role === undefined ? [] : [e.role]), ...roles(e.submenu ?? [])])
}

const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
})

describe('the application menu', () => {
  it('offers no DevTools and no reload in a packaged build, on any platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const menu = applicationMenu({ platform, packaged: true })
      expect(roles(menu), platform).not.toContain('toggleDevTools')
      expect(roles(menu), platform).not.toContain('reload')
      expect(roles(menu), platform).not.toContain('forceReload')
      expect(roles(menu), platform).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'zoomIn', 'togglefullscreen']))
    }
  })

  it('keeps DevTools in development', () => {
    expect(roles(applicationMenu({ platform: 'linux', packaged: false }))).toContain('toggleDevTools')
  })

  it('has the usual menus: app, File, Edit, View, Window, Help on macOS; Edit, View, Window elsewhere', () => {
    const top = (platform: NodeJS.Platform): string[] => applicationMenu({ platform, packaged: true }).map((e) => e.role ?? e.label ?? '')
    expect(top('darwin')).toEqual(['appMenu', 'fileMenu', 'editMenu', 'View', 'windowMenu', 'help'])
    expect(top('linux')).toEqual(['editMenu', 'View', 'windowMenu'])
    expect(top('win32')).toEqual(['editMenu', 'View', 'windowMenu'])
  })
})

describe('the DevTools shortcut guard', () => {
  it('recognises every DevTools shortcut', () => {
    expect(isDevToolsShortcut(key('F12'))).toBe(true)
    expect(isDevToolsShortcut(key('I', { control: true, shift: true }))).toBe(true)
    expect(isDevToolsShortcut(key('J', { control: true, shift: true }))).toBe(true)
    expect(isDevToolsShortcut(key('C', { control: true, shift: true }))).toBe(true)
    expect(isDevToolsShortcut(key('i', { meta: true, alt: true }))).toBe(true)
  })

  it('lets ordinary typing and editing shortcuts through', () => {
    expect(isDevToolsShortcut(key('i'))).toBe(false)
    expect(isDevToolsShortcut(key('I', { shift: true }))).toBe(false)
    expect(isDevToolsShortcut(key('c', { control: true }))).toBe(false)
    expect(isDevToolsShortcut(key('v', { meta: true }))).toBe(false)
    expect(isDevToolsShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false)
  })
})
