import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { introDrafts } from './drafts'

const NOW = new Date('2026-11-22T12:00:00Z')

async function cast(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const vera = await ok(backend, 'people.create', { name: 'Vera Walsh', emails: ['vera@harbor.example'] })
  const yara = await ok(backend, 'people.create', { name: 'Yara Schmidt', emails: ['yara@harbor.example'], company: 'Harbor Capital' })
  const kenji = await ok(backend, 'people.create', { name: 'Kenji Mori', title: 'Partner', company: 'Northwind' })
  await ok(backend, 'relationships.set', { a: me.id, b: vera.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: vera.id, b: yara.id, strength: 5 })
  return { me, vera, yara, kenji }
}

describe('the drafts of an ask, from the user’s side', () => {
  it('signs with the full name, uses my offer, and the blurb is not generic; without an offer it is', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    await ok(backend, 'profile.set', { fullName: 'Jordan Avery', role: 'Head of Growth', organisation: 'Wayfinder', credibility: 'we doubled paid teams in a year', signOff: '' })
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    const offer = 'I can share our data on what made teams upgrade.'
    const intro = await ok(backend, 'introductions.update', { id: request.id, details: { why: 'she priced two marketplaces at Harbor', offer } })
    const { ask, blurb } = intro.drafts
    if (ask === null || blurb === null) throw new Error('no drafts')
    expect(ask.to).toEqual(['vera@harbor.example'])
    expect(ask.subject).toBe('Would you introduce me to Yara Schmidt?')
    expect(ask.body).toMatch(/^Hi Vera,\n\nI hope you are well\. Would you be open to introducing me to Yara Schmidt\?/)
    expect(ask.body).toContain('She priced two marketplaces at Harbor.')
    expect(ask.body).toContain(offer)
    expect(ask.body).toContain(blurb.text)
    expect(ask.body.endsWith('Thank you,\nJordan Avery')).toBe(true)
    expect(ask.warnings).toEqual([])
    expect(blurb.sentences).toEqual({
      who: "I'm Jordan Avery, Head of Growth at Wayfinder — we doubled paid teams in a year.",
      why: 'She priced two marketplaces at Harbor.',
      bring: offer,
      ask: 'Would you have time for a 15-minute call in the next few weeks?',
    })
    // Right for Vera; the blurb is forwarded to Yara, who would read about herself as "she".
    expect(blurb.warnings).toEqual(['The reason speaks of Yara as "She", and this note is forwarded to Yara: say it to them ("You led…"), or say what you hope to learn.'])
    const toYara = await ok(backend, 'introductions.update', { id: request.id, details: { blurbWhy: 'You priced two marketplaces at Harbor, and I would value your view.' } })
    expect(toYara.drafts.blurb?.warnings).toEqual([])
    expect(toYara.drafts.ask?.body).toContain('She priced two marketplaces at Harbor.')

    const noOffer = await ok(backend, 'introductions.update', { id: request.id, details: { offer: '' } })
    expect(noOffer.drafts.blurb?.warnings).toEqual(['Generic: say what you bring.'])
    expect(noOffer.drafts.ask?.warnings).toEqual(['Say what you can offer Yara Schmidt, not only what you want.'])
    expect(noOffer.drafts.ask?.body).not.toContain(offer)
  })

  it('gets back in touch first when I last talked with the connector long ago', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    const opening = async () => /^Hi Vera,\n\n(.*?) Would you/.exec((await ok(backend, 'introductions.get', { id: request.id })).drafts.ask?.body ?? '')?.[1]
    // Nothing logged: nothing to say about it.
    expect(await opening()).toBe('I hope you are well.')
    await ok(backend, 'interactions.log', { date: '2023-10-02', kind: 'meeting', people: [vera.id] })
    expect(await opening()).toBe('It has been far too long since we last talked, and I hope all is well with you.')
    await ok(backend, 'interactions.log', { date: '2026-11-02', kind: 'call', people: [vera.id] })
    expect(await opening()).toBe('I hope you are well.')
  })

  it('lets the user’s edits win: a blurb sentence, the note, an older one-paragraph blurb', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, yara } = await cast(backend)
    await ok(backend, 'profile.set', { signOff: 'Best, Jordan' })
    const request = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    let intro = await ok(backend, 'introductions.update', { id: request.id, details: { why: 'She priced two marketplaces.', blurbBring: 'I ran pricing at two startups.', blurbAsk: 'Could we talk for 20 minutes?' } })
    expect(intro.drafts.blurb?.sentences).toMatchObject({ why: 'She priced two marketplaces.', bring: 'I ran pricing at two startups.', ask: 'Could we talk for 20 minutes?' })
    expect(intro.drafts.blurb?.text).toBe("I'm Jordan Avery. She priced two marketplaces. I ran pricing at two startups. Could we talk for 20 minutes?")
    // Only a name in the profile: the who sentence is stock, and said to be.
    expect(intro.drafts.blurb?.warnings).toEqual(['Generic: say who you are (your role and a line of credibility in Settings, Your profile).', 'The reason speaks of Yara as "She", and this note is forwarded to Yara: say it to them ("You led…"), or say what you hope to learn.'])
    expect(intro.drafts.ask?.body.endsWith('\n\nBest, Jordan')).toBe(true)

    intro = await ok(backend, 'introductions.update', { id: request.id, details: { message: 'Vera, could you introduce me to Yara?? No worries if not.' } })
    expect(intro.drafts.ask?.body).toBe('Vera, could you introduce me to Yara?? No worries if not.')
    expect(intro.drafts.ask?.warnings).toEqual(['Doubled punctuation (“??”): keep one mark.'])

    intro = await ok(backend, 'introductions.update', { id: request.id, details: { blurb: 'Jordan Avery runs Wayfinder.' } })
    expect(intro.drafts.blurb).toEqual({ text: 'Jordan Avery runs Wayfinder.', sentences: null, warnings: ['Missing: why you want to connect.', 'Missing: what you bring.', 'Missing: a small, specific ask.'] })
  })

  it('asks for one hop of a longer path: the next person, never the goal directly', () => {
    const person = (id: number, name: string, email: string | null) => ({ id, name, email, company: null, title: null })
    const drafts = introDrafts({
      kind: 'ask',
      details: { why: 'Cy worked with Yara for years.' },
      people: [person(2, 'Vera Walsh', 'vera@harbor.example'), person(3, 'Cy Park', null)],
      goal: { id: 4, name: 'Yara Schmidt' },
      answers: { a: null, b: null },
      profile: { fullName: 'Jordan Avery', role: 'Founder', organisation: 'Wayfinder', credibility: '', signOff: '' },
    })
    expect(drafts.ask?.subject).toBe('Would you introduce me to Cy Park?')
    expect(drafts.ask?.leftOut).toEqual([])
    expect(drafts.ask?.body).toContain('Would you be open to introducing me to Cy Park? I am hoping to reach Yara Schmidt in the end, and Cy is well placed to help me with that.')
    expect(drafts.ask?.body).not.toMatch(/introduc\w* me to Yara/)
    expect(drafts.ask?.warnings).toEqual(['Say what you can offer Cy Park, not only what you want.'])
    expect(drafts.blurb?.warnings).toEqual(['Generic: say what you bring.'])
  })
})

