/**
 * The application menu and the DevTools shortcut guard, as plain data so
 * they can be tested without Electron (src/main/index.ts hands the template
 * to Menu.buildFromTemplate, which checks it against Electron's own types).
 * A packaged build has no way into DevTools: no menu item, no shortcut.
 */

/** The menu roles Kith uses (a subset of Electron's). */
export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'help'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'

export interface MenuEntry {
  role?: MenuRole
  label?: string
  type?: 'separator'
  submenu?: MenuEntry[]
}

/**
 * The usual menus for the platform (macOS: app, File, Edit, View, Window,
 * Help; elsewhere: Edit, View, Window). View offers reload and DevTools only
 * in development.
 */
export function applicationMenu(options: { platform: NodeJS.Platform; packaged: boolean }): MenuEntry[] {
  const view: MenuEntry[] = options.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  view.push({ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' })
  const viewMenu: MenuEntry = { label: 'View', submenu: view }
  if (options.platform === 'darwin') {
    return [{ role: 'appMenu' }, { role: 'fileMenu' }, { role: 'editMenu' }, viewMenu, { role: 'windowMenu' }, { role: 'help', submenu: [] }]
  }
  return [{ role: 'editMenu' }, viewMenu, { role: 'windowMenu' }]
}

/** The keyboard input Electron reports in `before-input-event` (the fields used here). */
export interface KeyInput {
  type: string
  key: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

/**
 * Chromium's DevTools shortcuts: F12, Ctrl+Shift+I/J/C (Linux, Windows) and
 * Cmd+Alt+I/J/C (macOS). A packaged build swallows them.
 */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false
  if (input.key === 'F12') return true
  const key = input.key.toLowerCase()
  if (key !== 'i' && key !== 'j' && key !== 'c') return false
  return (input.control && input.shift) || (input.meta && input.alt)
}
