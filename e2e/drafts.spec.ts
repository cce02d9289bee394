/**
 * What the user types into an ask is never lost and never left out: it is
 * saved while they type and when they leave the page without leaving the
 * field, and the message they copy is the one drafted from what they typed.
 */
import { expect, test } from './fixtures'
import { KithApp } from './pages/kith-app'

const ASK = 'Ask Valentina Rossi to introduce you to Freya Fischer'

test.describe('an ask being written', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Jordan Avery'],
        ['people', 'add', 'Valentina Rossi', '--email', 'valentina@example.org'],
        ['people', 'add', 'Freya Fischer'],
        ['know', 'Jordan Avery', 'Valentina Rossi', '--strength', '4'],
        ['know', 'Valentina Rossi', 'Freya Fischer', '--strength', '3'],
        ['ask', '--via', 'Valentina Rossi', '--to', 'Freya Fischer'],
      ],
    },
  })

  test('copies the message with the offer just typed, without leaving the field first', async ({ app, browserName }) => {
    test.skip(browserName !== 'chromium', 'reads the clipboard')
    await app.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await new KithApp(app).goTo('Introductions')
    await app.getByRole('button', { name: ASK }).click()
    const offer = app.getByRole('textbox', { name: 'What you can offer Freya Fischer' })
    await offer.fill('Our data on how field engineers choose work.')
    await app.getByRole('button', { name: 'Copy message to the connector' }).click()
    // Copying waits for the draft to be worked out again from the offer, then copies that one.
    await expect(app.getByRole('button', { name: 'Copied' })).toBeVisible()
    const copied: unknown = await app.evaluate('navigator.clipboard.readText()')
    expect(copied).toContain('Our data on how field engineers choose work.')
  })

  test('"Draft again" clicked straight from an edited message gives the drafted message back, and it stays', async ({ app }) => {
    await new KithApp(app).goTo('Introductions')
    await app.getByRole('button', { name: ASK }).click()
    const box = app.getByRole('region', { name: 'Message to the connector' }).getByRole('textbox', { name: 'Message' })
    const drafted = await box.inputValue()
    await box.fill('Valentina, a note of my own.')
    await box.press('Tab')
    const again = app.getByRole('button', { name: 'Draft again from the fields: Message to the connector' })
    await expect(again).toBeVisible()
    await box.fill('Valentina, a second thought.')
    await again.click()
    await expect(again).toBeHidden()
    await expect(box).toHaveValue(drafted)
    // Opened afresh, it is still the drafted one: nothing saved the edit after the reset.
    await app.reload()
    await expect(app.getByRole('region', { name: 'Message to the connector' }).getByRole('textbox', { name: 'Message' })).toHaveValue(drafted)
  })

  test('keeps the reason typed when the user goes back a page straight from the field', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Introductions')
    await app.getByRole('button', { name: ASK }).click()
    await app.getByRole('textbox', { name: 'Why Freya Fischer in particular' }).fill('She has priced two marketplaces.')
    await app.keyboard.press('Alt+ArrowLeft')
    await expect(app.getByRole('button', { name: ASK })).toBeVisible()
    await app.getByRole('button', { name: ASK }).click()
    await expect(app.getByRole('textbox', { name: 'Why Freya Fischer in particular' })).toHaveValue('She has priced two marketplaces.')
  })
})
