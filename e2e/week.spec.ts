import { expect, test } from './fixtures'
import { KithApp, PeoplePage } from './pages/kith-app'

test.describe('the weekly review', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('start a double opt-in, dismiss one, and record that two already know each other', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('This week')
    const list = app.getByRole('region', { name: 'Introductions you could make' })
    const cards = list.getByRole('article')
    await expect(cards.first()).toBeVisible()
    expect(await cards.count()).toBeGreaterThanOrEqual(5)

    // Start a double opt-in from the first suggestion.
    const first = cards.nth(0)
    const firstName = ((await first.getAttribute('aria-label')) ?? '').replace(/^Introduce /, '')
    await first.getByRole('button', { name: 'Start double opt-in' }).click()
    await expect(app.getByRole('heading', { level: 2, name: `Introduce ${firstName}` })).toBeVisible()
    await kith.goTo('This week')
    await expect(list.getByRole('article', { name: `Introduce ${firstName}` }).getByText('Introduction: Draft')).toBeVisible()

    // Dismiss the second.
    const second = cards.nth(1)
    await second.getByRole('button', { name: 'Dismiss' }).click()
    await expect(second.getByText('Dismissed')).toBeVisible()
    // Undo from the notice puts it back on the list; then dismiss it for good.
    await app.getByRole('alert').filter({ hasText: /^Dismissed / }).getByRole('button', { name: 'Undo' }).click()
    await expect(app.getByRole('alert').filter({ hasText: /are back on this week's list\.$/ })).toBeVisible()
    await second.getByRole('button', { name: 'Dismiss' }).click()
    await expect(second.getByText('Dismissed')).toBeVisible()

    // The third already know each other: the relationship appears.
    const third = cards.nth(2)
    const [a, b] = ((await third.getAttribute('aria-label')) ?? '').replace(/^Introduce /, '').split(' and ')
    await third.getByRole('button', { name: 'They already know each other' }).click()
    await expect(third.getByText('They already know each other', { exact: true }).last()).toBeVisible()
    await third.getByRole('button', { name: a ?? '', exact: true }).click()
    await expect(kith.pageHeading(a ?? '')).toBeVisible()
    await expect(app.getByRole('table', { name: `People ${a ?? ''} knows` }).getByRole('button', { name: b ?? '', exact: true })).toBeVisible()
  })

  test('favors to return, ties going cold, and reciprocity with its chart', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('This week')
    await expect(app.getByRole('region', { name: 'Favors to return' }).getByText(/^You have received \d+ favors? from /).first()).toBeVisible()
    await expect(app.getByRole('table', { name: 'Ties going cold' }).getByRole('row').nth(1)).toBeVisible()
    // A follow-up ticked done leaves the week's list; Undo from the notice brings it back.
    const followUps = app.getByRole('region', { name: 'Follow-ups this week' })
    const box = followUps.getByRole('checkbox').first()
    const title = (await box.getAttribute('aria-label')) ?? (await followUps.locator('label').first().textContent()) ?? ''
    expect(title).not.toBe('')
    await box.check()
    await expect(followUps.getByRole('checkbox', { name: title, exact: true })).toHaveCount(0)
    await app.getByRole('alert').filter({ hasText: `Done: ${title}` }).getByRole('button', { name: 'Undo' }).click()
    await expect(app.getByRole('alert').filter({ hasText: `Not done after all: ${title}` })).toBeVisible()
    await expect(followUps.getByRole('checkbox', { name: title, exact: true })).not.toBeChecked()
    await kith.goTo('Reciprocity')
    await expect(app.getByRole('img', { name: /^Favor balances: / })).toBeVisible()
    await expect(app.getByRole('table', { name: 'Favors by person' }).getByRole('row').nth(1)).toBeVisible()
  })
})

test.describe("a person's follow-ups", () => {
  test.use({ seed: { commands: [['demo']] } })

  test('add one from their page, tick it done, take it back', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Vera Walsh')
    const section = app.getByRole('region', { name: 'Follow-ups' })
    await expect(section.getByText('Nothing to follow up with Vera Walsh.')).toBeVisible()
    const add = section.getByRole('button', { name: 'Add a follow-up' })
    await add.click()
    const dialog = app.getByRole('dialog', { name: 'Add a follow-up' })
    // The keyboard starts in the first field, filled with the usual words.
    const what = dialog.getByRole('textbox', { name: 'What to do' })
    await expect(what).toBeFocused()
    await expect(what).toHaveValue('Follow up with Vera Walsh')
    // The usual words are selected: typing replaces them.
    await app.keyboard.type('Send Vera the pricing deck')
    await expect(what).toHaveValue('Send Vera the pricing deck')
    await dialog.getByRole('button', { name: 'Tomorrow' }).click()
    await expect(dialog.getByRole('button', { name: 'Tomorrow' })).toHaveAttribute('aria-pressed', 'true')
    await dialog.getByRole('button', { name: 'Add follow-up' }).click()
    await expect(dialog).toBeHidden()
    await expect(app.getByText(/^Follow-up added: Send Vera the pricing deck, due /)).toBeVisible()
    await expect(add).toBeFocused()

    const task = section.getByRole('checkbox', { name: 'Send Vera the pricing deck' })
    await expect(task).not.toBeChecked()
    // Due tomorrow: it can be put off, never brought forward.
    await section.getByRole('button', { name: 'Snooze: Send Vera the pricing deck' }).click()
    await expect(app.getByRole('menuitem', { name: 'For 3 days' })).toBeVisible()
    await expect(app.getByRole('menuitem', { name: 'Until tomorrow' })).toHaveCount(0)
    await app.keyboard.press('Escape')
    await task.check()
    await expect(task).toHaveCount(0)
    await app.getByRole('button', { name: 'Undo' }).click()
    await expect(section.getByRole('checkbox', { name: 'Send Vera the pricing deck' })).not.toBeChecked()
  })

  test('a day gone by is refused in the form, with nothing added', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Vera Walsh')
    const section = app.getByRole('region', { name: 'Follow-ups' })
    await section.getByRole('button', { name: 'Add a follow-up' }).click()
    const dialog = app.getByRole('dialog', { name: 'Add a follow-up' })
    await dialog.getByRole('textbox', { name: 'Due' }).fill('2020-01-01')
    await dialog.getByRole('button', { name: 'Add follow-up' }).click()
    await expect(dialog.getByText('Choose today or a day after')).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(section.getByText('Nothing to follow up with Vera Walsh.')).toBeVisible()
  })
})
