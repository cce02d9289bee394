/** What you logged can be corrected: the same form, filled in. */
import { expect, test } from './fixtures'
import { Dialog, PeoplePage } from './pages/kith-app'

test.describe('editing an interaction', () => {
  test.use({ seed: { commands: [['me', 'Sam Okafor'], ['people', 'add', 'Vera Walsh'], ['log', 'call', 'Vera Walsh', '--date', '2026-01-05', '--note', 'Talked about the fund']] } })

  test('opens the logged call filled in, and saves it as a meeting', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Vera Walsh')
    const list = app.getByRole('list', { name: 'Interactions, newest first' })
    await expect(list.getByText('Talked about the fund')).toBeVisible()
    await list.getByRole('button', { name: /^Edit the call of / }).click()

    const dialog = new Dialog(app, 'Edit an interaction')
    await expect(dialog.field('Note')).toHaveValue('Talked about the fund')
    await dialog.field('Note').fill('Coffee, not a call')
    await dialog.field('Kind').click()
    await app.getByRole('option', { name: 'Meeting' }).click()
    await dialog.submit('Save interaction')
    await expect(list.getByText('Coffee, not a call')).toBeVisible()
    await expect(list.getByText(/Meeting with/)).toBeVisible()
    await expect(list.getByText('Talked about the fund')).toHaveCount(0)
  })
})
