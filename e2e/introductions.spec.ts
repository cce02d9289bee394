import { expect, test } from './fixtures'
import { Dialog, KithApp } from './pages/kith-app'

test.describe('asking for an introduction', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Jordan Avery'],
        ['people', 'add', 'Vera Walsh', '--email', 'vera@harbor.example', '--need', 'designers'],
        ['people', 'add', 'Yara Schmidt', '--company', 'Harbor Capital'],
        ['people', 'add', 'Ben Okafor', '--offer', 'designers'],
        ['know', 'Jordan Avery', 'Vera Walsh', '--strength', '4'],
        ['know', 'Vera Walsh', 'Yara Schmidt', '--strength', '5'],
        ['know', 'Jordan Avery', 'Ben Okafor', '--strength', '3'],
      ],
    },
  })

  test('from a path to a drafted ask: profile, checks, blurb and message', async ({ app }) => {
    const kith = new KithApp(app)
    // Your profile: the drafts sign with it and the blurb starts from it.
    await kith.goTo('Settings')
    const profile = app.getByRole('form', { name: 'Your profile' })
    await expect(profile.getByRole('textbox', { name: 'Full name' })).toHaveValue('Jordan Avery')
    await profile.getByRole('textbox', { name: 'Role' }).fill('Head of Growth')
    await profile.getByRole('textbox', { name: 'Organisation' }).fill('Wayfinder')
    await profile.getByRole('textbox', { name: 'One line of credibility' }).fill('we doubled paid teams in a year')
    await profile.getByRole('button', { name: 'Save profile' }).click()
    await expect(app.getByText('Your profile is saved', { exact: false })).toBeVisible()

    await kith.goTo('Find a path')
    const picker = app.getByRole('combobox', { name: 'Person to meet' }).or(app.getByRole('textbox', { name: 'Person to meet' })).first()
    await picker.click()
    await picker.fill('Yara')
    await app.getByRole('option', { name: /Yara Schmidt/ }).click()
    await app.getByRole('button', { name: 'Ask Vera Walsh to introduce you to Yara Schmidt' }).click()
    await kith.goTo('Introductions')
    await app.getByRole('button', { name: 'Ask Vera Walsh to introduce you to Yara Schmidt' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Ask Vera Walsh to introduce you to Yara Schmidt' })).toBeVisible()

    // Before you ask: answered from data; then the user's own confirmation.
    const checks = app.getByRole('region', { name: 'Before you ask' })
    await expect(checks.getByText('Is the timing right?')).toBeVisible()
    await expect(checks.getByText('No recent asks through Vera Walsh', { exact: false })).toBeVisible()
    await checks.getByRole('checkbox', { name: 'I have weighed these, and still want to ask' }).check()

    // The blurb, drafted from the profile: stock sentences stand in for the why and the offer, and the check says so.
    const blurb = app.getByRole('region', { name: 'The forwardable blurb' })
    await expect(blurb.getByRole('textbox', { name: 'Who you are (sentence 1)' })).toHaveValue("I'm Jordan Avery, Head of Growth at Wayfinder — we doubled paid teams in a year.")
    await expect(blurb.getByRole('status')).toContainText('Generic: say what you bring.')
    await expect(blurb.getByRole('status')).not.toContainText('All four parts')

    // The ask, composed from the fields; the blurb takes the same sentences.
    const ask = app.getByRole('region', { name: 'Make the ask' })
    await ask.getByRole('textbox', { name: 'Why Yara Schmidt in particular' }).fill('She has priced two marketplaces.')
    await ask.getByRole('textbox', { name: 'What you can offer Yara Schmidt' }).fill('I can share our data on engineer supply.')
    await ask.getByRole('textbox', { name: 'Why Yara Schmidt in particular' }).click()
    await expect(blurb.getByRole('textbox', { name: 'What you bring (sentence 3)' })).toHaveValue('I can share our data on engineer supply.')
    // Right for Vera; but the blurb is forwarded to Yara, who would read about herself as "she".
    await expect(blurb.getByRole('status')).toContainText('The reason speaks of Yara as "She", and this note is forwarded to Yara')
    await blurb.getByRole('textbox', { name: 'Why Yara Schmidt (sentence 2)' }).fill('You have priced two marketplaces, and I would value your view.')
    await blurb.getByRole('textbox', { name: 'Who you are (sentence 1)' }).click()
    await expect(blurb.getByRole('status')).toHaveText('All four parts are there, and it is short.')
    const message = ask.getByRole('textbox', { name: 'Message' })
    await expect(message).toHaveValue(/She has priced two marketplaces\./)
    await expect(message).toHaveValue(/I can share our data on engineer supply\./)
    await expect(message).toHaveValue(/I completely understand/)
    await expect(message).toHaveValue(/Thank you,\nJordan Avery$/)
    await expect(ask.getByRole('textbox', { name: 'To' })).toHaveValue('vera@harbor.example')

    // One sentence edited by hand: the check judges what will be sent.
    await blurb.getByRole('textbox', { name: 'Your small ask (sentence 4)' }).fill('Could we talk for 15 minutes next week??')
    await blurb.getByRole('textbox', { name: 'Who you are (sentence 1)' }).click()
    await expect(blurb.getByRole('status')).toContainText('Doubled punctuation')
    await blurb.getByRole('button', { name: 'Draft again: Your small ask (sentence 4)' }).click()
    await expect(blurb.getByRole('status')).toHaveText('All four parts are there, and it is short.')
  })
})

