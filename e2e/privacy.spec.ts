import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

test.describe('privacy', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('no request leaves the app: every page only talks to Kith itself', async ({ app, kithMode, serverUrl }) => {
    const requests: string[] = []
    app.context().on('request', (r) => requests.push(r.url()))
    await app.reload()
    const kith = new KithApp(app)
    for (const page of ['People', 'Find a path', 'Introductions', 'This week', 'Reciprocity', 'Organisations', 'Import & export', 'Settings']) {
      // Each page's code loads at its first visit (the chart library with Reciprocity's): once, with two browsers
      // running on the build machine, that took over 10 s.
      await kith.goTo(page, { timeout: 30_000 })
    }
    // Whatever a page asks for after it appears (charts, pictures) has been asked by now.
    await app.waitForTimeout(1_000)
    // An export asks the backend and saves a blob. (The desktop app would open its native save dialog here.)
    if (kithMode === 'browser') {
      // Due follow-ups are announced in the corner; put them away first. A notice may close by itself meanwhile
      // (after 10 s): then there is nothing left to click, which is as good.
      for (const dismiss of await app.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click({ timeout: 2_000 }).catch(() => undefined)
      await kith.goTo('Import & export')
      const download = app.waitForEvent('download')
      await app.getByRole('button', { name: /^Export everything/ }).click()
      expect((await download).suggestedFilename()).toMatch(/^kith-export-\d{4}-\d{2}-\d{2}\.json$/)
      await expect(app.getByRole('status').filter({ hasText: /^Saved kith-export/ })).toBeVisible()
    }

    const own = kithMode === 'browser' ? new URL(serverUrl ?? '').origin : 'file://'
    const foreign = requests.filter((url) => !(url.startsWith(own) || url.startsWith('data:') || url.startsWith('blob:')))
    expect(requests.length).toBeGreaterThan(5)
    expect(foreign).toEqual([])
  })
})
