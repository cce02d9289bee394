import { expect, test } from './fixtures'
import { Dialog, PeoplePage } from './pages/kith-app'

test.describe('keeping the graph by hand', () => {
  test.use({ seed: { commands: [['me', 'Jordan Avery'], ['people', 'add', 'Ana Silva', '--company', 'Acme'], ['people', 'add', 'Ben Okafor', '--company', 'Beta']] } })

  test('add a person, with errors shown next to the field', async ({ app }) => {
    const people = new PeoplePage(app)
    await expect(people.pageHeading('People')).toBeVisible()
    await people.button('Add person').click()
    const dialog = new Dialog(app, 'Add a person')
    await dialog.submit('Add person')
    await expect(dialog.root.getByText('Enter a name')).toBeVisible()

    await dialog.field('Name').fill('Priya Raman')
    await dialog.field('Company').fill('Harbor Capital')
    await dialog.field('Title').fill('Partner')
    await dialog.addTags('Emails', 'priya-at-harbor')
    await dialog.submit('Add person')
    await expect(dialog.root.getByText('Enter an email address like ana@example.com')).toBeVisible()
    await dialog.field('Emails').press('Backspace')
    await dialog.addTags('Emails', 'priya@harbor.example')
    await dialog.addTags('Looking for', 'climate founders')
    await dialog.submit('Add person')

    await expect(people.pageHeading('Priya Raman')).toBeVisible()
    await expect(app.getByText('Partner at Harbor Capital')).toBeVisible()
    await expect(app.getByRole('link', { name: 'priya@harbor.example' })).toBeVisible()
    await expect(app.getByText('climate founders')).toBeVisible()
  })

  test('archive a person, and Undo from the notice brings them back once', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Ben Okafor')
    await app.getByRole('button', { name: 'More actions for Ben Okafor' }).click()
    await app.getByRole('menuitem', { name: 'Archive' }).click()
    const notice = app.getByRole('alert').filter({ hasText: 'Archived Ben Okafor.' })
    await expect(notice).toBeVisible()
    await notice.getByRole('button', { name: 'Undo' }).click()
    // The notice goes at once (Undo cannot be pressed twice), and what followed has its own.
    await expect(notice).toHaveCount(0)
    await expect(app.getByRole('alert').filter({ hasText: 'Restored Ben Okafor.' })).toBeVisible()
    await expect(app.getByText('Archived', { exact: true })).toHaveCount(0)
  })

  test('add a relationship between two other people', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Ana Silva')
    await people.button('Add relationship').click()
    const dialog = new Dialog(app, 'Who knows whom')
    await dialog.pickPerson('Knows', 'Okafor', /Ben Okafor/)
    await dialog.root.getByRole('radio', { name: '4 · Close' }).check()
    await dialog.field('Kind').click()
    await app.getByRole('option', { name: 'Colleague' }).click()
    await dialog.field('Context').fill('Worked together at Acme 2019-21')
    await dialog.field('Context').press('Enter')
    await dialog.submit('Save relationship')

    const table = app.getByRole('table', { name: 'People Ana Silva knows' })
    await expect(table.getByRole('row', { name: /Ben Okafor.*Close \(4\).*Colleague.*Worked together at Acme 2019-21/ })).toBeVisible()
    await table.getByRole('button', { name: 'Ben Okafor', exact: true }).click()
    await expect(people.pageHeading('Ben Okafor')).toBeVisible()
    await expect(app.getByRole('table', { name: 'People Ben Okafor knows' }).getByRole('row', { name: /Ana Silva.*Close \(4\)/ })).toBeVisible()

    // Removed by mistake, put back from the notice: the same strength, kind and context.
    await app.getByRole('button', { name: 'Remove the relationship with Ana Silva' }).click()
    await expect(app.getByRole('table', { name: 'People Ben Okafor knows' })).toHaveCount(0)
    await app.getByRole('alert').filter({ hasText: 'Removed the relationship between Ben Okafor and Ana Silva.' }).getByRole('button', { name: 'Undo' }).click()
    await expect(app.getByRole('table', { name: 'People Ben Okafor knows' }).getByRole('row', { name: /Ana Silva.*Close \(4\).*Colleague.*Worked together at Acme 2019-21/ })).toBeVisible()
  })

  test('log an interaction from anywhere with the keyboard, and a favor', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Ana Silva')
    await expect(app.getByText('Last talked: never logged')).toBeVisible()

    await app.keyboard.press('Control+I')
    const log = new Dialog(app, 'Log an interaction')
    await expect(log.root).toBeVisible()
    await log.pickPerson('Who was there', 'Ana Slva', /Ana Silva/)
    await log.field('Kind').click()
    await app.getByRole('option', { name: 'Meeting' }).click()
    await log.field('Note').fill('Coffee near the office')
    await log.submit('Log interaction')
    await expect(app.getByRole('list', { name: 'Interactions, newest first' }).getByText('Coffee near the office')).toBeVisible()
    await expect(app.getByText('Last talked: today (meeting)')).toBeVisible()

    await people.button('Log favor').click()
    const favor = new Dialog(app, 'Log a favor')
    await favor.field('Kind').click()
    await app.getByRole('option', { name: 'Introduction' }).click()
    await favor.field('Size').click()
    await app.getByRole('option', { name: /Large/ }).click()
    await favor.submit('Log favor')
    const favors = app.getByRole('table', { name: 'Favors' })
    // From a person's page, the favor is from you to them unless you say otherwise.
    await expect(favors.getByRole('row', { name: /Jordan Avery.*Ana Silva.*Introduction.*Large.*\+3/ })).toBeVisible()
    await expect(app.getByRole('status').filter({ hasText: 'they owe you 3' })).toBeVisible()
  })
})

