import path from 'node:path'
import { expect, test } from './fixtures'
import { KithApp, PeoplePage } from './pages/kith-app'
import { projectRoot } from './electron-binary'

const fixture = (name: string): string => path.join(projectRoot, 'src', 'main', 'backend', 'imports', 'fixtures', name)

test.describe('importing', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Maya Lindqvist'],
        ['people', 'add', 'Benjamin Okafor', '--email', 'ben@okafor.dev', '--title', 'Founder'],
      ],
    },
  })

  test('a contacts spreadsheet of its own columns (Name, Company, Email) is recognised, previewed and imported', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')
    const chooser = app.waitForEvent('filechooser')
    await app.getByRole('button', { name: 'Contact file' }).click()
    await (await chooser).setFiles(fixture('crm-contacts.csv'))
    await kith.button('Preview import').click()

    const summary = app.getByRole('status').filter({ hasText: 'Preview: crm-contacts.csv' })
    await expect(summary).toContainText('Contacts spreadsheet (CSV), 3 records')
    await expect(summary).toContainText('2 new people')
    await expect(summary).toContainText('1 already in Kith')
    await kith.button('Import crm-contacts.csv').click()
    await expect(app.getByRole('status').filter({ hasText: 'Imported crm-contacts.csv' })).toContainText('2 created')

    const people = new PeoplePage(app)
    await people.goTo('People')
    await people.open('Grace Kim')
    await expect(app.getByText('Partner', { exact: false }).first()).toBeVisible()
    await expect(app.getByText('Seedling Ventures').first()).toBeVisible()
    await expect(app.getByText('grace@seedling.example')).toBeVisible()
  })

  test('preview a LinkedIn file, merge a duplicate, import, then undo the import', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')

    const chooser = app.waitForEvent('filechooser')
    await app.getByRole('button', { name: 'Contact file' }).click()
    await (await chooser).setFiles(fixture('linkedin-connections.csv'))
    await kith.button('Preview import').click()

    const summary = app.getByRole('status').filter({ hasText: 'Preview: linkedin-connections.csv' })
    await expect(summary).toContainText('Nothing has been written yet')
    await expect(summary).toContainText('2 new people')
    await expect(summary).toContainText('1 already in Kith')
    // The unreadable row is named by its line.
    const unreadable = app.getByRole('table', { name: 'Could not be read' })
    await expect(unreadable.getByRole('row', { name: /8 no name, company or email/ })).toBeVisible()

    // Ben is already here (same email): merge, taking the file's title.
    const matches = app.getByRole('table', { name: 'Already in Kith' })
    await expect(matches.getByRole('row', { name: /Ben Okafor.*Benjamin Okafor.*same email/ })).toBeVisible()
    await expect(matches).toContainText('Title: “Founder” here, “CTO, co-founder” in the file')
    await app.getByRole('combobox', { name: 'What to do with Ben Okafor (line 6)' }).click()
    await app.getByRole('option', { name: "Merge, take the file's values" }).click()
    await expect(app.getByRole('combobox', { name: 'Link imported people to me as' })).toHaveValue('2: Acquaintance')

    await kith.button('Import linkedin-connections.csv').click()
    await expect(app.getByRole('status').filter({ hasText: 'Imported linkedin-connections.csv' })).toContainText('2 created, 1 updated')

    // Everyone the import touched: the two it added and Ben, whom it merged.
    await kith.button('Show the people it touched').click()
    const people = new PeoplePage(app)
    await expect(people.pageHeading('People')).toBeVisible()
    await expect(app.getByRole('combobox', { name: 'Tag' })).toHaveValue(/^import LinkedIn \d{4}-\d{2}-\d{2}/)
    await expect(people.list.getByRole('listitem')).toHaveCount(3)
    await people.open('Benjamin Okafor')
    await expect(app.getByText('CTO, co-founder')).toBeVisible()
    await expect(app.getByText('import LinkedIn', { exact: false }).first()).toBeVisible()
    await people.goTo('People')
    await expect(people.list.getByRole('button', { name: /Zoë Müller/ })).toBeVisible()

    // Undo the whole import from its history.
    await kith.goTo('Import & export')
    await app.getByRole('table', { name: 'Import history' }).getByRole('button', { name: 'Undo the import of linkedin-connections.csv' }).click()
    const dialog = app.getByRole('dialog', { name: 'Undo this import?' })
    await dialog.getByRole('button', { name: 'Undo import' }).click()
    await expect(app.getByRole('status').filter({ hasText: 'Undid the import of linkedin-connections.csv' })).toContainText('2 people removed, 1 put back')
    await expect(app.getByRole('table', { name: 'Import history' })).toContainText('undone')

    await people.goTo('People')
    await people.open('Benjamin Okafor')
    await expect(app.getByText('Founder', { exact: true })).toBeVisible()
    await people.goTo('People')
    await expect(people.list.getByRole('button', { name: /Zoë Müller/ })).toHaveCount(0)
  })

  test('a malformed file is refused with its line, and a backup taken before an import restores the data', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Settings')
    await kith.button('Back up now').click()
    await expect(app.getByRole('status').filter({ hasText: 'passed its integrity check' })).toBeVisible()

    await kith.goTo('Import & export')
    const chooser = app.waitForEvent('filechooser')
    await app.getByRole('button', { name: 'Contact file' }).click()
    await (await chooser).setFiles({ name: 'broken.vcf', mimeType: 'text/vcard', buffer: Buffer.from('BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n') })
    await kith.button('Preview import').click()
    await expect(app.getByRole('alert').filter({ hasText: 'That file could not be imported' })).toContainText('Line 4: END:VCARD without a BEGIN:VCARD')

    const again = app.waitForEvent('filechooser')
    await app.getByRole('button', { name: 'Contact file' }).click()
    await (await again).setFiles(fixture('apple-3.0.vcf'))
    await kith.button('Preview import').click()
    await kith.button('Import apple-3.0.vcf').click()
    await expect(app.getByRole('status').filter({ hasText: 'Imported apple-3.0.vcf' })).toContainText('1 created')

    await kith.goTo('Settings')
    await expect(app.getByText(/^3 people, /)).toBeVisible()
    const backups = app.getByRole('table', { name: 'Backups' })
    // The newest first: the one taken by hand above.
    await backups.getByRole('row', { name: /Backup/ }).getByRole('button', { name: /^Restore the backup taken/ }).first().click()
    await app.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click()
    await expect(app.getByRole('status').filter({ hasText: /Restored .*: 2 people/ })).toBeVisible()
    await expect(app.getByText(/^2 people, /)).toBeVisible()
  })
})

