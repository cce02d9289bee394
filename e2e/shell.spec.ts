import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

const PAGES = ['People', 'Find a path', 'Introductions', 'This week', 'Reciprocity', 'Organisations', 'Network map', 'Import & export', 'Review', 'Settings']

test('a new user meets the first-run state and can load the sample network', async ({ app }) => {
  const kith = new KithApp(app)
  await expect(app.getByRole('heading', { level: 1, name: 'Kith' })).toBeVisible()
  for (const name of PAGES) await expect(kith.navLink(name)).toBeVisible()
  await expect(kith.pageHeading('Welcome to Kith')).toBeVisible()

  await kith.button('Load sample network').click()
  await expect(kith.pageHeading('People')).toBeVisible()
  await expect(app.getByText('200 people')).toBeVisible()
  await app.getByRole('textbox', { name: 'Search' }).fill('Jordan Avery')
  await expect(app.getByRole('list', { name: 'People' }).getByRole('button', { name: /Jordan Avery\s*me/ })).toBeVisible()
})

test('"Import contacts" leads to Import & export', async ({ app }) => {
  const kith = new KithApp(app)
  await kith.button('Import contacts').click()
  await expect(kith.pageHeading('Import & export')).toBeVisible()
  await expect(kith.navLink('Import & export')).toHaveAttribute('aria-current', 'page')
})

test('every page is reachable from the keyboard alone', async ({ app }) => {
  const kith = new KithApp(app)
  await expect(kith.pageHeading('Welcome to Kith')).toBeVisible()
  await app.reload()
  await expect(kith.pageHeading('Welcome to Kith')).toBeVisible()
  // Tab order: the skip link, the header's two commands, then the navigation in order.
  await app.keyboard.press('Tab')
  await expect(app.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await app.keyboard.press('Tab')
  await expect(kith.button(/^Find or run/)).toBeFocused()
  await app.keyboard.press('Tab')
  await expect(kith.button(/^Log interaction/)).toBeFocused()
  for (const name of PAGES) {
    await app.keyboard.press('Tab')
    await expect(kith.navLink(name)).toBeFocused()
  }
  await app.keyboard.press('Enter')
  await expect(kith.pageHeading('Settings')).toBeVisible()
  // The chosen page's content takes the focus (the next Tab is in the page); back from it, the menu from its end.
  const main = app.getByRole('main')
  await expect(main).toBeFocused()
  for (const name of PAGES.slice(1, -1).reverse()) {
    for (let k = PAGES.indexOf(name); k < PAGES.length; k++) await app.keyboard.press('Shift+Tab')
    await expect(kith.navLink(name)).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(kith.pageHeading(name)).toBeVisible()
    await expect(main).toBeFocused()
  }
})

test.describe('with the sample network', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('Settings checks the database, backs up and restores', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Settings')
    await expect(app.getByText('200 people', { exact: false })).toBeVisible()

    await kith.button('Check database').click()
    await expect(app.getByRole('status').filter({ hasText: 'The database is sound' })).toBeVisible()

    const backups = app.getByRole('table', { name: 'Backups' })
    // Kith took its automatic backup when it started.
    await expect(backups.getByRole('cell', { name: 'Automatic' })).toBeVisible()
    const before = await backups.getByRole('row').count()

    await kith.button('Back up now').click()
    await expect(app.getByRole('status').filter({ hasText: 'passed its integrity check' })).toBeVisible()
    await expect(backups.getByRole('row')).toHaveCount(before + 1)

    await backups.getByRole('button', { name: /^Restore the backup taken/ }).first().click()
    const dialog = app.getByRole('dialog', { name: 'Restore this backup?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Restore' }).click()
    await expect(app.getByRole('status').filter({ hasText: /Restored .*200 people/ })).toBeVisible()
    // The restore kept a safety copy of what it replaced.
    await expect(backups.getByRole('row')).toHaveCount(before + 2)
    await expect(backups.getByRole('cell', { name: 'Before a restore' })).toBeVisible()
  })
})

test('browser mode refuses a page opened without its token', async ({ app, kithMode, serverUrl }) => {
  test.skip(kithMode !== 'browser', 'browser mode only')
  const bare = (serverUrl ?? '').replace(/#.*$/, '')
  const other = await app.context().newPage()
  await other.goto(bare)
  await expect(other.getByRole('alert')).toContainText('needs its start-up link')
})
