/**
 * The page's Content-Security-Policy holds in the running app: its own
 * script modules (one per page, loaded on first visit) and nonce-carrying
 * style elements work on every page and dialog, nothing else runs or
 * applies, the browser reports no violation, and a page whose script was
 * changed is refused.
 */
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

const PAGES = ['People', 'Find a path', 'Introductions', 'This week', 'Reciprocity', 'Organisations', 'Network map', 'Import & export', 'Settings']

test.use({ seed: { commands: [['demo']] } })

test('the page runs only its own script and styles, with no policy violation anywhere', async ({ app }) => {
  // Every page, the network map among them, which draws with software WebGL on a machine without a GPU.
  test.setTimeout(120_000)
  const violations: string[] = []
  app.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  const kith = new KithApp(app)
  // Load again with the listener in place, so the start-up counts too.
  await app.reload()
  await expect(kith.pageHeading('People')).toBeVisible()

  const policy = await app.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? ''")
  // Only hashes: the page's modules and the import map pinning them.
  expect(policy).toMatch(/script-src( 'sha384-[^']+')+;/)
  expect(policy).not.toMatch(/script-src[^;]*'(self|strict-dynamic)'/)
  expect(policy).not.toContain("'unsafe-inline'")
  // Mantine's theme variables come from a style element carrying the nonce.
  expect(await app.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-body').trim() !== ''")).toBe(true)

  for (const name of PAGES) await kith.goTo(name)
  // A dialog locks the page's scrolling with a style element of its own.
  await kith.button(/^Log interaction/).click()
  await expect(app.getByRole('dialog')).toBeVisible()
  expect(await app.evaluate('getComputedStyle(document.body).overflow')).toBe('hidden')
  await app.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click()
  await expect(app.getByRole('dialog')).toHaveCount(0)
  await kith.button(/^Find or run/).click()
  await expect(app.getByRole('dialog')).toBeVisible()

  expect(violations).toEqual([])

  // What an injection would try: an inline script, a script from the page's
  // own origin, a style element or attribute without the nonce.
  const injected = await app.evaluate(`new Promise((resolve) => {
    const inline = document.createElement('script')
    inline.textContent = 'window.__kithInjected = true'
    document.head.append(inline)
    const own = document.createElement('script')
    own.src = document.querySelector('script[src]').src + '?again'
    own.onload = () => resolve('own script ran')
    own.onerror = () => {
      const probe = document.createElement('p')
      document.body.append(probe)
      probe.outerHTML = '<p id="kith-probe" style="color: rgb(1, 2, 3)">probe</p><style>#kith-probe { background-color: rgb(4, 5, 6) }</style>'
      const p = document.getElementById('kith-probe')
      const style = getComputedStyle(p)
      resolve({ inline: window.__kithInjected === true, color: style.color, background: style.backgroundColor })
    }
    document.head.append(own)
  })`)
  expect(injected).toMatchObject({ inline: false })
  expect(injected).not.toMatchObject({ color: 'rgb(1, 2, 3)' })
  expect(injected).not.toMatchObject({ background: 'rgb(4, 5, 6)' })
})

test('a page whose script was changed on its way is refused, and the window says so', async ({ app, kithMode }) => {
  test.skip(kithMode !== 'browser', 'browser mode lets the test rewrite a file between server and page')
  // Rewrite the Import & export page's chunk as it is served (it has not loaded yet: pages load on first visit).
  await app.route(/\/assets\/ImportExportPage-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, body: `${await response.text()}\n;window.__kithTampered = true` })
  })
  const kith = new KithApp(app)
  await expect(kith.pageHeading('People')).toBeVisible()
  await kith.navLink('Import & export').click()
  await expect(app.getByRole('alert').filter({ hasText: 'This page could not load' })).toBeVisible()
  expect(await app.evaluate('window.__kithTampered === true')).toBe(false)
  await expect(kith.pageHeading('Import & export')).toHaveCount(0)

  // The rest of the window still works.
  await kith.goTo('Settings')
})