test('a contact file dropped on the import section is chosen', async ({ app }) => {
  const kith = new KithApp(app)
  await kith.goTo('Import & export')
  const text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nDana,Lee,dana@lee.example,Globex,CTO,3 Jun 2024\n'
  // Made in the page, as a drag from the file manager would bring it.
  const dataTransfer = await app.evaluateHandle(
    `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(text)}], 'dropped.csv', { type: 'text/csv' })); return t })()`,
  )
  const target = app.getByRole('button', { name: 'Contact file' })
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
  await expect(target).toContainText('dropped.csv')
  await kith.button('Preview import').click()
  await expect(app.getByRole('status').filter({ hasText: 'Preview: dropped.csv' })).toContainText('1 new person')
})

test('an import left at its preview before a reload is offered again on opening the page, and named when another is started', async ({ app }) => {
  const kith = new KithApp(app)
  const text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nDana,Lee,dana@lee.example,Globex,CTO,3 Jun 2024\n'
  const dropFile = async (): Promise<void> => {
    const dataTransfer = await app.evaluateHandle(
      `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(text)}], 'dropped.csv', { type: 'text/csv' })); return t })()`,
    )
    const target = app.getByRole('button', { name: 'Contact file' })
    await target.dispatchEvent('dragover', { dataTransfer })
    await target.dispatchEvent('drop', { dataTransfer })
    await kith.button('Preview import').click()
  }
  await kith.goTo('Import & export')
  await expect(app.getByRole('status', { name: 'An import waits' })).toHaveCount(0)
  await dropFile()
  await expect(app.getByRole('status').filter({ hasText: 'Preview: dropped.csv' })).toBeVisible()
  // A reload leaves that preview open in Kith: the page says so as it opens, before anything else is tried.
  await app.reload()
  await kith.goTo('Import & export')
  const waits = app.getByRole('status', { name: 'An import waits' })
  await expect(waits).toContainText('The import of dropped.csv is waiting at its preview')
  await waits.getByRole('button', { name: 'Show the preview of dropped.csv' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Preview: dropped.csv' })).toContainText('1 new person')
  await expect(waits).toHaveCount(0)

  // Reloaded again, and a new file tried anyway: refused, naming the one that waits; cancel it and go on.
  await app.reload()
  await kith.goTo('Import & export')
  await expect(app.getByRole('status', { name: 'An import waits' })).toBeVisible()
  await dropFile()
  await expect(app.getByRole('alert')).toContainText('Another import is open in this data folder: dropped.csv')
  await kith.button('Cancel the import of dropped.csv').click()
  await kith.button('Preview import').click()
  await expect(app.getByRole('status').filter({ hasText: 'Preview: dropped.csv' })).toContainText('1 new person')
})

test('a long preview shows its new people a page at a time, by keyboard too', async ({ app }) => {
  const kith = new KithApp(app)
  await kith.goTo('Import & export')
  const rows = Array.from({ length: 60 }, (_, i) => `Person,Number${i + 1},person${i + 1}@example.org,Globex,Engineer,3 Jun 2024`)
  const text = `First Name,Last Name,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`
  const dataTransfer = await app.evaluateHandle(
    `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(text)}], 'many.csv', { type: 'text/csv' })); return t })()`,
  )
  const target = app.getByRole('button', { name: 'Contact file' })
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
  await kith.button('Preview import').click()
  await expect(app.getByRole('status').filter({ hasText: 'Preview: many.csv' })).toContainText('60 new people')

  const table = app.getByRole('table', { name: 'New people' })
  // A header row and the first 25 people.
  await expect(table.getByRole('row')).toHaveCount(26)
  await expect(table.getByRole('row', { name: /Person Number1 / })).toBeVisible()
  await expect(table.getByRole('row', { name: /Person Number26 / })).toHaveCount(0)

  const pages = app.getByRole('navigation', { name: 'Pages of new people' })
  await pages.getByRole('button', { name: 'Next page of new people' }).focus()
  await app.keyboard.press('Enter')
  await expect(table.getByRole('row', { name: /Person Number26 / })).toBeVisible()
  await expect(table.getByRole('row', { name: /Person Number1 / })).toHaveCount(0)
  // Next again reaches the last page, where Next is disabled: the focus moves to the page shown.
  await app.keyboard.press('Enter')
  await expect(pages.getByRole('button', { name: 'New people, page 3 of 3' })).toBeFocused()
  await expect(table.getByRole('row')).toHaveCount(11)
  await expect(pages).toContainText('51–60 of 60')
  await pages.getByRole('button', { name: 'New people, page 1 of 3' }).click()
  await expect(table.getByRole('row', { name: /Person Number1 / })).toBeVisible()

  // Every person is imported, not only the page shown.
  await kith.button('Import many.csv').click()
  await expect(app.getByRole('status').filter({ hasText: 'Imported many.csv' })).toContainText('60 created')
})
