/**
 * axe (WCAG 2.1 A and AA) on every page, every dialog and every step of the
 * introduction workflow: no serious or critical violations.
 *
 * One test per page or dialog, so each stays well inside its time budget on
 * a slow machine, and a failure names what failed. Every wait is on a
 * condition (a locator, or the page's animations having finished), never on
 * a length of time.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import path from 'node:path'
import { expect, test } from './fixtures'
import { projectRoot } from './electron-binary'
import { Dialog, KithApp, PeoplePage } from './pages/kith-app'

/** Closes a dialog by its named close button (Escape may only close an open list inside it). */
async function closeDialog(app: Page, name?: string): Promise<void> {
  const dialog = name === undefined ? app.getByRole('dialog').last() : app.getByRole('dialog', { name })
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(app.getByRole('dialog')).toHaveCount(0)
}

/**
 * Resolves once nothing on the page has moved for five frames in a row: no
 * finite animation or transition (a dialog opening, a notification sliding
 * in) is running. Endless ones (a loading spinner) do not count. Evaluated
 * as a whole in the page (the page's Content-Security-Policy refuses the
 * polling `waitForFunction` does).
 */
const STILL_FOR_FIVE_FRAMES = `new Promise((resolve) => {
  let quiet = 0
  const frame = () => {
    const moving = document.getAnimations().some((a) => a.playState === 'running' && a.effect !== null && a.effect.getComputedTiming().endTime !== Infinity)
    quiet = moving ? 0 : quiet + 1
    if (quiet >= 5) resolve(true)
    else requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})`

/** Waits until the page has stopped moving. */
async function settled(app: Page): Promise<void> {
  await app.evaluate(STILL_FOR_FIVE_FRAMES)
}

