/** A fresh data folder: say who you are, then choose how to bring your people in. */
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

/** The buttons among the ways to begin that cut their label off ("Load sampl"); an expression, as the specs are typed without the DOM. */
const CLIPPED_BUTTONS = `[...document.querySelectorAll('[aria-label="Ways to begin"] button')]
  .filter((b) => [b, ...b.querySelectorAll('*')].some((e) => getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth + 1))
  .map((b) => b.textContent)`

test('after giving a name, the first run leads into an import', async ({ app }) => {
  const kith = new KithApp(app)
  await expect(kith.pageHeading('Welcome to Kith')).toBeVisible()
  await app.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor')
  await kith.button('Continue').click()
  await expect(kith.pageHeading('Welcome, Sam Okafor')).toBeVisible()
  // The form went with the name: the keyboard comes to the next step's heading, and the title says where it is.
  await expect(kith.pageHeading('Welcome, Sam Okafor')).toBeFocused()
  await expect(app).toHaveTitle('People – Kith')
  const ways = app.getByRole('list', { name: 'Ways to begin' })
  await expect(ways.getByRole('button', { name: 'Load sample network' })).toBeVisible()
  await expect(ways.getByRole('button', { name: 'Add a person' })).toBeVisible()
  // Each card's button shows its whole label, the text beside it wrapping instead.
  expect(await app.evaluate(CLIPPED_BUTTONS)).toEqual([])
  await ways.getByRole('button', { name: 'Open your profile' }).click()
  await expect(app.getByRole('form', { name: 'Your profile' })).toBeVisible()
  await expect(app).toHaveTitle('Settings – Kith')
  await app.goBack()
  await ways.getByRole('button', { name: 'Import contacts' }).click()
  await expect(kith.pageHeading('Import & export')).toBeVisible()
})

test('after giving a name, the sample network loads around you', async ({ app }) => {
  const kith = new KithApp(app)
  await app.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor')
  await kith.button('Continue').click()
  await app.getByRole('list', { name: 'Ways to begin' }).getByRole('button', { name: 'Load sample network' }).click()
  await expect(kith.pageHeading('People')).toBeVisible()
  await expect(app.getByText('200 people')).toBeVisible()
})

test('someone added by hand is someone I know, as well as I say', async ({ app }) => {
  const kith = new KithApp(app)
  await app.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor')
  await kith.button('Continue').click()
  await app.getByRole('list', { name: 'Ways to begin' }).getByRole('button', { name: 'Add a person' }).click()
  const dialog = app.getByRole('dialog', { name: 'Add a person' })
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused()
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Ana Lima')
  const howWell = dialog.getByRole('combobox', { name: 'How well do you know them?' }).or(dialog.getByRole('textbox', { name: 'How well do you know them?' })).first()
  await howWell.click()
  await app.getByRole('option', { name: 'Close (4/5)' }).click()
  await dialog.getByRole('button', { name: 'Add person' }).click()
  await expect(kith.pageHeading('Ana Lima')).toBeVisible()
  await expect(app).toHaveTitle('Ana Lima – Kith')
  const ties = app.getByRole('region', { name: 'Relationships' })
  await expect(ties.getByRole('row', { name: /Sam Okafor.*Close/ })).toBeVisible()
})
