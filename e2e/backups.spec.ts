import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

test('restoring a backup that holds no one asks first, and keeps the data until the user confirms', async ({ app, kithCli }) => {
  const kith = new KithApp(app)
  await kith.goTo('Settings')
  // A fresh data folder: this backup holds no people at all.
  await kith.button('Back up now').click()
  await expect(app.getByRole('status').filter({ hasText: 'passed its integrity check' })).toBeVisible()

  // Someone added since (from the CLI beside the page).
  await kithCli('people', 'add', 'Ana Lima')
  await app.reload()
  await kith.goTo('Settings')
  await expect(app.getByText(/^1 people, |^1 person, /)).toBeVisible()
  const backups = app.getByRole('table', { name: 'Backups' })
  await backups.getByRole('button', { name: /^Restore the backup taken/ }).first().click()
  await app.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click()
  await expect(app.getByRole('alert').filter({ hasText: 'holds no people' })).toContainText('nothing was changed')
  await expect(app.getByText(/^1 people, |^1 person, /)).toBeVisible()

  await kith.button('Keep my data').click()
  await expect(kith.button('Restore the empty backup anyway')).toBeHidden()
  await backups.getByRole('button', { name: /^Restore the backup taken/ }).last().click()
  await app.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click()
  await kith.button('Restore the empty backup anyway').click()
  await expect(app.getByRole('status').filter({ hasText: /Restored .*: 0 people/ })).toBeVisible()
  await expect(app.getByText(/^0 people, /)).toBeVisible()
})
