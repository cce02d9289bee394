import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'
import { projectRoot } from './electron-binary'

const gmail = path.join(projectRoot, 'src', 'main', 'backend', 'imports', 'archive', 'fixtures', 'gmail.mbox')

/** Two more threads with Ana and Kenji together (so Kith proposes they know each other), and Zoë's reply. */
const MORE = `From 1790000000000000101@xxx Mon Feb 02 09:00:00 +0000 2026
Message-ID: <t1@example.com>
Date: Mon, 2 Feb 2026 09:00:00 +0000
From: Maya Lindqvist <maya@example.com>
To: Ana Silva <ana@example.org>, Kenji Sato <kenji@example.net>
Subject: Board prep

Shall we meet before the board?

From 1790000000000000102@xxx Mon Feb 09 09:00:00 +0000 2026
Message-ID: <t2@example.com>
Date: Mon, 9 Feb 2026 09:00:00 +0000
From: Kenji Sato <kenji@example.net>
To: Maya Lindqvist <maya@example.com>
Cc: Ana Silva <ana@example.org>
Subject: Offsite dates

Here are the dates.

From 1790000000000000103@xxx Sat Jan 10 09:00:00 +0000 2026
Message-ID: <z2@example.de>
Date: Sat, 10 Jan 2026 09:00:00 +0000
From: Zoe Muller <zoe@example.de>
To: Maya Lindqvist <maya@example.com>
Subject: Re: Hello

Thanks, talk soon.

`

