/**
 * The network map on the sample network: the summary a screen reader
 * hears, the layout arranging in its worker under the page's policy, and
 * a person found by the search and opened from the map by keyboard.
 */
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

test.use({ seed: { commands: [['demo']] } })

test('the map summarises the network, and the search opens a person from it', async ({ app }) => {
  // Software WebGL on a shared machine draws slowly; the layout's batches each redraw.
  test.setTimeout(120_000)
  const violations: string[] = []
  app.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  // A renderer left drawing after its map was replaced (by a filter) fails loudly here.
  const pageErrors: string[] = []
  app.on('pageerror', (error) => pageErrors.push(error.message))
  const kith = new KithApp(app)
  // The map's page is the largest chunk (the drawing library): its first load once took longer than a page's usual 10 s
  // with two browsers running on a shared machine (the heading was there just after).
  await kith.goTo('Network map', { timeout: 30_000 })

  // The summary names people, ties and, once the worker has found them, clusters.
  const summary = app.locator('#network-summary')
  await expect(summary).toHaveText(/^\d[\d,]* people and \d[\d,]* ties on the map in \d+ clusters?; largest: around .+ \(\d+ people\)/, { timeout: 30_000 })
  // Either the drawing (named by the same summary) or a plain notice that this browser cannot draw it.
  await expect(app.getByRole('img', { name: /^Map of your network\./ }).or(app.getByRole('status').filter({ hasText: 'The map cannot be drawn here' }))).toBeVisible()
  // The layout runs in its worker (a policy violation would be reported below) and finishes.
  await expect(app.getByRole('button', { name: 'Arrange again' })).toBeVisible({ timeout: 30_000 })

  // The legend says what the colours mean; clusters are one choice away.
  const legend = app.getByRole('region', { name: 'Legend' })
  await expect(legend.getByText(/^You \(1\)$/)).toBeVisible()
  await expect(legend.getByText(/^Harbor Capital \(\d+\)$/)).toBeVisible()
  await legend.locator('xpath=..').getByText('Clusters', { exact: true }).click()
  await expect(app.getByRole('radio', { name: 'Clusters' })).toBeChecked()
  await expect(legend.getByText(/^around .+ \(\d+\)$/).first()).toBeVisible()

  // A filter is applied by the backend: only Harbor Capital (and me) remain.
  await app.getByRole('combobox', { name: 'Organisation' }).click()
  await app.getByRole('option', { name: /^Harbor Capital \(\d+\)$/ }).click()
  // The summary changes once the filtered map arrives: until then it still counts everyone.
  const peopleOnMap = async (): Promise<number> => Number(/^([\d,]+) people/.exec((await summary.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? NaN)
  await expect.poll(peopleOnMap, { timeout: 30_000 }).toBeLessThan(40)
  const harborPeople = await peopleOnMap()

  // Search by keyboard: the map goes to the first match, Enter opens their page.
  const search = app.getByRole('textbox', { name: 'Find a person on the map' })
  await search.fill('grace ferr')
  await expect(app.getByRole('button', { name: 'Open Grace Ferreira' })).toBeVisible()
  await expect(app.getByRole('list', { name: 'People found on the map' }).getByRole('button', { name: 'Grace Ferreira, Harbor Capital' })).toHaveAttribute('aria-pressed', 'true')
  await search.press('Enter')
  await expect(kith.pageHeading('Grace Ferreira')).toBeVisible()

  // Back from the person: the filter is still set (it lives in the address) and the map is the same.
  await app.goBack()
  await expect(kith.pageHeading('Network map')).toBeVisible()
  await expect(app.getByRole('combobox', { name: 'Organisation' })).toHaveValue(/^Harbor Capital \(\d+\)$/)
  await expect(summary).toHaveText(new RegExp(`^${harborPeople} people and \\d+ ties on the map`))
  expect(app.url()).toMatch(/#\/network\?org=\d+/)

  // A link to an organisation Kith does not have opens the map without that filter, and no error.
  await app.evaluate("location.hash = '#/network?org=999999&strength=9'")
  await expect.poll(() => app.url()).toMatch(/#\/network$/)
  await expect(app.getByRole('combobox', { name: 'Organisation' })).toHaveValue('')
  await expect(summary).toHaveText(/^\d[\d,]* people and \d[\d,]* ties on the map/)
  await expect(app.getByText('The map could not be loaded')).toHaveCount(0)

  expect(violations).toEqual([])
  expect(pageErrors).toEqual([])
})
