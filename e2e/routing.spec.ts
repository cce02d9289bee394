import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

test.describe('addresses, Back and Forward', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('a person has an address that survives reload and opens from a link', async ({ app }) => {
    const kith = new KithApp(app)
    await expect(kith.pageHeading('People')).toBeVisible()
    await app.getByRole('textbox', { name: 'Search' }).fill('Kenji Tanaka')
    await app.getByRole('list', { name: 'People' }).getByRole('button', { name: /^Kenji Tanaka/ }).click()
    await expect(kith.pageHeading('Kenji Tanaka')).toBeVisible()
    await expect(app).toHaveURL(/#\/people\/\d+$/)
    const address = app.url()

    await app.reload()
    await expect(kith.pageHeading('Kenji Tanaka')).toBeVisible()
    await expect(kith.navLink('People')).toHaveAttribute('aria-current', 'page')

    // Another page, then the person's link typed in.
    await kith.goTo('This week')
    await expect(app).toHaveURL(/#\/week$/)
    await app.goto(address)
    await expect(kith.pageHeading('Kenji Tanaka')).toBeVisible()
  })

  test('Back and Forward by keyboard and by the browser', async ({ app }) => {
    const kith = new KithApp(app)
    await expect(kith.pageHeading('People')).toBeVisible()
    await kith.goTo('Settings')
    await kith.goTo('Reciprocity')

    await app.keyboard.press('Alt+ArrowLeft')
    await expect(kith.pageHeading('Settings')).toBeVisible()
    await expect(kith.navLink('Settings')).toHaveAttribute('aria-current', 'page')
    await app.keyboard.press('Alt+ArrowLeft')
    await expect(kith.pageHeading('People')).toBeVisible()
    await app.keyboard.press('Alt+ArrowRight')
    await expect(kith.pageHeading('Settings')).toBeVisible()

    await app.goBack()
    await expect(kith.pageHeading('People')).toBeVisible()
    await app.goForward()
    await expect(kith.pageHeading('Settings')).toBeVisible()
    await app.goForward()
    await expect(kith.pageHeading('Reciprocity')).toBeVisible()
  })

  test('the page’s own Back button and the skip link leave the address alone', async ({ app }) => {
    const kith = new KithApp(app)
    await expect(kith.pageHeading('People')).toBeVisible()
    await app.getByRole('textbox', { name: 'Search' }).fill('Tomas Horvat')
    await app.getByRole('list', { name: 'People' }).getByRole('button', { name: /^Tomas Horvat/ }).click()
    await expect(kith.pageHeading('Tomas Horvat')).toBeVisible()
    await app.getByRole('link', { name: 'Skip to content' }).focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('main')).toBeFocused()
    await expect(kith.pageHeading('Tomas Horvat')).toBeVisible()
    await expect(app).toHaveURL(/#\/people\/\d+$/)
    await kith.button('← Back').click()
    await expect(kith.pageHeading('People')).toBeVisible()
  })

  test('a page addressed directly opens, and an address no page has lands on People', async ({ app, serverUrl }) => {
    const kith = new KithApp(app)
    await expect(kith.pageHeading('People')).toBeVisible()
    const origin = new URL(serverUrl ?? '').origin
    await app.goto(`${origin}/#/introductions`)
    await expect(kith.pageHeading('Introductions')).toBeVisible()
    await expect(kith.navLink('Introductions')).toHaveAttribute('aria-current', 'page')
    await app.goto(`${origin}/#/no-such-page`)
    await expect(kith.pageHeading('People')).toBeVisible()
    await expect(app).toHaveURL(/#\/people$/)
  })
})