test.describe('with the sample network', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('find someone by a misspelled name, in the list and in the command palette', async ({ app }) => {
    const people = new PeoplePage(app)
    await app.getByRole('textbox', { name: 'Search' }).fill('Tomas Horvta')
    await expect(people.list.getByRole('listitem').first()).toContainText('Tomas Horvat')

    await app.keyboard.press('Control+K')
    const palette = app.getByRole('textbox', { name: 'Find someone or run an action' })
    await expect(palette).toBeFocused()
    await palette.fill('lena lindqvst')
    await app.getByRole('button', { name: /Lena Lindqvist/ }).first().click()
    await expect(people.pageHeading('Lena Lindqvist')).toBeVisible()
  })
})

test.describe('duplicates', () => {
  test.use({ seed: { commands: [
      ['me', 'Jordan Avery'],
      ['people', 'add', 'Dana Lee', '--email', 'dana@old.example'],
      ['people', 'add', 'Dana Lee-Park', '--company', 'Newco', '--email', 'dana@new.example'],
      ['people', 'add', 'Ben Okafor'],
      ['know', 'Dana Lee-Park', 'Ben Okafor', '--strength', '3'],
    ] } })

  test('merge two duplicates, keeping what the user chooses', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.open('Dana Lee', 'Dana Lee')
    await app.getByRole('button', { name: 'More actions for Dana Lee' }).click()
    await app.getByRole('menuitem', { name: /Merge a duplicate/ }).click()
    const dialog = new Dialog(app, 'Merge a duplicate')
    await dialog.pickPerson('Duplicate to merge into this person', 'Lee-Park', /Dana Lee-Park/)
    const name = dialog.root.getByRole('radiogroup', { name: 'Name' })
    await expect(name.getByRole('radio', { name: 'Dana Lee', exact: true })).toBeChecked()
    await dialog.root.getByRole('button', { name: 'Merge' }).click()

    await expect(people.pageHeading('Dana Lee')).toBeVisible()
    await expect(app.getByText('Dana Lee-Park').first()).toBeVisible()
    await expect(app.getByRole('link', { name: 'dana@new.example' })).toBeVisible()
    await expect(app.getByRole('table', { name: 'People Dana Lee knows' }).getByRole('row', { name: /Ben Okafor/ })).toBeVisible()
    await people.goTo('People')
    // The duplicate is gone; its name now finds the merged person.
    await app.getByRole('textbox', { name: 'Search' }).fill('Dana Lee-Park')
    await expect(people.list.getByRole('listitem')).toHaveCount(1)
    await expect(people.list.getByRole('button', { name: /^Dana Lee\b/ })).toBeVisible()
  })
})

test.describe('the people list by keyboard', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('one row in the Tab order; arrows, Home and End move through all 200, drawing rows as they go', async ({ app }) => {
    const people = new PeoplePage(app)
    await people.goTo('People')
    const rows = people.list.getByRole('button')
    await expect(rows.first()).toBeVisible()
    // Only one row can be reached with Tab.
    expect(await people.list.locator('button[tabindex="0"]').count()).toBe(1)

    await rows.first().focus()
    const firstName = (await rows.first().textContent()) ?? ''
    await app.keyboard.press('ArrowDown')
    await expect(people.list.locator('[data-index="1"] button')).toBeFocused()
    await app.keyboard.press('End')
    const last = people.list.locator('[data-index="199"] button')
    await expect(last).toBeFocused()
    await expect(last).toBeInViewport()
    await app.keyboard.press('PageUp')
    await expect(people.list.locator('[data-index="189"] button')).toBeFocused()
    await app.keyboard.press('Home')
    await expect(people.list.locator('[data-index="0"] button')).toBeFocused()
    await expect(people.list.locator('[data-index="0"] button')).toHaveText(firstName)

    await app.keyboard.press('End')
    const name = ((await last.locator('p').first().textContent()) ?? '').trim()
    await app.keyboard.press('Enter')
    await expect(people.pageHeading(name)).toBeVisible()
  })
})