test.describe('reviewing what Kith learned from mail', () => {
  test.use({
    // The archive is written beside the test's results, then imported from the command line as a user would.
    // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    seed: async ({}, use, testInfo) => {
      const archive = testInfo.outputPath('mail.mbox')
      fs.mkdirSync(path.dirname(archive), { recursive: true })
      fs.writeFileSync(archive, fs.readFileSync(gmail, 'utf8') + MORE)
      await use({ commands: [['me', 'Maya Lindqvist'], ['import', archive, '--my-address', 'maya@example.com']] })
    },
  })

  test('reject a new person, accept a proposed tie, and see it on their page', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')
    await kith.button('Review what Kith learned (4)').click()
    await expect(kith.pageHeading('Review what Kith learned')).toBeVisible()
    await expect(app).toHaveURL(/#\/review$/)

    const people = app.getByRole('table', { name: 'New people' })
    const ties = app.getByRole('table', { name: 'Proposed ties' })
    await expect(people.getByRole('row')).toHaveCount(4)
    await expect(ties.getByRole('row', { name: /Ana Silva and Kenji Sato.*on 3 threads together/ })).toBeVisible()

    await people.getByRole('button', { name: 'Reject Zoë Müller' }).click()
    await expect(people.getByRole('row')).toHaveCount(3)
    await expect(app.getByText('3 items waiting for review.')).toBeVisible()

    // Edit the tie before accepting it: they are colleagues, and close.
    await ties.getByRole('button', { name: 'Edit Ana Silva and Kenji Sato' }).click()
    const dialog = app.getByRole('dialog', { name: 'Edit the tie between Ana Silva and Kenji Sato' })
    await dialog.getByRole('textbox', { name: 'Strength' }).or(dialog.getByRole('combobox', { name: 'Strength' })).first().click()
    await app.getByRole('option', { name: '4', exact: true }).click()
    await dialog.getByRole('textbox', { name: 'Kind' }).or(dialog.getByRole('combobox', { name: 'Kind' })).first().click()
    await app.getByRole('option', { name: 'Colleague' }).click()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(ties.getByRole('row', { name: /Ana Silva and Kenji Sato.*4 of 5.*colleague/ })).toBeVisible()

    await ties.getByRole('button', { name: 'Accept Ana Silva and Kenji Sato' }).click()
    await expect(ties).toHaveCount(0)
    await expect(app.getByText('2 items waiting for review.')).toBeVisible()

    // Names open the person: Kenji now knows Ana.
    await people.getByRole('button', { name: 'Kenji Sato', exact: true }).click()
    await expect(kith.pageHeading('Kenji Sato')).toBeVisible()
    await expect(app.getByRole('main').getByText('Ana Silva').first()).toBeVisible()

    await kith.goTo('Review')
    await app.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect(app.getByText('Nothing waits for review.')).toBeVisible()
    await expect(app.getByText(/kith import PATH/)).toBeVisible()
  })

  test('a rejected person is not added again when the same mailbox is uploaded again: heard from, with a note', async ({ app }, testInfo) => {
    const kith = new KithApp(app)
    await kith.goTo('Review')
    const people = app.getByRole('table', { name: 'New people' })
    await people.getByRole('button', { name: 'Reject Zoë Müller' }).click()
    await expect(people.getByRole('row')).toHaveCount(3)

    await kith.goTo('Import & export')
    const section = app.getByRole('region', { name: 'Learn from mail and calendars' })
    const addresses = section.getByRole('combobox', { name: 'Your email addresses' })
    await addresses.fill('maya@example.com')
    await addresses.press('Enter')
    const chooser = app.waitForEvent('filechooser')
    await section.getByRole('button', { name: 'Archive' }).click()
    await (await chooser).setFiles(testInfo.outputPath('mail.mbox'))
    await section.getByRole('button', { name: 'Upload and preview' }).click()
    await expect(section.getByRole('status').filter({ hasText: 'Preview: mail.mbox' })).toBeVisible()
    const heard = section.getByRole('table', { name: 'Heard from, not added' })
    await expect(heard.getByRole('row', { name: /zoe@example\.de.*You rejected them before; not added again/ })).toBeVisible()
    await expect(section.getByRole('table', { name: 'New people' })).toHaveCount(0)
  })

  test('an archive import is undone from the history, and what it left to review goes with it', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')
    const history = app.getByRole('table', { name: 'Import history' })
    await expect(history.getByRole('row', { name: /mail\.mbox.*Mail archive \(mbox\)/ })).toBeVisible()
    await history.getByRole('button', { name: 'Undo the import of mail.mbox' }).click()
    await app.getByRole('dialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Undo import' }).click()
    await expect(app.getByText(/Undid the import of mail\.mbox: 3 people removed/)).toBeVisible()
    await expect(kith.button('Review what Kith learned (0)')).toBeVisible()
    await kith.goTo('Review')
    await expect(app.getByText('Nothing waits for review.')).toBeVisible()
  })
})

