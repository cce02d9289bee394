/**
 * axe (WCAG 2.1 A and AA) on every page, every dialog and every step of the
 * introduction workflow: no serious or critical violations.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import path from 'node:path'
import { expect, test } from './fixtures'
import { projectRoot } from './electron-binary'
import { KithApp, PeoplePage } from './pages/kith-app'

/** Closes a dialog by its named close button (Escape may only close an open list inside it). */
async function closeDialog(app: Page, name?: string): Promise<void> {
  const dialog = name === undefined ? app.getByRole('dialog').last() : app.getByRole('dialog', { name })
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(app.getByRole('dialog')).toHaveCount(0)
}

async function expectAccessible(app: Page, where: string): Promise<void> {
  // Let transitions (dialogs, notifications) settle before judging colours and names.
  await app.waitForTimeout(250)
  const results = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`)
  expect(serious, `${where}:\n${serious.join('\n')}`).toEqual([])
}

test.describe('accessibility', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('every page and dialog', async ({ app }) => {
    const kith = new KithApp(app)
    for (const page of ['People', 'Find a path', 'Introductions', 'This week', 'Reciprocity', 'Import & export', 'Settings']) {
      await kith.goTo(page)
      await expectAccessible(app, page)
    }

    const people = new PeoplePage(app)
    await people.goTo('People')
    await kith.button('Add person').click()
    await expect(app.getByRole('dialog', { name: 'Add a person' })).toBeVisible()
    await expectAccessible(app, 'Add a person')
    await closeDialog(app, 'Add a person')

    await app.keyboard.press('Control+KeyI')
    await expect(app.getByRole('dialog', { name: 'Log an interaction' })).toBeVisible()
    await expectAccessible(app, 'Log an interaction')
    await closeDialog(app, 'Log an interaction')

    await app.keyboard.press('Control+KeyK')
    await expect(app.getByRole('dialog')).toBeVisible()
    await expectAccessible(app, 'command palette')
    await app.keyboard.press('Escape')

    await people.list.getByRole('button').first().click()
    await expect(kith.pageHeading(/./)).toBeVisible()
    await expectAccessible(app, 'a person')
    for (const [button, dialog] of [
      ['Add relationship', 'Who knows whom'],
      ['Log favor', 'Log a favor'],
      ['Log interaction', 'Log an interaction'],
    ] as const) {
      await app.getByRole('main').getByRole('button', { name: button, exact: true }).click()
      await expect(app.getByRole('dialog', { name: dialog })).toBeVisible()
      await expectAccessible(app, dialog)
      await closeDialog(app, dialog)
    }
    await app.getByRole('button', { name: /^More actions for / }).click()
    await expectAccessible(app, 'the actions menu')
    await app.getByRole('menuitem', { name: /^Merge a duplicate into / }).click()
    await expect(app.getByRole('dialog')).toBeVisible()
    await expectAccessible(app, 'merge')
    await closeDialog(app)

    await kith.goTo('Introductions')
    await kith.button('Introduce two people').click()
    await expect(app.getByRole('dialog')).toBeVisible()
    await expectAccessible(app, 'introduce two people')
    await closeDialog(app, 'Introduce two people')
  })

  test('every step of the introduction workflow, and a path', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Introductions')
    // The sample network holds introductions in every state: open each.
    const named = /^(Ask .+ to introduce you to |Introduce .+ and )/
    const list = app.getByRole('main').getByRole('button', { name: named })
    // The list arrives after the page: wait for it before counting.
    await expect(list.first()).toBeVisible()
    const count = await list.count()
    expect(count).toBeGreaterThanOrEqual(6)
    for (let i = 0; i < count; i++) {
      await kith.goTo('Introductions')
      const item = app.getByRole('main').getByRole('button', { name: named }).nth(i)
      const name = (await item.textContent()) ?? `introduction ${i}`
      await item.click()
      await expect(kith.pageHeading(/^(Ask|Introduce) /)).toBeVisible()
      await expectAccessible(app, name)
    }

    await kith.goTo('Find a path')
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await picker.click()
    await picker.fill('a')
    await app.getByRole('option').first().click()
    await expect(app.getByRole('main').getByRole('button', { name: /^Ask .* to introduce you to / }).first().or(app.getByText(/no path/i)).first()).toBeVisible()
    await expectAccessible(app, 'paths')
  })

  test('the import preview and its history', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')
    const chooser = app.waitForEvent('filechooser')
    await app.getByRole('button', { name: 'Contact file' }).click()
    await (await chooser).setFiles(path.join(projectRoot, 'src', 'main', 'backend', 'imports', 'fixtures', 'relationships.csv'))
    await kith.button('Preview import').click()
    await expect(app.getByRole('table', { name: 'Could not be read' })).toBeVisible()
    await expectAccessible(app, 'import preview')
    await kith.button('Import relationships.csv').click()
    await expect(app.getByRole('table', { name: 'Import history' })).toBeVisible()
    await app.getByRole('button', { name: 'Undo the import of relationships.csv' }).click()
    await expect(app.getByRole('dialog', { name: 'Undo this import?' })).toBeVisible()
    await expectAccessible(app, 'undo an import')
  })
})

test('accessibility: the first run, before there is any data', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 2 }).first()).toBeVisible()
  await expectAccessible(app, 'first run')
  const kith = new KithApp(app)
  await kith.goTo('Settings')
  await kith.button('Back up now').click()
  await app.getByRole('table', { name: 'Backups' }).getByRole('button', { name: /^Restore the backup taken/ }).first().click()
  await expect(app.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible()
  await expectAccessible(app, 'restore a backup')
})
