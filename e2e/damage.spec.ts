import { expect, test } from './fixtures'
import { Dialog, PeoplePage } from './pages/kith-app'

test.describe('damage found after the app has opened', () => {
  // The week's suggestions table damaged: nothing the first page shows reads it, so only the check finds it.
  test.use({ seed: { commands: [['demo']], wreck: 'suggestion' } })

  test('the people still list, the banner comes without a click, and nothing can be added', async ({ app }) => {
    const people = new PeoplePage(app)
    await expect(people.pageHeading('People')).toBeVisible()
    await expect(app.getByRole('list', { name: 'People' }).getByRole('button', { name: /^Aiko Moreau/ })).toBeVisible()
    const banner = app.getByRole('alert').filter({ hasText: 'Kith found damage in your data' })
    await expect(banner).toBeVisible()
    await expect(banner.getByRole('button', { name: 'Check and restore' })).toBeVisible()

    await people.button('Add person').click()
    const dialog = new Dialog(app, 'Add a person')
    await dialog.field('Name').fill('Priya Raman')
    await dialog.submit('Add person')
    await expect(dialog.root.getByText(/Kith found damage in your data/)).toBeVisible()
  })
})
