import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

test.describe('a request the connector said no to', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Jordan Avery'],
        ['people', 'add', 'Vera Walsh', '--email', 'vera@example.org'],
        ['people', 'add', 'Ben Okafor', '--email', 'ben@example.org'],
        ['people', 'add', 'Cy Nakamura'],
        ['know', 'Jordan Avery', 'Vera Walsh', '--strength', '4'],
        ['know', 'Jordan Avery', 'Ben Okafor', '--strength', '3'],
        ['know', 'Vera Walsh', 'Cy Nakamura', '--strength', '4'],
        ['know', 'Ben Okafor', 'Cy Nakamura', '--strength', '3'],
        ['ask', '--via', 'Vera Walsh', '--to', 'Cy Nakamura'],
      ],
    },
  })

  test('offers the other ways to the same person, and one click starts the next request', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Introductions')
    await app.getByRole('button', { name: 'Ask Vera Walsh to introduce you to Cy Nakamura' }).click()
    await expect(app.getByRole('region', { name: 'Other ways to Cy Nakamura' })).toHaveCount(0)
    const track = app.getByRole('region', { name: 'Track it' })
    await track.getByRole('button', { name: 'I asked' }).click()
    await track.getByRole('button', { name: 'They declined' }).click()

    const other = app.getByRole('region', { name: 'Other ways to Cy Nakamura' })
    await expect(other).toContainText('Vera Walsh said no. Thank Vera Walsh for considering it before you ask someone else. One other way to Cy Nakamura is left:')
    // The declined request's drafts are there to read, with nothing left to fix in them.
    await expect(app.getByRole('status', { name: 'Blurb check' })).toHaveCount(0)
    // Never through Vera again.
    await expect(other.getByRole('article')).toHaveCount(1)
    const way = other.getByRole('article', { name: 'Through Ben Okafor → Cy Nakamura' })
    await way.getByRole('button', { name: 'Ask Ben Okafor to introduce you to Cy Nakamura' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Ask Ben Okafor to introduce you to Cy Nakamura' })).toBeVisible()
    await expect(app.getByRole('region', { name: 'Make the ask' }).getByRole('textbox', { name: 'To', exact: true })).toHaveValue('ben@example.org')

    // Back on the declined request: the way is under way, to open rather than ask twice; Find a path looks wider.
    await app.goBack()
    await expect(app.getByRole('heading', { level: 2, name: 'Ask Vera Walsh to introduce you to Cy Nakamura' })).toBeVisible()
    await expect(way.getByRole('button', { name: 'Open the request through Ben Okafor → Cy Nakamura (draft)' })).toBeVisible()
    // The only way left is under way: nothing else to ask, so the thanks no longer speaks of asking someone else.
    await expect(other).toContainText('Thank Vera Walsh for considering it. One other way to Cy Nakamura is left:')
    await other.getByRole('button', { name: 'Find a path to Cy Nakamura' }).click()
    await expect(app.getByRole('article', { name: /^Path 1: Ben Okafor → Cy Nakamura$/ })).toBeVisible()
  })
})
