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
    return { url: window?.webContents.getURL(), sandboxed: renderer?.sandboxed, windows: BrowserWindow.getAllWindows().length }
  })
  expect(shown.url).toMatch(/^file:\/\/.*\/renderer\/index\.html/)
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
  // Files outside the app's own page are out of reach too.
  expect(await app.evaluate("fetch('file:///etc/hostname').then(() => 'reached', () => 'blocked')")).toBe('blocked')
  expect(electronApp.windows()).toHaveLength(1)
})