test.describe('following an introduction through', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Jordan Avery'],
        ['people', 'add', 'Vera Walsh', '--email', 'vera@harbor.example', '--need', 'designers'],
        ['people', 'add', 'Yara Schmidt', '--company', 'Harbor Capital'],
        ['people', 'add', 'Ben Okafor', '--offer', 'designers'],
        ['know', 'Jordan Avery', 'Vera Walsh', '--strength', '4'],
        ['know', 'Vera Walsh', 'Yara Schmidt', '--strength', '5'],
        ['know', 'Jordan Avery', 'Ben Okafor', '--strength', '3'],
        ['ask', '--via', 'Vera Walsh', '--to', 'Yara Schmidt', '--why', 'She has priced two marketplaces.'],
      ],
    },
  })

  test('from "asked" to "loop closed", with every task, and the favor in the ledger', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Introductions')
    await app.getByRole('button', { name: 'Ask Vera Walsh to introduce you to Yara Schmidt' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Ask Vera Walsh to introduce you to Yara Schmidt' })).toBeVisible()

    // Track it.
    const track = app.getByRole('region', { name: 'Track it' })
    await track.getByRole('button', { name: 'I asked' }).click()
    await expect(app.getByText('Asked', { exact: true })).toBeVisible()
    const after = app.getByRole('region', { name: 'Follow-ups' })
    // Asked: one kind follow-up if Vera does not answer, done once she does.
    await expect(after.getByRole('checkbox', { name: 'If Vera Walsh has not answered, follow up once, kindly' })).not.toBeChecked()
    await track.getByRole('button', { name: 'They agreed' }).click()
    await expect(after.getByRole('checkbox', { name: 'If Vera Walsh has not answered, follow up once, kindly' })).toBeChecked()
    await track.getByRole('button', { name: 'Introduction made' }).click()
    await expect(after.getByRole('checkbox')).toHaveCount(5)
    // Made: the checks before asking are gone (they would now say Yara is known and a favor is owed to Vera).
    await expect(app.getByRole('region', { name: 'Before you ask' })).toHaveCount(0)
    await expect(after.getByText('Thank Vera Walsh for introducing you to Yara Schmidt')).toBeVisible()
    await expect(after.getByText('Reply to Yara Schmidt within 24 hours, offering a few times')).toBeVisible()
    await expect(after.getByText('Tell Vera Walsh how the meeting with Yara Schmidt went')).toBeVisible()
    await expect(after.getByText('Give back to Vera Walsh: they are looking for designers; you know Ben Okafor, who can help.')).toBeVisible()
    await after.getByRole('checkbox', { name: 'Thank Vera Walsh for introducing you to Yara Schmidt' }).check()
    await after.getByRole('checkbox', { name: /^Reply to Yara Schmidt/ }).check()
    await track.getByRole('button', { name: 'Meeting scheduled' }).click()
    await track.getByRole('button', { name: 'Loop closed' }).click()
    await expect(app.getByText('Loop closed', { exact: true }).first()).toBeVisible()
    await after.getByRole('checkbox', { name: /^Give back to Vera Walsh/ }).check()
    await expect(after.getByRole('checkbox', { checked: true })).toHaveCount(5)
    await expect(app.getByRole('region', { name: 'Track it' })).toHaveCount(0)

    // The favor Vera did is in the ledger.
    await app.getByRole('button', { name: 'Vera Walsh' }).click()
    await expect(app.getByRole('table', { name: 'Favors' }).getByRole('row', { name: /Vera Walsh.*Jordan Avery.*Introduction.*Medium/ })).toBeVisible()
    // ...and editable.
    await app.getByRole('button', { name: /^Edit the favor of/ }).first().click()
    const favor = new Dialog(app, 'Edit a favor')
    await favor.field('Size').click()
    await app.getByRole('option', { name: /^Large/ }).click()
    await favor.submit('Save favor')
    await expect(app.getByRole('table', { name: 'Favors' }).getByRole('row', { name: /Vera Walsh.*Jordan Avery.*Introduction.*Large/ })).toBeVisible()
  })
})