describe('the drafts of an introduction between two people', () => {
  it('pitches each side its own gain, signs with the profile, and says who has no email address', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { yara, kenji } = await cast(backend)
    await ok(backend, 'profile.set', { fullName: 'Jordan Avery', signOff: 'Warm regards,' })
    const started = await ok(backend, 'introductions.connect', { confirmed: true, a: yara.id, b: kenji.id, context: 'seed pricing' })
    expect(started.drafts.email?.warnings).toEqual([
      'Neither side has said yes yet.',
      'No gain stated for Yara Schmidt.',
      'No gain stated for Kenji Mori.',
      'Kenji has no email address: add it or send to them separately.',
    ])
    const intro = await ok(backend, 'introductions.update', { id: started.id, details: { aGain: 'Kenji has priced three seed rounds', bGain: 'Yara sees every seed deal at Harbor' } })
    const { optIns, email, handoff } = intro.drafts
    if (optIns === null || email === null || handoff === null) throw new Error('no drafts')
    expect(optIns.a.to).toEqual(['yara@harbor.example'])
    expect(optIns.a.body).toContain('Would you like me to introduce you to Kenji Mori, Partner at Northwind?\nKenji has priced three seed rounds.')
    expect(optIns.a.body).not.toContain('Yara sees every seed deal')
    expect(optIns.a.body.endsWith('Warm regards,\nJordan Avery')).toBe(true)
    expect(optIns.a.warnings).toEqual([])
    expect(optIns.b.to).toEqual([])
    expect(optIns.b.body).toContain('Would you like me to introduce you to Yara Schmidt, Harbor Capital?\nYara sees every seed deal at Harbor.')
    expect(optIns.b.warnings).toEqual(['Kenji has no email address: add it or send to them separately.'])
    // A line of credit for Kenji tells Yara who he is, in her note only.
    const credited = await ok(backend, 'introductions.update', { id: started.id, details: { bCredit: 'he priced the Northwind seed fund' } })
    expect(credited.drafts.optIns?.a.body).toContain('Would you like me to introduce you to Kenji Mori, Partner at Northwind?\nHe priced the Northwind seed fund. Kenji has priced three seed rounds.')
    expect(credited.drafts.optIns?.b.body).not.toContain('Northwind seed fund')
    expect(email.to).toEqual(['yara@harbor.example'])
    // Left out of To, and said so beside it, whatever the warnings shown.
    expect(email.leftOut).toEqual(['Kenji Mori'])
    expect(handoff.leftOut).toEqual(['Kenji Mori'])
    expect(optIns.a.leftOut).toEqual([])
    expect(optIns.b.leftOut).toEqual(['Kenji Mori'])
    expect(email.subject).toBe('Intro: Yara Schmidt <> Kenji Mori - seed pricing')
    expect(email.body.endsWith('Warm regards,\nJordan Avery')).toBe(true)
    expect(email.warnings).toEqual(['Neither side has said yes yet.', 'Kenji has no email address: add it or send to them separately.'])
    expect(handoff.subject).toBe('Re: Intro: Yara Schmidt <> Kenji Mori - seed pricing')
    expect(handoff.warnings).toEqual(['Kenji has no email address: add it or send to them separately.'])

    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    const edited = await ok(backend, 'introductions.update', { id: intro.id, details: { email: 'Yara, meet Kenji.', handoff: 'Stepping out.' } })
    expect(edited.drafts.email?.body).toBe('Yara, meet Kenji.')
    expect(edited.drafts.email?.warnings[0]).toBe('Kenji Mori has not said yes yet.')
    expect(edited.drafts.handoff?.body).toBe('Stepping out.')
  })
})
