/**
 * The desktop window's real settings, read from the running app: what
 * docs/security.md promises. Runs in the electron project only.
 */
import { expect, test } from './fixtures'

test('the window runs sandboxed and isolated, and refuses navigation, new windows, permissions and the network', async ({ app, electronApp, kithMode }) => {
  test.skip(kithMode !== 'electron' || electronApp === null, 'the desktop app only')
  if (electronApp === null) return
  const shown = await electronApp.evaluate(({ app: electron, BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0]
    const pid = window?.webContents.getOSProcessId()
    const renderer = electron.getAppMetrics().find((m) => m.pid === pid)
    return {
      url: window?.webContents.getURL(),
      sandboxed: renderer?.sandboxed,
      windows: BrowserWindow.getAllWindows().length,
      packaged: electron.isPackaged,
      devToolsOpen: window?.webContents.isDevToolsOpened(),
    }
  })
  // The page comes from Kith's own app:// protocol, not from a file.
  expect(shown.url).toBe('app://kith/index.html')
  expect(await app.evaluate('location.protocol')).toBe('app:')
  expect(shown.windows).toBe(1)
  // Reported on macOS and Windows; Linux leaves it out.
  if (shown.sandboxed !== undefined) expect(shown.sandboxed).toBe(true)

  // The page sees the bridge and nothing of Node or Electron.
  const page: unknown = await app.evaluate(
    '({ bridge: Object.keys(window.kith ?? {}).sort(), require: typeof window.require, process: typeof window.process, module: typeof window.module })',
  )
  expect(page).toEqual({ bridge: ['call', 'canPickFiles', 'openExternal'], require: 'undefined', process: 'undefined', module: 'undefined' })

  // No navigation away, no new windows, no permissions, no network.
  const before = app.url()
  await app.evaluate("window.location.href = 'https://example.com/'")
  await app.waitForTimeout(300)
  expect(app.url()).toBe(before)
  expect(await app.evaluate("window.open('https://example.com/') === null")).toBe(true)
  expect(await app.evaluate('Notification.requestPermission()')).toBe('denied')
  expect(await app.evaluate("fetch('https://example.com/').then(() => 'reached', () => 'blocked')")).toBe('blocked')
  // Files outside the app's own page are out of reach too, by file:// or by climbing out of app://.
  expect(await app.evaluate("fetch('file:///etc/hostname').then(() => 'reached', () => 'blocked')")).toBe('blocked')
  expect(await app.evaluate("fetch('app://kith/..%2f..%2f..%2fpackage.json').then((r) => r.ok ? 'reached' : 'blocked', () => 'blocked')")).toBe('blocked')
  expect(await app.evaluate("fetch('app://kith/index.html').then((r) => r.headers.get('content-security-policy') ?? '')")).toMatch(/script-src 'sha384-/)
  expect(electronApp.windows()).toHaveLength(1)

  // The menu has the usual roles; DevTools are there only when the app is not packaged.
  const menu = await electronApp.evaluate(({ Menu }) => {
    const roles: string[] = []
    const walk = (items: Electron.MenuItem[]): void => {
      for (const item of items) {
        if (item.role !== undefined) roles.push(item.role.toLowerCase())
        if (item.submenu !== undefined) walk(item.submenu.items)
      }
    }
    walk(Menu.getApplicationMenu()?.items ?? [])
    return roles
  })
  expect(menu).toEqual(expect.arrayContaining(['editmenu', 'windowmenu']))
  if (shown.packaged) {
    expect(menu).not.toContain('toggledevtools')
    // A DevTools shortcut does nothing in a packaged build.
    await app.keyboard.press(process.platform === 'darwin' ? 'Meta+Alt+I' : 'Control+Shift+I')
    await app.keyboard.press('F12')
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.isDevToolsOpened())).toBe(false)
  } else {
    expect(shown.devToolsOpen).toBe(false)
  }
})