test.describe('introducing two people', () => {
  test.use({
    seed: {
      commands: [
        ['me', 'Jordan Avery'],
        ['people', 'add', 'Ana Silva', '--email', 'ana@acme.example', '--company', 'Acme'],
        ['people', 'add', 'Ben Okafor', '--email', 'ben@beta.example', '--company', 'Beta'],
        ['people', 'add', 'Cy Nakamura', '--email', 'cy@gamma.example'],
        ['know', 'Jordan Avery', 'Ana Silva', '--strength', '4'],
        ['know', 'Jordan Avery', 'Ben Okafor', '--strength', '3'],
      ],
    },
  })

  test('someone I do not know: Kith asks first, and starts it only when told to', async ({ app }) => {
    const kith = new KithApp(app)
    await kith.goTo('Introductions')
    await kith.button('Introduce two people').click()
    const dialog = new Dialog(app, 'Introduce two people')
    await dialog.pickPerson('Introduce', 'Ana', /Ana Silva/)
    await dialog.pickPerson('To', 'Cy', /Cy Nakamura/)
    await dialog.root.getByRole('button', { name: 'Start with double opt-in' }).click()
    const alert = dialog.root.getByRole('alert')
    await expect(alert).toContainText('You do not know Cy Nakamura in Kith: they would be asked to opt in by a stranger.')
    await dialog.root.getByRole('button', { name: 'Start anyway' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Introduce Ana Silva and Cy Nakamura' })).toBeVisible()
  })

  async function start(app: import('@playwright/test').Page): Promise<void> {
    const kith = new KithApp(app)
    await kith.goTo('Introductions')
    await kith.button('Introduce two people').click()
    const dialog = new Dialog(app, 'Introduce two people')
    await dialog.pickPerson('Introduce', 'Ana', /Ana Silva/)
    await dialog.pickPerson('To', 'Ben', /Ben Okafor/)
    await dialog.field('Context').fill('data hiring')
    await dialog.root.getByRole('button', { name: 'Start with double opt-in' }).click()
    await expect(app.getByRole('heading', { level: 2, name: 'Introduce Ana Silva and Ben Okafor' })).toBeVisible()
  }

  test('from double opt-in to the BCC handoff', async ({ app }) => {
    await start(app)
    const why = app.getByRole('region', { name: 'Who and why' })
    await why.getByRole('textbox', { name: 'What Ana Silva gains' }).fill('Ben has hired three data teams')
    await why.getByRole('textbox', { name: 'What Ben Okafor gains' }).fill('Ana knows the engineers he needs')
    await why.getByRole('textbox', { name: 'How you know Ana Silva' }).click()

    const optIns = app.getByRole('region', { name: 'Ask both sides first' })
    await expect(optIns.getByText(/^One side at a time: ask first the one whose yes is less certain/)).toBeVisible()
    await expect(optIns.getByRole('region', { name: 'Opt-in for Ana Silva' }).getByRole('textbox', { name: 'Message' })).toHaveValue(/Ben has hired three data teams/)
    await app.getByRole('region', { name: 'Track it' }).getByRole('button', { name: 'Ask both sides' }).click()
    await optIns.getByRole('group', { name: 'Ana Silva said' }).getByRole('button', { name: 'Yes', exact: true }).click()
    await expect(app.getByText('Asking both sides', { exact: true }).first()).toBeVisible()
    await optIns.getByRole('group', { name: 'Ben Okafor said' }).getByRole('button', { name: 'Yes', exact: true }).click()
    await expect(app.getByText('Both said yes', { exact: true }).first()).toBeVisible()

    const email = app.getByRole('region', { name: 'Introduction email' })
    await expect(email.getByRole('textbox', { name: 'Subject' })).toHaveValue('Intro: Ana Silva <> Ben Okafor - data hiring')
    await expect(email.getByRole('textbox', { name: 'To' })).toHaveValue('ana@acme.example, ben@beta.example')
    await expect(email.getByRole('textbox', { name: 'Message' })).toHaveValue(/\. Ben has hired three data teams\./)
    await app.getByRole('button', { name: 'I sent the introduction' }).click()
    await expect(app.getByText('Introduced', { exact: true }).first()).toBeVisible()

    const handoff = app.getByRole('region', { name: 'Handoff reply' })
    await expect(handoff.getByRole('textbox', { name: 'Subject' })).toHaveValue('Re: Intro: Ana Silva <> Ben Okafor - data hiring')
    await expect(handoff.getByRole('textbox', { name: 'Message' })).toHaveValue(/^\(Moving myself to BCC\.\)/)
    await expect(app.getByRole('region', { name: 'Follow-ups' }).getByText('When Ana Silva or Ben Okafor replies, send the BCC handoff')).toBeVisible()
    await app.getByRole('region', { name: 'Track it' }).getByRole('button', { name: 'Meeting scheduled' }).click()
    await expect(app.getByText('Meeting scheduled', { exact: true }).first()).toBeVisible()
  })

  test('a side that says no, answered from the keyboard: the focus comes to the introduction, the follow-ups say who to tell', async ({ app }) => {
    await start(app)
    await app.getByRole('region', { name: 'Track it' }).getByRole('button', { name: 'Ask both sides' }).click()
    const optIns = app.getByRole('region', { name: 'Ask both sides first' })
    const follow = app.getByRole('checkbox', { name: 'If Ana Silva or Ben Okafor has not answered, follow up once, kindly' })
    await expect(follow).toBeVisible()
    // Ana says yes: only Ben is left to chase.
    const ana = optIns.getByRole('group', { name: 'Ana Silva said' })
    await ana.getByRole('button', { name: 'Yes', exact: true }).focus()
    await app.keyboard.press('Enter')
    await expect(ana.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true')
    await expect(optIns.getByText('Ana Silva said yes: now ask Ben Okafor.')).toBeVisible()
    await expect(app.getByRole('checkbox', { name: 'If Ben Okafor has not answered, follow up once, kindly' })).toBeVisible()
    // Ben says no (Tab past "Yes" records nothing on the way): the answers are closed, and the keyboard is not left on nothing.
    const ben = optIns.getByRole('group', { name: 'Ben Okafor said' })
    await ben.getByRole('button', { name: 'No answer yet' }).focus()
    await app.keyboard.press('Tab')
    await app.keyboard.press('Tab')
    await expect(ben.getByRole('button', { name: 'No', exact: true })).toBeFocused()
    await app.keyboard.press('Enter')
    await expect(app.getByText('Declined', { exact: true }).first()).toBeVisible()
    await expect(app.getByText('Both said yes', { exact: true })).toHaveCount(0)
    await expect(app.getByRole('heading', { level: 2, name: 'Introduce Ana Silva and Ben Okafor' })).toBeFocused()
    await expect(app.getByRole('checkbox', { name: 'Let Ana Silva know the introduction to Ben Okafor will not go ahead' })).toBeVisible()
  })

  test('warns before sending without both opt-ins', async ({ app }) => {
    await start(app)
    await expect(app.getByRole('region', { name: 'Introduction email' }).getByRole('status').first()).toHaveText('Neither side has said yes yet.')
    await app.getByRole('button', { name: 'I sent the introduction' }).click()
    const confirm = app.getByRole('dialog', { name: 'Send the introduction anyway?' })
    await expect(confirm.getByRole('alert')).toContainText('Ana Silva and Ben Okafor have not said yes to this introduction.')
    await expect(confirm.getByRole('alert')).toContainText('No gain stated for Ana Silva.')
    await confirm.getByRole('button', { name: 'Not yet' }).click()
    // The closing dialog stays in the page while it fades: wait until it is gone, so the next click reaches the new one.
    await expect(confirm).toBeHidden()
    await expect(app.getByText('Draft', { exact: true }).first()).toBeVisible()
    await app.getByRole('button', { name: 'I sent the introduction' }).click()
    const again = app.getByRole('dialog', { name: 'Send the introduction anyway?' })
    await expect(again).toBeVisible()
    await again.getByRole('button', { name: 'Send anyway' }).click()
    await expect(again).toBeHidden()
    await expect(app.getByText('Introduced', { exact: true }).first()).toBeVisible()
  })
})
