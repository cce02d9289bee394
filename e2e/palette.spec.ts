import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

function results(app: Page) {
  return app.getByRole('dialog', { name: 'Command palette' }).locator('[data-action]')
}

test.describe('the command palette', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('reopens empty with the first result chosen; actions a query names come first', async ({ app }) => {
    const kith = new KithApp(app)
    await expect(kith.pageHeading('People')).toBeVisible()
    const search = app.getByRole('textbox', { name: 'Find someone or run an action' })

    await app.keyboard.press('Control+K')
    await expect(search).toHaveValue('')
    await app.keyboard.type('favor')
    await expect(results(app).first()).toHaveText('Log a favor')
    await expect(results(app).first()).toHaveAttribute('data-selected', 'true')
    await app.keyboard.press('Enter')
    await expect(app.getByRole('dialog', { name: 'Log a favor' })).toBeVisible()
    // The likely giver is you.
    await expect(app.getByRole('dialog', { name: 'Log a favor' }).getByRole('combobox', { name: 'Who gave' })).toHaveValue('Jordan Avery')
    await app.keyboard.press('Escape')
    await expect(app.getByRole('dialog', { name: 'Log a favor' })).toBeHidden()

    await app.keyboard.press('Control+K')
    await expect(search).toHaveValue('')
    await app.keyboard.type('kenji tanaka')
    await expect(results(app).first()).toHaveText(/^Kenji Tanaka/)
    await expect(results(app).first()).toHaveAttribute('data-selected', 'true')
    await app.keyboard.press('Enter')
    await expect(kith.pageHeading('Kenji Tanaka')).toBeVisible()

    // On an empty query, the people opened last come first.
    await kith.goTo('Settings')
    await app.keyboard.press('Control+K')
    await expect(search).toHaveValue('')
    await expect(results(app).first()).toHaveText('Kenji Tanaka')
    await expect(results(app).first()).toHaveAttribute('data-selected', 'true')
    await app.keyboard.press('Enter')
    await expect(kith.pageHeading('Kenji Tanaka')).toBeVisible()
  })

  test('what is typed right after Ctrl+K, before the search box has the focus, is kept', async ({ app }) => {
    const kith = new KithApp(app)
    await expect(kith.pageHeading('People')).toBeVisible()
    // Ctrl+K and the first letters in one go: the search box cannot have taken the focus yet.
    await app.evaluate(`(() => {
      const press = (init) => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
      press({ key: 'k', code: 'KeyK', ctrlKey: true })
      for (const letter of 'light') press({ key: letter, code: 'Key' + letter.toUpperCase() })
    })()`)
    const search = app.getByRole('textbox', { name: 'Find someone or run an action' })
    await expect(search).toBeFocused()
    await app.keyboard.type(' theme')
    await expect(search).toHaveValue('light theme')
    await expect(results(app).first()).toHaveText('Use the light theme')
    // Closed and opened again, it is empty.
    await app.keyboard.press('Escape')
    await app.keyboard.press('Control+K')
    await expect(search).toHaveValue('')
  })

  test('the theme switch: from Settings and the palette, kept over a reload', async ({ app }) => {
    const kith = new KithApp(app)
    const html = app.locator('html')
    await kith.goTo('Settings')
    const appearance = app.getByRole('region', { name: 'Appearance' })
    await expect(appearance.getByRole('radio', { name: 'System' })).toBeChecked()

    await appearance.getByRole('radio', { name: 'Dark' }).check()
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await app.reload()
    await expect(kith.pageHeading('Settings')).toBeVisible()
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await expect(appearance.getByRole('radio', { name: 'Dark' })).toBeChecked()

    await app.keyboard.press('Control+K')
    await app.keyboard.type('light theme')
    await expect(results(app).first()).toHaveText('Use the light theme')
    await app.keyboard.press('Enter')
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
    await expect(appearance.getByRole('radio', { name: 'Light' })).toBeChecked()
    await app.reload()
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
  })
})
