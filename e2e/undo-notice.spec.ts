/** The notice of an undone import is about that moment: the next import clears it. */
import path from 'node:path'
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'
import { projectRoot } from './electron-binary'

const fixture = (name: string): string => path.join(projectRoot, 'src', 'main', 'backend', 'imports', 'fixtures', name)

test.describe('the Undid… notice', () => {
  test.use({ seed: { commands: [['me', 'Maya Lindqvist']] } })

  test('goes away after the next import', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Import & export')
    const importFile = async (name: string): Promise<void> => {
      const chooser = app.waitForEvent('filechooser')
      await app.getByRole('button', { name: 'Contact file' }).click()
      await (await chooser).setFiles(fixture(name))
      await kith.button('Preview import').click()
      await kith.button(`Import ${name}`).click()
      await expect(app.getByRole('status').filter({ hasText: `Imported ${name}` })).toBeVisible()
    }
    await importFile('linkedin-connections.csv')
    await app.getByRole('table', { name: 'Import history' }).getByRole('button', { name: 'Undo the import of linkedin-connections.csv' }).click()
    await app.getByRole('dialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Undo import' }).click()
    const undid = app.getByRole('status').filter({ hasText: 'Undid the import of linkedin-connections.csv' })
    await expect(undid).toBeVisible()

    await importFile('google-current.csv')
    await expect(undid).toHaveCount(0)
  })
})
