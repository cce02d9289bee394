import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

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
    const followUps = app.getByRole('region', { name: 'Follow-ups due' })
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
