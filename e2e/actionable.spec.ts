/**
 * Pages you can act from: Reciprocity and the weekly page name people in
 * full, open them, and log a favor from you to them in one step.
 */
import { expect, test } from './fixtures'
import { Dialog, KithApp } from './pages/kith-app'

test.describe('acting on who you owe', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('from Reciprocity: log a favor from a nudge, then open a person by their full name', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Reciprocity')
    const nudges = app.getByRole('region', { name: 'Nudges' })
    const logFavor = nudges.getByRole('button', { name: /^Log a favor for / }).first()
    const label = ((await logFavor.getAttribute('aria-label')) ?? '').replace(/^Log a favor for /, '')
    expect(label).toMatch(/^\S+ \S+/)
    await expect(nudges.getByRole('button', { name: `Open ${label}`, exact: true })).toBeVisible()
    await expect(nudges.getByRole('button', { name: `Start an introduction for ${label}`, exact: true })).toBeVisible()
    await logFavor.click()

    const dialog = new Dialog(app, 'Log a favor')
    await expect(dialog.root.getByRole('textbox', { name: /Who gave/ }).or(dialog.root.getByRole('combobox', { name: /Who gave/ })).first()).toHaveValue(/^Jordan Avery/)
    const name = label.replace(/ \(.*\)$/, '')
    await expect(dialog.root.getByRole('textbox', { name: /Who received/ }).or(dialog.root.getByRole('combobox', { name: /Who received/ })).first()).toHaveValue(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    await dialog.submit('Log favor')
    await expect(app.getByText(`Logged a small favor (advice) from Jordan Avery to ${name}`)).toBeVisible()

    const table = app.getByRole('table', { name: 'Favors by person' })
    const link = table.getByRole('button', { name: label, exact: true })
    await link.click()
    await expect(kith.pageHeading(name)).toBeVisible()
  })

  test('from the weekly page: open a person you owe, and log a favor for them', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('This week')
    const section = app.getByRole('region', { name: 'Favors to return' })
    const open = section.getByRole('button', { name: /^Open / }).first()
    const label = ((await open.getAttribute('aria-label')) ?? '').replace(/^Open /, '')
    const name = label.replace(/ \(.*\)$/, '')
    await section.getByRole('button', { name: `Log a favor for ${label}`, exact: true }).click()
    const dialog = new Dialog(app, 'Log a favor')
    await dialog.submit('Log favor')
    await expect(app.getByText(`Logged a small favor (advice) from Jordan Avery to ${name}`)).toBeVisible()

    // The full name is a link to the person.
    await section.getByRole('button', { name: label, exact: true }).first().click()
    await expect(kith.pageHeading(name)).toBeVisible()
  })
})
