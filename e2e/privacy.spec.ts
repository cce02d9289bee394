import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

test.describe('privacy', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('no request leaves the app: every page only talks to Kith itself', async ({ app, kithMode, serverUrl }) => {
    const requests: string[] = []
    app.context().on('request', (r) => requests.push(r.url()))
    await app.reload()
    const kith = new KithApp(app)
    for (const page of ['People', 'Find a path', 'Introductions', 'This week', 'Reciprocity', 'Import & export', 'Settings']) {
      await kith.goTo(page)
    }
    // Whatever a page asks for after it appears (charts, pictures) has been asked by now.
    await app.waitForTimeout(1_000)
    // Due follow-ups are announced in the corner; put them away first.
    for (const dismiss of await app.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click()
    await kith.goTo('Import & export')
    await app.getByRole('button', { name: /^Export everything/ }).click()
    await expect(app.getByRole('status').filter({ hasText: /^Saved kith-export/ })).toBeVisible()

    const own = kithMode === 'browser' ? new URL(serverUrl ?? '').origin : 'file://'
    const foreign = requests.filter((url) => !(url.startsWith(own) || url.startsWith('data:') || url.startsWith('blob:')))
    expect(requests.length).toBeGreaterThan(5)
    expect(foreign).toEqual([])
  })
})
