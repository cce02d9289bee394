import { describe, expect, it } from 'vitest'
import { ASK_STATES, CONNECT_STATES, canMove, isFinished, nextStates, type IntroKind, type IntroState } from './intro-states'
import { isAllowedExternalUrl } from './external-url'
import { checkBlurb, composeAsk, composeBlurb, composeHandoff, composeIntroEmail, composeOptIn, mailtoUrl } from './intro-templates'

const VALID: Record<IntroKind, [IntroState, IntroState][]> = {
  ask: [
    ['draft', 'asked'],
    ['draft', 'abandoned'],
    ['asked', 'agreed'],
    ['asked', 'declined'],
    ['asked', 'no_reply'],
    ['asked', 'abandoned'],
    ['no_reply', 'asked'],
    ['no_reply', 'agreed'],
    ['no_reply', 'declined'],
    ['no_reply', 'abandoned'],
    ['agreed', 'introduced'],
    ['agreed', 'abandoned'],
    ['introduced', 'scheduled'],
    ['introduced', 'closed'],
    ['introduced', 'abandoned'],
    ['scheduled', 'closed'],
  ],
  connect: [
    ['draft', 'asking'],
    ['draft', 'introduced'],
    ['draft', 'abandoned'],
    // (asking becomes ready or declined by the answers, not by a move)
    ['asking', 'introduced'],
    ['asking', 'abandoned'],
    ['ready', 'introduced'],
    ['ready', 'abandoned'],
    ['introduced', 'scheduled'],
    ['introduced', 'abandoned'],
  ],
}

describe('introduction states', () => {
  for (const kind of ['ask', 'connect'] as const) {
    const states = kind === 'ask' ? ASK_STATES : CONNECT_STATES
    it(`${kind}: allows exactly the moves of the spec, and refuses every other`, () => {
      const valid = new Set(VALID[kind].map(([a, b]) => `${a}>${b}`))
      for (const from of states) {
        for (const to of states) {
          expect(canMove(kind, from, to), `${kind}: ${from} -> ${to}`).toBe(valid.has(`${from}>${to}`))
        }
      }
      // States of the other kind are never reachable.
      expect(canMove(kind, 'draft', kind === 'ask' ? 'asking' : 'asked')).toBe(false)
    })
  }

  it('knows when nothing is left to do', () => {
    expect(isFinished('ask', 'closed')).toBe(true)
    expect(isFinished('ask', 'declined')).toBe(true)
    expect(isFinished('ask', 'introduced')).toBe(false)
    expect(isFinished('connect', 'scheduled')).toBe(true)
    expect(nextStates('ask', 'abandoned')).toEqual([])
  })
})

describe('the forwardable blurb', () => {
  // The user's own words go in as whole sentences (the old composer put the "why" into a frame: "would love to hear Yara's view on <why>").
  const good = composeBlurb({
    fullName: 'Jordan Avery',
    role: 'founder',
    organisation: 'Wayfinder, a marketplace for field engineers',
    credibility: '',
    target: 'Yara Schmidt',
    why: 'I would love to hear how Yara priced two marketplaces, as we are about to set our own prices',
    offer: 'We grew Wayfinder to 4,000 engineers in a year, and I am glad to share what worked',
    ask: 'Would a 15-minute call next week work',
  })

  it('writes four sentences that pass the checker', () => {
    expect(checkBlurb(good, 'Jordan Avery', 'Yara Schmidt')).toEqual({ sentences: 4, words: expect.any(Number), missing: [], generic: [], problems: [] })
    expect(good.endsWith('Would a 15-minute call next week work?')).toBe(true)
  })

  it('flags a missing part', () => {
    const noAsk = 'Jordan Avery runs Wayfinder. He wants to learn from Yara about pricing. He recently raised a seed round.'
    expect(checkBlurb(noAsk, 'Jordan Avery', 'Yara Schmidt').missing).toEqual(['ask'])
    const noBring = 'Jordan Avery runs Wayfinder. He would love Yara’s perspective on pricing. Could they talk for 15 minutes?'
    expect(checkBlurb(noBring, 'Jordan Avery', 'Yara Schmidt').problems).toContain('Missing: what you bring.')
  })

  it('flags more than four sentences and a long paragraph', () => {
    const long = `${good} ${'He has many more things to say about marketplaces and pricing and growth. '.repeat(5)}`
    const check = checkBlurb(long, 'Jordan Avery', 'Yara Schmidt')
    expect(check.problems.some((p) => /9 sentences: keep it to four\./.test(p))).toBe(true)
    expect(check.problems.some((p) => /words: a forwardable note stays under about 110\./.test(p))).toBe(true)
  })
})