/** 78 people Maya wrote to who wrote back: each becomes a new person to review. */
function manyCorrespondents(): string {
  const first = ['Ada', 'Bea', 'Cal', 'Dov', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jon', 'Kai', 'Lou', 'Mae', 'Ned', 'Oda', 'Pia', 'Quin', 'Rex', 'Sol', 'Tia', 'Uma', 'Val', 'Wes', 'Xia', 'Yul', 'Zed']
  const messages: string[] = []
  let k = 0
  for (const given of first) {
    for (const family of ['Berg', 'Cole', 'Diaz']) {
      const who = `${given} ${family} <${given.toLowerCase()}.${family.toLowerCase()}@example.org>`
      for (const [from, to] of [['Maya Lindqvist <maya@example.com>', who], [who, 'Maya Lindqvist <maya@example.com>']]) {
        k++
        messages.push(
          `From ${String(1790000000000000000 + k)}@xxx Mon Feb 02 09:00:00 +0000 2026\nMessage-ID: <many${k}@example.com>\nDate: Mon, 2 Feb 2026 09:00:00 +0000\nFrom: ${from}\nTo: ${to}\nSubject: Hello ${k}\n\nGood to meet you.\n`,
        )
      }
    }
  }
  return messages.join('\n')
}

test.describe('reviewing what a large mailbox taught', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern
    seed: async ({}, use, testInfo) => {
      const archive = testInfo.outputPath('many.mbox')
      fs.mkdirSync(path.dirname(archive), { recursive: true })
      fs.writeFileSync(archive, manyCorrespondents())
      await use({ commands: [['me', 'Maya Lindqvist'], ['import', archive, '--my-address', 'maya@example.com']] })
    },
  })

  test('shows fifty at a time, a page at a time, and rejects a whole group after asking', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Review')
    const people = app.getByRole('table', { name: 'New people' })
    // A header row and fifty people: the rest wait on the next page.
    await expect(people.getByRole('row')).toHaveCount(51)
    const pages = app.getByRole('navigation', { name: 'Pages of new people' })
    await expect(pages).toContainText('1–50 of 78')
    await pages.getByRole('button', { name: 'Next page of new people' }).click()
    await expect(people.getByRole('row')).toHaveCount(29)
    await expect(pages).toContainText('51–78 of 78')
    // On the last page Next is disabled: the focus moved to the current page's button.
    await expect(pages.getByRole('button', { name: 'New people, page 2 of 2' })).toBeFocused()

    // Accepting one from the keyboard leaves the focus on the row that took its place.
    const first = people.getByRole('row').nth(1)
    const name = ((await first.getByRole('button', { name: /^Accept / }).getAttribute('aria-label')) ?? '').replace(/^Accept /, '')
    await first.getByRole('button', { name: /^Accept / }).press('Enter')
    await expect(people.getByRole('row', { name: new RegExp(name) })).toHaveCount(0)
    await expect(people.getByRole('button', { name: /^Accept / }).first()).toBeFocused()
    await expect(app.getByText('77 items waiting for review.')).toBeVisible()

    // Rejecting them all asks first; Escape leaves everything as it was, and the focus where it was.
    const rejectAll = app.getByRole('button', { name: 'Reject all 77 new people' })
    await rejectAll.click()
    const dialog = app.getByRole('dialog', { name: 'Reject all 77 new people?' })
    await expect(dialog).toContainText('Kith deletes these 77 people')
    await app.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(rejectAll).toBeFocused()
    await expect(people.getByRole('row')).toHaveCount(28)

    await rejectAll.click()
    await dialog.getByRole('button', { name: 'Reject all 77' }).click()
    await expect(app.getByText(/^New people: 77 items rejected, 77 people deleted(, 77 relationships with them deleted)?\.$/)).toBeVisible()
    await expect(people).toHaveCount(0)
    await expect(app.getByText('Nothing waits for review.')).toBeVisible()
    // Only the one accepted is left beside Maya.
    await kith.navLink('People').click()
    await expect(app.getByRole('main').getByText(name, { exact: true }).first()).toBeVisible()
  })

  test('a list decided elsewhere meanwhile is said in words, and shown again', async ({ app, kithCli }) => {
    const kith = new KithApp(app)
    await kith.goTo('Review')
    await expect(app.getByRole('button', { name: 'Accept all 78 new people' })).toBeVisible()
    // From a terminal, meanwhile: one of them is accepted.
    const listed = JSON.parse(await kithCli('review', 'list', '--json')) as { people: { id: number }[] }
    await kithCli('review', 'accept', String(listed.people[0]?.id ?? 0))

    await app.getByRole('button', { name: 'Accept all 78 new people' }).click()
    await expect(app.getByRole('alert').filter({ hasText: 'changed elsewhere' })).toContainText('so nothing was changed here')
    await expect(app.getByRole('alert').filter({ hasText: /item \d|review list/ })).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Accept all 77 new people' })).toBeVisible()
    await app.getByRole('button', { name: 'Accept all 77 new people' }).click()
    await expect(app.getByText('New people: 77 items accepted.')).toBeVisible()
    await expect(app.getByText('Nothing waits for review.')).toBeVisible()
  })
})
