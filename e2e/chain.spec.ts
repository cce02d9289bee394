import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { KithApp } from './pages/kith-app'

/** On Find a path: choose a person by typing part of their name. */
async function findPathTo(app: Page, typed: string, name: string): Promise<void> {
  const kith = new KithApp(app)
  await kith.goTo('Find a path')
  const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
  await picker.click()
  await picker.fill(typed)
  await app.getByRole('option', { name: new RegExp(name) }).first().click()
}

test.describe('an ask along a longer path', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Jordan Avery'],
        ['people', 'add', 'Valentina Rossi', '--email', 'valentina@example.org'],
        ['people', 'add', 'Freya Fischer', '--email', 'freya@example.org'],
        ['people', 'add', 'Kenji Sato'],
        ['know', 'Jordan Avery', 'Valentina Rossi', '--strength', '4'],
        ['know', 'Valentina Rossi', 'Freya Fischer', '--strength', '3'],
        ['know', 'Freya Fischer', 'Kenji Sato', '--strength', '4'],
      ],
    },
  })

  test('asks for the middle person first, then drafts the next hop; the target ends up known', async ({ app }) => {
    const kith = new KithApp(app)
    await findPathTo(app, 'Kenji', 'Kenji Sato')
    const path = app.getByRole('article', { name: 'Path 1: Valentina Rossi → Freya Fischer → Kenji Sato' })
    await path.getByRole('button', { name: 'Ask Valentina Rossi to introduce you to Freya Fischer, on the way to Kenji Sato' }).click()
    await expect(path.getByRole('button', { name: 'Open the request started with Valentina Rossi' })).toBeFocused()

    await kith.goTo('Introductions')
    await app.getByRole('button', { name: 'Ask Valentina Rossi to introduce you to Freya Fischer, on the way to Kenji Sato' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Ask Valentina Rossi to introduce you to Freya Fischer, on the way to Kenji Sato' })).toBeVisible()
    await expect(app.getByText(/One step on the way to Kenji Sato/)).toBeVisible()

    // The note to Valentina asks for Freya, and says why: Freya can reach Kenji.
    const note = app.getByRole('region', { name: 'Make the ask' }).getByRole('textbox', { name: 'Message' })
    await expect(note).toHaveValue(/Freya Fischer/)
    await expect(note).toHaveValue(/Kenji/)
    await expect(note).not.toHaveValue(/introduc\w* me to Kenji/)

    // What I say of Kenji now is kept for the ask that reaches him, and goes nowhere before.
    const later = app.getByRole('region', { name: 'For the ask that reaches Kenji Sato' })
    await later.getByRole('textbox', { name: 'Why Kenji Sato in particular' }).fill('Kenji built the pricing team at Stripe.')
    await later.getByRole('textbox', { name: 'What you can offer Kenji Sato' }).fill('I can share our usage-pricing benchmarks.')
    await later.getByRole('textbox', { name: 'What you can offer Kenji Sato' }).blur()
    await expect(note).not.toHaveValue(/Stripe/)

    const track = app.getByRole('region', { name: 'Track it' })
    await track.getByRole('button', { name: 'I asked' }).click()
    await track.getByRole('button', { name: 'They agreed' }).click()
    await track.getByRole('button', { name: 'Introduction made' }).click()
    await expect(app.getByText('Introduced', { exact: true }).first()).toBeVisible()
    // Carried into the next step: no fields left here whose changes would go nowhere.
    await expect(later).toContainText('is drafted with what you wrote here as its reason and offer')
    await expect(later.getByRole('textbox')).toHaveCount(0)

    // The next hop: Freya, for Kenji.
    await app.getByRole('button', { name: 'The next step' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Ask Freya Fischer to introduce you to Kenji Sato' })).toBeVisible()
    await expect(app.getByRole('region', { name: 'Make the ask' }).getByRole('textbox', { name: 'To', exact: true })).toHaveValue('freya@example.org')
    await expect(app.getByRole('region', { name: 'Make the ask' }).getByRole('textbox', { name: 'Why Kenji Sato in particular' })).toHaveValue('Kenji built the pricing team at Stripe.')
    const next = app.getByRole('region', { name: 'Track it' })
    await next.getByRole('button', { name: 'I asked' }).click()
    await next.getByRole('button', { name: 'They agreed' }).click()
    await next.getByRole('button', { name: 'Introduction made' }).click()
    await expect(app.getByText('Introduced', { exact: true }).first()).toBeVisible()

    // Freya and then Kenji are people I know: Find a path says so and proposes no introduction.
    await findPathTo(app, 'Kenji', 'Kenji Sato')
    await expect(app.getByText('You already know Kenji Sato', { exact: true })).toBeVisible()
    await expect(app.getByRole('article')).toHaveCount(0)
  })
})