describe('the messages', () => {
  it('asks the connector with the why, the offer, the blurb, permission and an easy out', () => {
    const { body: text } = composeAsk({ signer: { fullName: 'Jordan Avery', signOff: '' }, connector: 'Vera Walsh', target: 'Yara Schmidt', why: 'she priced two marketplaces', offer: 'I can share our data on engineer supply', blurb: 'BLURB' })
    expect(text).toMatch(/^Hi Vera,/)
    expect(text).toContain('Would you be open to introducing me to Yara Schmidt?')
    // The why and the offer as the user's own sentences, no longer after a label ("Why Yara: ...", "What I could offer in return: ...").
    expect(text).toContain('She priced two marketplaces.')
    expect(text).toContain('I can share our data on engineer supply.')
    expect(text).toContain('BLURB')
    expect(text).toContain('please ask Yara first')
    expect(text).toContain('I completely understand')
  })

  it('asks each side first, with the gain and an easy no', () => {
    const m = composeOptIn({ signer: { fullName: 'Jordan', signOff: '' }, to: 'Ana Silva', toEmail: 'ana@acme.example', other: 'Ben Okafor', otherContext: 'who runs payments at Beta', gain: 'he is hiring engineers like your team' })
    expect(m.to).toEqual(['ana@acme.example'])
    expect(m.subject).toBe('Would you like to meet Ben Okafor?')
    // The gain is a sentence of its own now: capitalised and closed.
    expect(m.body).toContain('He is hiring engineers like your team.')
    expect(m.body).toContain('"not now" is completely fine')
  })

  it('composes the introduction: subject format, both in To, how I know each, the gain for each side, who schedules', () => {
    const email = composeIntroEmail({
      signer: { fullName: 'Jordan Avery', signOff: '' },
      a: { name: 'Ana Silva', email: 'ana@acme.example', howIKnow: 'and I worked together at Northwind', credit: 'She built their data platform', gain: 'Ben has hired three data teams this year', role: 'Head of Data at Acme' },
      b: { name: 'Ben Okafor', email: 'ben@beta.example', howIKnow: 'is a friend from university', credit: 'He runs hiring at Beta', gain: 'Ana knows exactly the engineers he is after', role: '' },
      context: 'data hiring',
      schedules: 'b',
    })
    expect(email.subject).toBe('Intro: Ana Silva <> Ben Okafor - data hiring')
    expect(email.to).toEqual(['ana@acme.example', 'ben@beta.example'])
    expect(email.cc).toEqual([])
    expect(email.body).toContain('Ana, Ben Okafor is a friend from university. He runs hiring at Beta. Ben has hired three data teams this year.')
    expect(email.body).toContain('Ben, Ana Silva and I worked together at Northwind. She built their data platform. Ana knows exactly the engineers he is after.')
    expect(email.body).toContain('I will let Ben take it from here and suggest a few times to Ana.')
    expect(email.warnings).toEqual([])
  })

  it('warns when a side has no gain, or the email is long', () => {
    const base = { name: 'Ana Silva', email: null, howIKnow: '', credit: '', gain: '', role: '' }
    const email = composeIntroEmail({ signer: { fullName: 'J', signOff: '' }, a: base, b: { ...base, name: 'Ben Okafor', credit: 'word '.repeat(160) }, context: '', schedules: 'a' })
    expect(email.subject).toBe('Intro: Ana Silva <> Ben Okafor')
    // Neither has an email address: the draft now says so instead of leaving them out of To silently.
    expect(email.warnings).toEqual([
      'No gain stated for Ana Silva.',
      'No gain stated for Ben Okafor.',
      expect.stringMatching(/^\d+ words: introductions work best under about 150\.$/),
      'Ana has no email address: add it or send to them separately.',
      'Ben has no email address: add it or send to them separately.',
    ])
  })

  it('hands off with a reply that moves me to BCC', () => {
    const m = composeHandoff({ fullName: 'Jordan', signOff: '' }, { name: 'Ana Silva', email: 'ana@a.example' }, { name: 'Ben Okafor', email: 'ben@b.example' }, 'Intro: Ana Silva <> Ben Okafor')
    expect(m.subject).toBe('Re: Intro: Ana Silva <> Ben Okafor')
    expect(m.to).toEqual(['ana@a.example', 'ben@b.example'])
    expect(m.body).toMatch(/^\(Moving myself to BCC\.\)/)
  })
})