async function expectAccessible(app: Page, where: string): Promise<void> {
  // Let transitions (dialogs, notifications) finish before judging colours and names.
  await settled(app)
  const results = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`)
  expect(serious, `${where}:\n${serious.join('\n')}`).toEqual([])
}

// The tests share nothing (each has its own data folder and server): both workers can take them.
test.describe.configure({ mode: 'parallel' })

const PAGES = ['People', 'Find a path', 'Introductions', 'This week', 'Reciprocity', 'Organisations', 'Network map', 'Import & export', 'Review', 'Settings'] as const

/** The introductions in the sample network, by their list title. */
const INTRODUCTION = /^(Ask .+ to introduce you to |Introduce .+ and )/

/** How many introductions the sample network is sure to hold (it has one in each of several states). */
const SAMPLE_INTRODUCTIONS = 6

test.describe('accessibility', () => {
  test.use({ seed: { commands: [['demo']] } })

  test.describe('every page', () => {
    for (const page of PAGES) {
      test(`the ${page} page`, async ({ app }) => {
        await new KithApp(app).goTo(page)
        await expectAccessible(app, page)
      })
    }
  })

  test.describe('every page while its data is on its way', () => {
    // The pages that ask the backend for something before they can show it; each
    // shows a named spinner meanwhile (on a large network, for a while after opening).
    for (const page of ['People', 'Introductions', 'This week', 'Reciprocity', 'Organisations', 'Network map', 'Review', 'Settings'] as const) {
      test(`the ${page} page`, async ({ app }) => {
        const kith = new KithApp(app)
        await expect(kith.pageHeading('People')).toBeVisible()
        // (People is the first page: come back to it from one that keeps nothing of its list)
        if (page === 'People') await kith.goTo('Import & export')
        let release = (): void => {}
        const held = new Promise<void>((resolve) => (release = resolve))
        await app.route(/\/api\//, async (route) => {
          await held
          await route.continue()
        })
        await kith.navLink(page).click()
        await expect(app.getByRole('progressbar').first()).toBeVisible()
        await expectAccessible(app, `${page}, loading`)
        release()
        await expect(kith.pageHeading(page)).toBeVisible()
        await expect(app.getByRole('progressbar', { name: /^Loading/ })).toHaveCount(0)
      })
    }
  })

  test.describe('every dialog', () => {
    test('Add a person', async ({ app }) => {
      const kith = new KithApp(app)
      await kith.goTo('People')
      await kith.button('Add person').click()
      await expect(app.getByRole('dialog', { name: 'Add a person' })).toBeVisible()
      await expectAccessible(app, 'Add a person')
      await closeDialog(app, 'Add a person')
    })

    test('Log an interaction, from the keyboard', async ({ app }) => {
      await new KithApp(app).goTo('People')
      await app.keyboard.press('Control+KeyI')
      await expect(app.getByRole('dialog', { name: 'Log an interaction' })).toBeVisible()
      await expectAccessible(app, 'Log an interaction')
      await closeDialog(app, 'Log an interaction')
    })

    test('the command palette', async ({ app }) => {
      await new KithApp(app).goTo('People')
      await app.keyboard.press('Control+KeyK')
      await expect(app.getByRole('dialog')).toBeVisible()
      await expectAccessible(app, 'command palette')
      await app.keyboard.press('Escape')
      await expect(app.getByRole('dialog')).toHaveCount(0)
    })

    test('Introduce two people', async ({ app }) => {
      const kith = new KithApp(app)
      await kith.goTo('Introductions')
      await kith.button('Introduce two people').click()
      await expect(app.getByRole('dialog', { name: 'Introduce two people' })).toBeVisible()
      await expectAccessible(app, 'introduce two people')
      await closeDialog(app, 'Introduce two people')
    })
  })

  test.describe('a person', () => {
    /** Opens the first person in the list. */
    async function openAPerson(app: Page): Promise<void> {
      const people = new PeoplePage(app)
      await people.goTo('People')
      await people.list.getByRole('button').first().click()
      await expect(people.pageHeading(/./)).toBeVisible()
    }

    test('the person page', async ({ app }) => {
      await openAPerson(app)
      await expectAccessible(app, 'a person')
    })

    test('the person page while its neighbourhood is still drawn', async ({ app }) => {
      // Hold the neighbourhood's answer, so axe sees the section's spinner (on a
      // large network it shows while the path graph is built after opening).
      let release = (): void => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      await app.route(/\/api\/people\.neighbourhood$/, async (route) => {
        await held
        await route.continue()
      })
      await openAPerson(app)
      await expect(app.getByRole('progressbar', { name: 'Drawing' })).toBeVisible()
      await expectAccessible(app, 'a person, its neighbourhood loading')
      release()
      await expect(app.getByRole('progressbar', { name: 'Drawing' })).toHaveCount(0)
    })

    for (const [button, dialog] of [
      ['Add relationship', 'Who knows whom'],
      ['Log favor', 'Log a favor'],
      ['Log interaction', 'Log an interaction'],
    ] as const) {
      test(`${dialog}, from the person page`, async ({ app }) => {
        await openAPerson(app)
        await app.getByRole('main').getByRole('button', { name: button, exact: true }).click()
        await expect(app.getByRole('dialog', { name: dialog })).toBeVisible()
        await expectAccessible(app, dialog)
        await closeDialog(app, dialog)
      })
    }

    test('the actions menu', async ({ app }) => {
      await openAPerson(app)
      await app.getByRole('button', { name: /^More actions for / }).click()
      await expect(app.getByRole('menuitem', { name: /^Merge a duplicate into / })).toBeVisible()
      await expectAccessible(app, 'the actions menu')
    })

    test('Merge a duplicate', async ({ app }) => {
      await openAPerson(app)
      await app.getByRole('button', { name: /^More actions for / }).click()
      await app.getByRole('menuitem', { name: /^Merge a duplicate into / }).click()
      await expect(app.getByRole('dialog')).toBeVisible()
      await expectAccessible(app, 'merge')
      await closeDialog(app)
      // The menu item that opened it is gone: the keyboard lands in the page, not on nothing.
      await expect(app.getByRole('main')).toBeFocused()
    })
  })

  test.describe('every step of the introduction workflow, and a path', () => {
    /** Opens the introduction at `index` in the list; the list must hold at least `atLeast`. */
    async function openIntroduction(app: Page, index: number): Promise<string> {
      const kith = new KithApp(app)
      await kith.goTo('Introductions')
      const list = app.getByRole('main').getByRole('button', { name: INTRODUCTION })
      // The list arrives after the page: wait for it before counting.
      await expect(list.first()).toBeVisible()
      expect(await list.count()).toBeGreaterThanOrEqual(SAMPLE_INTRODUCTIONS)
      const item = list.nth(index)
      const name = (await item.textContent()) ?? `introduction ${index + 1}`
      await item.click()
      await expect(kith.pageHeading(/^(Ask|Introduce) /)).toBeVisible()
      return name
    }

    for (let i = 0; i < SAMPLE_INTRODUCTIONS; i++) {
      test(`introduction ${i + 1} of the sample network`, async ({ app }) => {
        const name = await openIntroduction(app, i)
        await expectAccessible(app, name)
      })
    }

    test('any further introductions of the sample network', async ({ app }) => {
      const kith = new KithApp(app)
      await kith.goTo('Introductions')
      const list = app.getByRole('main').getByRole('button', { name: INTRODUCTION })
      await expect(list.first()).toBeVisible()
      const count = await list.count()
      for (let i = SAMPLE_INTRODUCTIONS; i < count; i++) {
        const name = await openIntroduction(app, i)
        await expectAccessible(app, name)
      }
    })

    test('a path', async ({ app }) => {
      await new KithApp(app).goTo('Find a path')
      const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
      await picker.click()
      await picker.fill('a')
      await app.getByRole('option').first().click()
      // A path, no path, or someone I already know (no path is looked for): whichever the first name is.
      const answered = app.getByRole('main').getByRole('button', { name: /^Ask .* to introduce you to / }).first().or(app.getByText(/no path/i)).or(app.getByText(/^You already know /))
      await expect(answered.first()).toBeVisible()
      await expectAccessible(app, 'paths')
    })
  })

  test.describe('importing', () => {
    async function previewRelationships(app: Page): Promise<void> {
      const kith = new KithApp(app)
      await kith.goTo('Import & export')
      const chooser = app.waitForEvent('filechooser')
      await app.getByRole('button', { name: 'Contact file' }).click()
      await (await chooser).setFiles(path.join(projectRoot, 'src', 'main', 'backend', 'imports', 'fixtures', 'relationships.csv'))
      await kith.button('Preview import').click()
      await expect(app.getByRole('table', { name: 'Could not be read' })).toBeVisible()
    }

    test('the import preview', async ({ app }) => {
      await previewRelationships(app)
      await expectAccessible(app, 'import preview')
    })

    test('undoing an import, from its history', async ({ app }) => {
      await previewRelationships(app)
      await new KithApp(app).button('Import relationships.csv').click()
      await expect(app.getByRole('table', { name: 'Import history' })).toBeVisible()
      await app.getByRole('button', { name: 'Undo the import of relationships.csv' }).click()
      await expect(app.getByRole('dialog', { name: 'Undo this import?' })).toBeVisible()
      await expectAccessible(app, 'undo an import')
    })
  })
})

test.describe('accessibility: adding someone already in Kith', () => {
  test.use({ seed: { commands: [['me', 'Jordan Avery'], ['people', 'add', 'Ana Lima', '--company', 'Harbor Capital', '--email', 'ana@x.com']] } })

  /** Fills in the Add person form with the name of someone already there, and submits it. */
  async function addAnaAgain(app: Page): Promise<Dialog> {
    const kith = new KithApp(app)
    await kith.goTo('People')
    await kith.button('Add person').click()
    const dialog = new Dialog(app, 'Add a person')
    await dialog.field('Name').fill('Ana Lima')
    await dialog.submit('Add person')
    await expect(dialog.root.getByRole('alert').filter({ hasText: 'Ana Lima (Harbor Capital) has the same name.' })).toBeVisible()
    return dialog
  }

  test('the possible duplicate, with Open, Merge and Add anyway named', async ({ app }) => {
    const dialog = await addAnaAgain(app)
    await expect(dialog.root.getByRole('button', { name: 'Open Ana Lima' })).toBeVisible()
    await expect(dialog.root.getByRole('button', { name: 'Merge with Ana Lima' })).toBeVisible()
    await expect(dialog.root.getByRole('button', { name: 'Add anyway' })).toBeVisible()
    await expectAccessible(app, 'a possible duplicate')
    await dialog.root.getByRole('button', { name: 'Add anyway' }).click()
    await expect(app.getByRole('dialog')).toHaveCount(0)
    await expect(new KithApp(app).pageHeading('Ana Lima')).toBeVisible()
  })

  test('merging into the person already there', async ({ app }) => {
    const dialog = await addAnaAgain(app)
    await dialog.root.getByRole('button', { name: 'Merge with Ana Lima' }).click()
    const merge = app.getByRole('dialog', { name: 'Merge a duplicate' })
    await expect(merge.getByText(/relationships \(0\), interactions \(0\) and favors \(0\) move to Ana Lima/)).toBeVisible()
    await expectAccessible(app, 'merging a duplicate just added')
  })
})

test.describe('accessibility: the first run, before there is any data', () => {
  test('the first run', async ({ app }) => {
    await expect(app.getByRole('heading', { level: 2 }).first()).toBeVisible()
    await expectAccessible(app, 'first run')
  })

  test('restoring a backup', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Settings')
    await kith.button('Back up now').click()
    await app.getByRole('table', { name: 'Backups' }).getByRole('button', { name: /^Restore the backup taken/ }).first().click()
    await expect(app.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible()
    await expectAccessible(app, 'restore a backup')
  })
})
