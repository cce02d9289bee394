import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { KithApp, PeoplePage } from './pages/kith-app'

/** On Find a path: anyone at a company, chosen from the list. */
async function chooseCompany(app: Page, name: string): Promise<void> {
  await app.getByText('Anyone at a company', { exact: true }).click()
  await expect(app.getByRole('radio', { name: 'Anyone at a company' })).toBeChecked()
  const company = app.getByRole('combobox', { name: 'Company' }).or(app.getByRole('textbox', { name: 'Company' })).first()
  await company.click()
  await app.getByRole('option', { name: new RegExp(`^${name}`) }).click()
}

test.describe('who can introduce me', () => {
  test.use({ seed: { commands: [['demo']] } })

  test('find paths to a person, read the reasons, see the picture, start a request', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Find a path')
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await picker.click()
    await picker.fill('Kenji Tanka')
    await app.getByRole('option', { name: /Kenji Tanaka/ }).first().click()

    await expect(app.getByRole('img', { name: /^The top paths: / })).toBeVisible()
    const first = app.getByRole('article').first()
    await expect(first.getByRole('heading', { level: 3 })).toHaveText(/^1\. .+ → Kenji Tanaka$/)
    const reasons = first.getByRole('table', { name: 'Why path 1 ranks here' })
    await expect(reasons.getByRole('row', { name: /and you: .* x0\.\d\d, .* x0\.\d\d, known firsthand x1\.00/ }).first()).toBeVisible()
    await expect(reasons.getByRole('row', { name: /Score \(the product\)/ })).toBeVisible()
    const beforeYouAsk = first.getByRole('region', { name: /^Before you ask / })
    await expect(beforeYouAsk.getByText(/How strong is your relationship with/)).toBeVisible()
    await expect(beforeYouAsk.getByText('Could you reach Kenji Tanaka another way?')).toBeVisible()

    const ask = first.getByRole('button', { name: /^Ask .+ to introduce you to Kenji Tanaka$/ })
    const connector = ((await ask.textContent()) ?? '').replace(/^Ask (.+) to introduce you to Kenji Tanaka$/, '$1')
    const chain = ((await first.getAttribute('aria-label')) ?? '').replace(/^Path \d+: /, '')
    await ask.click()
    // One more ask through the connector tires them (fatigue): the path keeps its card, perhaps lower.
    const same = app.getByRole('article', { name: new RegExp(`^Path \\d+: ${chain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    // The button now opens the request it started.
    await same.getByRole('button', { name: `Open the request started with ${connector}` }).click()
    await expect(app.getByRole('heading', { level: 2, name: `Ask ${connector} to introduce you to Kenji Tanaka` })).toBeVisible()
    await kith.goTo('Introductions')
    await expect(app.getByRole('table', { name: 'Introductions' }).getByRole('row', { name: new RegExp(`Ask ${connector} to introduce you to Kenji Tanaka.*Draft`) })).toBeVisible()

    // Coming back another time: the path says the ask is under way, and opens it rather than asking twice.
    await kith.goTo('Find a path')
    await picker.click()
    await picker.fill('Kenji Tanka')
    await app.getByRole('option', { name: /Kenji Tanaka/ }).first().click()
    await expect(same.getByRole('note')).toHaveText(new RegExp(`^You are asking ${connector} to introduce you to Kenji Tanaka: introduction \\d+, draft\\.$`))
    await expect(same.getByRole('button', { name: /^Ask / })).toHaveCount(0)
    await same.getByRole('button', { name: `Open the request started with ${connector}` }).click()
    await expect(app.getByRole('heading', { level: 2, name: `Ask ${connector} to introduce you to Kenji Tanaka` })).toBeVisible()
  })

  test("a person's page asks who could introduce me, and the answer is there again on coming back", async ({ app }) => {
    const kith = new PeoplePage(app)
    await kith.open('Kenji Tanaka')
    await app.getByRole('button', { name: 'Find a path', exact: true }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Find a path' })).toBeVisible()
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await expect(picker).toHaveValue('Kenji Tanaka')
    await expect(app.getByRole('article').first().getByRole('heading', { level: 3 })).toHaveText(/^1\. .+ → Kenji Tanaka$/)
    const switchLonger = app.getByRole('switch', { name: 'Include longer paths (4 relationships)' })
    await switchLonger.click()
    await expect(switchLonger).toBeChecked()
    await expect(app).toHaveURL(/#\/paths\?to=\d+&longer=1$/)
    const answer = await app.getByRole('article').first().getAttribute('aria-label')

    // Elsewhere and back: the same question, the same answer, the switch as it was.
    await kith.goTo('Introductions')
    await app.goBack()
    await expect(picker).toHaveValue('Kenji Tanaka')
    await expect(switchLonger).toBeChecked()
    await expect(app.getByRole('article').first()).toHaveAttribute('aria-label', answer ?? '')
    // Another kind of target puts the question away.
    await app.getByText('Anyone with a tag', { exact: true }).click()
    await expect(app.getByRole('article')).toHaveCount(0)
    await expect(app).toHaveURL(/#\/paths$/)
  })

  test('someone I already know is a direct tie, not an introduction', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Find a path')
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await picker.click()
    await picker.fill('Tomas Horvta')
    await app.getByRole('option', { name: /Tomas Horvat/ }).first().click()
    await expect(app.getByText('You already know Tomas Horvat', { exact: true })).toBeVisible()
    await expect(app.getByRole('article')).toHaveCount(0)
    await app.getByRole('button', { name: 'Open Tomas Horvat' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Tomas Horvat' })).toBeVisible()
  })

  test('someone I know only faintly is a direct tie, and the ways in are still offered', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Find a path')
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await picker.click()
    await picker.fill('Yara Schm')
    await app.getByRole('option', { name: /^Yara Schmidt/ }).first().click()
    // An acquaintance (2/5) not talked with for over a year: write to her, or ask someone who knows her well.
    await expect(app.getByText('You already know Yara Schmidt', { exact: true })).toBeVisible()
    await expect(app.getByText(/You know them only faintly: .* The paths below are the ways in Kith knows, best first\./)).toBeVisible()
    const first = app.getByRole('article', { name: 'Path 1: Vera Walsh → Yara Schmidt' })
    await expect(first).toBeVisible()
    await expect(first.getByText('You know Yara Schmidt only faintly (2/5): you could also write to them yourself.')).toBeVisible()
    await expect(app.getByText('No path within reach')).toHaveCount(0)
  })

  test('find anyone at a company, and anyone with a tag', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Find a path')
    await chooseCompany(app, 'Harbor Capital')
    // Ten paths reach five of the nine people there (Kith knows four of them already).
    await expect(app.getByText(/^10 paths to 5 people, best first/)).toBeVisible()
    await expect(app.getByText(/^You already know 4 of the 9 people there: /)).toBeVisible()
    await expect(app.getByRole('article').first()).toBeVisible()
    // Grace, whom I know, is the way to her colleagues, not a target.
    await expect(app.getByText('You already know Grace Ferreira', { exact: true })).toBeVisible()
    await expect(app.getByText(/Ask Grace about their \d+ colleagues at Harbor Capital/)).toBeVisible()
    const viaGrace = app.getByRole('article', { name: /^Path \d+: Grace Ferreira → / }).filter({ hasText: 'inferred colleagues' }).first()
    await expect(viaGrace.getByText(/Kith assumes Grace Ferreira and .+ know each other from Harbor Capital/)).toBeVisible()

    await app.getByText('Anyone with a tag', { exact: true }).click()
    await expect(app.getByRole('radio', { name: 'Anyone with a tag' })).toBeChecked()
    const tag = app.getByRole('combobox', { name: 'Tag' }).or(app.getByRole('textbox', { name: 'Tag' })).first()
    await tag.click()
    await tag.fill('seed inv')
    await app.getByRole('option', { name: /^seed investor/ }).click()
    await expect(app.getByText(/paths to \d+ people, best first/)).toBeVisible()
    const scores = (await app.getByRole('article').getByText(/^Score \d/).allTextContents()).map((text) => Number(text.replace('Score ', '')))
    expect(scores.length).toBeGreaterThan(0)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
  })

  test('scoring defaults are editable in Settings', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Settings')
    const scoring = app.getByRole('form', { name: 'Path scoring' })
    const close = scoring.getByRole('textbox', { name: '4 · Close' })
    await expect(close).toHaveValue('0.8')
    await close.fill('0.7')
    await scoring.getByRole('button', { name: 'Save scoring' }).click()
    await expect(app.getByText('Path scoring saved.')).toBeVisible()
    await kith.goTo('Find a path')
    await chooseCompany(app, 'Harbor Capital')
    await expect(app.getByText(/close \(4\) x0\.70/).first()).toBeVisible()
  })
})
