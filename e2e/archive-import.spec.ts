import AxeBuilder from '@axe-core/playwright'
import path from 'node:path'
import { expect, test } from './fixtures'
import { KithApp, PeoplePage } from './pages/kith-app'
import { projectRoot } from './electron-binary'

const fixtures = path.join(projectRoot, 'src', 'main', 'backend', 'imports', 'archive', 'fixtures')
/** I write to Alice and she answers; three threads with her, Bob and Dan; a coffee with Alice alone. My mail is labelled Sent. */
const mail = path.join(fixtures, 'warm-intro.mbox')
/** A meeting I organised with Alice. */
const calendar = path.join(fixtures, 'warm-intro.ics')

test.describe('learning from mail in browser mode', () => {
  test.skip(({ kithMode }) => kithMode !== 'browser', 'Uploading an archive is browser mode; the desktop app uses its native picker.')
  // Alice is in Kith and knows Carol; I know neither of them yet.
  test.use({
    seed: {
      commands: [
        ['me', 'Sam Rivera'],
        ['people', 'add', 'Alice Archer', '--email', 'alice@example.com'],
        ['people', 'add', 'Carol Chen'],
        ['know', 'Alice Archer', 'Carol Chen', '--strength', '4', '--context', 'rowing club'],
      ],
    },
  })

  test('a preview left by a reload is offered again on opening the page, and when the next upload is refused', async ({ app }) => {
    const kith = new KithApp(app)
    const section = app.getByRole('region', { name: 'Learn from mail and calendars' })
    const upload = async (): Promise<void> => {
      const chooser = app.waitForEvent('filechooser')
      await section.getByRole('button', { name: 'Archive', exact: true }).click()
      await (await chooser).setFiles(mail)
      await section.getByRole('button', { name: 'Upload and preview' }).click()
    }
    await kith.goTo('Import & export')
    await upload()
    await expect(section.getByRole('status').filter({ hasText: 'Preview: warm-intro.mbox' })).toBeVisible()
    await app.reload()
    await kith.goTo('Import & export')
    // Offered as the page opens: the contacts section, which has no such import, says nothing.
    await expect(app.getByRole('status', { name: 'An import waits' })).toHaveCount(1)
    await expect(section.getByRole('status', { name: 'An import waits' })).toContainText('The import of warm-intro.mbox (Mail archive (mbox)) is waiting at its preview')
    await upload()
    await expect(section.getByRole('alert')).toContainText('Another import is open in this data folder: warm-intro.mbox')
    await section.getByRole('button', { name: 'Show the preview of warm-intro.mbox' }).click()
    await expect(section.getByRole('status').filter({ hasText: 'Preview: warm-intro.mbox' })).toBeVisible()
    await section.getByRole('button', { name: 'Cancel' }).first().click()
  })

  test('upload a mailbox and a calendar, confirm my address, apply, review the ties, and reach Carol through Alice', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')
    const section = app.getByRole('region', { name: 'Learn from mail and calendars' })

    // Upload the mailbox without saying which address is mine.
    let chooser = app.waitForEvent('filechooser')
    await section.getByRole('button', { name: 'Archive' }).click()
    await (await chooser).setFiles(mail)
    await section.getByRole('button', { name: 'Upload and preview' }).click()
    await expect(section.getByRole('status').filter({ hasText: 'Preview: warm-intro.mbox' })).toBeVisible()
    await app.screenshot({ path: '/tmp/kith-archive-preview-unconfirmed.png', fullPage: true })

    // Kith proposes the sender of my sent mail; confirming it reads the mailbox again.
    const own = section.getByRole('checkbox', { name: /^me@home\.org \(Sam Rivera\): 4 sent, labelled Sent by Gmail$/ })
    await expect(own).toBeChecked()
    await section.getByRole('button', { name: 'Confirm my addresses and read again' }).click()
    await expect(section.getByText('Counted as your addresses: me@home.org')).toBeVisible()
    await expect(section.getByRole('table', { name: 'Already in Kith' }).getByRole('row', { name: /Alice Archer/ })).toBeVisible()
    const created = section.getByRole('table', { name: 'New people' })
    await expect(created.getByRole('row', { name: /Bob Brown/ })).toBeVisible()
    await expect(created.getByRole('row', { name: /Dan Diaz/ })).toBeVisible()
    await expect(section.getByRole('table', { name: 'Proposed ties' }).getByRole('row')).toHaveCount(4)
    await app.screenshot({ path: '/tmp/kith-archive-preview.png', fullPage: true })
    // The preview, its tables and controls, meets WCAG 2.1 AA (axe: no serious or critical findings).
    const axe = await new AxeBuilder({ page: app }).include('section[aria-label="Learn from mail and calendars"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([])
    await section.getByRole('button', { name: 'Apply' }).click()
    await expect(section.getByRole('status').filter({ hasText: 'Learned from warm-intro.mbox' })).toBeVisible()

    // The calendar: my address is now in Settings, so the field starts with it.
    await expect(section.getByText('me@home.org', { exact: true })).toBeVisible()
    await section.screenshot({ path: '/tmp/kith-archive-section.png' })
    chooser = app.waitForEvent('filechooser')
    await section.getByRole('button', { name: 'Archive' }).click()
    await (await chooser).setFiles(calendar)
    await section.getByRole('button', { name: 'Upload and preview' }).click()
    await expect(section.getByRole('status').filter({ hasText: 'Preview: warm-intro.ics' })).toBeVisible()
    await expect(section.getByRole('table', { name: 'Already in Kith' }).getByRole('row', { name: /Alice Archer/ })).toBeVisible()
    await section.getByRole('button', { name: 'Apply' }).click()
    await expect(section.getByRole('status').filter({ hasText: 'Learned from warm-intro.ics' })).toBeVisible()

    // Review: Bob and Dan only wrote to each other through me; that tie is rejected.
    await section.getByRole('button', { name: 'Review what this import learned' }).click()
    await expect(kith.pageHeading('Review what Kith learned')).toBeVisible()
    const ties = app.getByRole('table', { name: 'Proposed ties' })
    await expect(ties.getByRole('row', { name: /Alice Archer and (Bob Brown|Dan Diaz)|(Bob Brown|Dan Diaz) and Alice Archer/ })).toHaveCount(2)
    await ties.getByRole('button', { name: /^Reject (Bob Brown and Dan Diaz|Dan Diaz and Bob Brown)$/ }).click()
    await expect(ties.getByRole('row', { name: /Bob Brown and Dan Diaz|Dan Diaz and Bob Brown/ })).toHaveCount(0)
    await expect(ties.getByRole('row', { name: /Alice Archer/ })).toHaveCount(2)

    // Mail with Alice made her my contact; she knows Carol.
    await kith.goTo('Find a path')
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await picker.click()
    await picker.fill('Carol')
    await app.getByRole('option', { name: /Carol Chen/ }).first().click()
    await expect(app.getByRole('article', { name: 'Path 1: Alice Archer → Carol Chen' })).toBeVisible()

    // On Alice's page, the strength Kith estimated says why, as the preview did.
    const people = new PeoplePage(app)
    await kith.goTo('People')
    await people.open('Alice Archer')
    await expect(app.getByRole('table', { name: 'People Alice Archer knows' }).getByRole('row', { name: /Sam Rivera.*Estimated .+: \d+ messages both ways/ })).toBeVisible()
  })
})