describe('mailto links', () => {
  it('encodes To, Cc, Subject and Body: Unicode, line breaks, & ? # = +', () => {
    const url = mailtoUrl({
      to: ['ana@acme.example', 'ben+intro@beta.example'],
      cc: ['cy@gamma.example'],
      subject: 'Intro: Ana <> Ben - R&D? #1 = “first”',
      body: 'Héllo Zoë,\nline two & more?\n#tag 50% + 1',
    })
    expect(url).toBe(
      'mailto:ana@acme.example,ben%2Bintro@beta.example' +
        '?cc=cy@gamma.example' +
        '&subject=Intro%3A%20Ana%20%3C%3E%20Ben%20-%20R%26D%3F%20%231%20%3D%20%E2%80%9Cfirst%E2%80%9D' +
        '&body=H%C3%A9llo%20Zo%C3%AB%2C%0D%0Aline%20two%20%26%20more%3F%0D%0A%23tag%2050%25%20%2B%201',
    )
    // Round trip: a mail program reading the link gets the same texts back.
    const parsed = new URL(url ?? '')
    expect(decodeURIComponent(parsed.searchParams.get('subject') ?? '')).toBe('Intro: Ana <> Ben - R&D? #1 = “first”')
    expect(new URLSearchParams(parsed.search).get('body')).toBe('Héllo Zoë,\r\nline two & more?\r\n#tag 50% + 1')
  })

  it('leaves out what is empty', () => {
    expect(mailtoUrl({ to: ['a@b.example'], cc: [], subject: '', body: '' })).toBe('mailto:a@b.example')
  })

  it('makes no link when an address is not an email address, so nothing in it can add a header', () => {
    const injected = 'a@b.co?bcc=spy%40evil.example&subject=Hi'
    expect(mailtoUrl({ to: [injected], cc: [], subject: '', body: '' })).toBeNull()
    expect(mailtoUrl({ to: ['ana@acme.example'], cc: [injected], subject: 'Hello', body: '' })).toBeNull()
    expect(mailtoUrl({ to: ['ana@acme.example', 'ben@beta.example&bcc=spy@evil.example'], cc: [], subject: '', body: '' })).toBeNull()
  })

  it('keeps the subject on one line and turns every line break in the body into CRLF', () => {
    const url = mailtoUrl({ to: ['a@b.example'], cc: [], subject: 'Hi\r\nBcc: spy@evil.example', body: 'one\rtwo\u2028three\u0085four' })
    expect(url).toBe('mailto:a@b.example?subject=Hi%20Bcc%3A%20spy%40evil.example&body=one%0D%0Atwo%0D%0Athree%0D%0Afour')
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it('makes only links that the external-link check lets through', () => {
    const url = mailtoUrl({ to: ['ana@acme.example', 'ben+intro@beta.example'], cc: ['cy@gamma.example'], subject: 'R&D? #1', body: 'a=b&c' })
    expect(isAllowedExternalUrl(url)).toBe(true)
  })
})
