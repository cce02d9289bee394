import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_BLURB_ASK,
  checkAsk,
  checkBlurb,
  clause,
  composeAsk,
  composeBlurb,
  composeBlurbSentences,
  composeHandoff,
  composeIntroEmail,
  composeOptIn,
  doubledPunctuation,
  firstName,
  sentences,
  signature,
  tidy,
  type BlurbFields,
  type Signer,
} from './intro-templates'

// ---- Generators ------------------------------------------------------------------

fc.configureGlobal({ numRuns: 200 })

const nameWord = fc.oneof(
  // not a title or an abbreviation ("Jr", "Dr"): a dot after those does not end a sentence
  fc.stringMatching(/^[A-Z][a-z]{1,9}$/).filter((w) => !/^(Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame|St|Jr|Sr|Co|Inc|Ltd)$/.test(w)),
  fc.constantFrom('Zoë', 'José', "O'Brien", 'Anne-Marie', 'Nguyễn', 'Kenji', 'Ana', 'Van'),
)
/** A person's name as people type them: one to three words, sometimes a title first or a stray space. */
const personName = fc
  .tuple(fc.constantFrom('', '', '', 'Dr. ', 'Ms '), fc.array(nameWord, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', ' ', '  '))
  .map(([title, parts, gap]) => `${title}${parts.join(gap)}`)

const vocabulary = ['we', 'built', 'a', 'pricing', 'model', 'for', 'Wayfinder', '4,000', 'engineers', 'I', 'can', 'share', 'our', 'data', 'on', 'supply', 'she', 'led', "Harbor Capital's", 'seed', 'rounds', 'happy', 'to', 'help']
const word = fc.constantFrom(...vocabulary)
/** One sentence as a user writes it: lower or upper case, a comma or two, maybe a closing mark. */
const oneSentence = fc
  .tuple(fc.array(fc.tuple(word, fc.constantFrom('', '', '', ',')), { minLength: 1, maxLength: 12 }), fc.constantFrom('', '.', '?', '!', '..', '?.', ' .', ','))
  .map(([ws, end]) => `${ws.map(([w, c]) => `${w}${c}`).join(' ')}${end}`)
/** Anything a user might leave in a field: stray marks, doubled spaces, line breaks, empty. */
const messyText = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  oneSentence,
  fc.array(fc.oneof(word, fc.constantFrom('.', ',', '?', '!', ';', ':', '..', '...', ' ,', ' .', '?.', ',.', '  ', '\n', '\t', '—')), { maxLength: 25 }).map((t) => t.join(' ')),
  fc.string({ maxLength: 60 }),
)
const optional = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof(fc.constant(''), arb)
const signer: fc.Arbitrary<Signer> = fc.record({ fullName: optional(personName), signOff: fc.constantFrom('', 'Best,', 'Warm regards,', 'Cheers') })
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '))

// ---- What every draft must never contain ---------------------------------------

/** Gaps where a slot was left empty: "  ", " .", "on .", "Hi ,". */
function emptySlots(text: string): string[] {
  const found: string[] = []
  for (const line of text.split('\n')) {
    if (/\S\s{2,}\S/.test(line)) found.push(`double space in “${line}”`)
    if (/\s[.,;:!?]/.test(line)) found.push(`space before a mark in “${line}”`)
    if (/^\s+\S/.test(line)) found.push(`indented “${line}”`)
  }
  if (/\b(undefined|null|NaN)\b/.test(text)) found.push('a missing value printed')
  return found
}

function clean(text: string): void {
  expect(emptySlots(text), text).toEqual([])
  expect(doubledPunctuation(text), text).toEqual([])
}

/** The signature names the user: their full name, or a sign-off that already carries their name. */
function signed(body: string, s: Signer): void {
  const name = tidy(s.fullName)
  if (name !== '') expect(body, body).toContain(name)
}

describe('every composer, for any input', () => {
  it('the ask: no empty slots, no doubled marks, every name, permission and an easy no; never asks for the goal directly', () => {
    fc.assert(
      fc.property(signer, personName, personName, optional(personName), messyText, messyText, messyText, (s, connector, target, goal, why, offer, blurb) => {
        const m = composeAsk({ signer: s, connector, connectorEmail: null, target, goal, why, offer, blurb: tidy(blurb) })
        clean(m.body)
        clean(m.subject)
        expect(m.body.startsWith(`Hi ${firstName(connector)},`)).toBe(true)
        expect(m.body).toContain(`introducing me to ${clause(target)}?`)
        signed(m.body, s)
        expect(m.body).toContain('I completely understand')
        const g = clause(goal)
        if (g !== '' && !clause(target).includes(g)) {
          expect(m.body).toContain(g)
          expect(m.body).not.toMatch(new RegExp(`introduc\\w* (me|us) to ${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
          expect(checkAsk(m.body, { connector, connectorEmail: 'c@x.example', target, goal, why, offer, edited: false }).some((w) => w.includes('directly'))).toBe(false)
        }
      }),
    )
  })

  it('the blurb: at most four sentences from one-sentence inputs, clean, with the name, and the checker never calls a stock sentence a part', () => {
    const fields: fc.Arbitrary<BlurbFields> = fc.record({
      fullName: optional(personName),
      role: optional(phrase),
      organisation: optional(nameWord),
      credibility: optional(phrase),
      target: personName,
      goal: optional(personName),
      why: optional(oneSentence),
      offer: optional(oneSentence),
      ask: optional(oneSentence),
    })
    fc.assert(
      fc.property(fields, (f) => {
        const text = composeBlurb(f)
        clean(text)
        expect(sentences(text).length, text).toBeLessThanOrEqual(4)
        const parts = composeBlurbSentences(f)
        if (tidy(f.fullName) !== '') expect(parts.who).toContain(clause(f.fullName))
        const check = checkBlurb(parts, f.fullName, f.target, f.goal ?? null)
        if (clause(f.offer) === '') {
          expect(check.generic).toContain('bring')
          expect(check.problems).toContain('Generic: say what you bring.')
        } else expect(parts.bring).toContain(clause(f.offer).slice(1))
        if (clause(f.why) === '') expect(check.generic).toContain('why')
        if (clause(f.role) === '' && clause(f.organisation) === '' && clause(f.credibility) === '') expect(check.generic).toContain('who')
        // The checker's verdict on the four sentences and on the paragraph agree about what is stock.
        expect(checkBlurb(text, f.fullName, f.target, f.goal ?? null).generic.sort()).toEqual([...check.generic].sort())
        // "All four parts are there" only shows when nothing is flagged: a stock sentence always is.
        if (check.generic.length > 0) expect(check.problems.some((p) => p.startsWith('Generic: '))).toBe(true)
      }),
    )
  })

  it('the blurb from messy inputs is still clean', () => {
    fc.assert(
      fc.property(messyText, messyText, messyText, messyText, messyText, personName, messyText, (fullName, role, credibility, why, offer, target, ask) => {
        clean(composeBlurb({ fullName, role, organisation: '', credibility, target, why, offer, ask }))
      }),
    )
  })

  it('the opt-ins: clean, to the right person, with that side’s own gain, signed', () => {
    fc.assert(
      fc.property(signer, personName, personName, optional(phrase), messyText, fc.option(fc.constant('p@x.example'), { nil: null }), (s, to, other, context, gain, email) => {
        const m = composeOptIn({ signer: s, to, toEmail: email, other, otherContext: context, gain })
        clean(m.body)
        clean(m.subject)
        expect(m.body.startsWith(`Hi ${firstName(to)},`)).toBe(true)
        expect(m.body).toContain(clause(other))
        expect(m.to).toEqual(email === null ? [] : [email])
        if (/[\p{L}\p{N}]/u.test(gain)) expect(m.body).toContain(clause(gain).slice(1))
        expect(m.body).toContain('"not now" is completely fine')
        signed(m.body, s)
      }),
    )
  })

  it('the introduction email and the handoff: clean, both names, signed', () => {
    const side = fc.record({
      name: personName,
      email: fc.option(fc.constant('p@x.example'), { nil: null }),
      howIKnow: optional(fc.constantFrom('is a friend from university', 'and I worked together at Acme', 'and I met at a conference.')),
      credit: messyText,
      gain: messyText,
      role: optional(fc.constantFrom('Founder at Juniper Robotics', 'Partner', 'Acme, Inc.')),
    })
    fc.assert(
      fc.property(signer, side, side, messyText, fc.constantFrom('a' as const, 'b' as const), (s, a, b, context, schedules) => {
        const email = composeIntroEmail({ signer: s, a, b, context, schedules })
        clean(email.body)
        clean(email.subject)
        expect(email.subject.startsWith(`Intro: ${clause(a.name)} <> ${clause(b.name)}`)).toBe(true)
        expect(email.body).toContain(clause(a.name))
        expect(email.body).toContain(clause(b.name))
        signed(email.body, s)
        for (const p of [a, b]) {
          if (p.email === null) expect(email.warnings.some((w) => w.includes('has no email address'))).toBe(true)
        }
        const handoff = composeHandoff(s, a, b, email.subject)
        clean(handoff.body)
        expect(handoff.body).toContain(firstName(a.name))
        expect(handoff.body).toContain(firstName(b.name))
        signed(handoff.body, s)
      }),
    )
  })
})

// ---- Examples a user would recognise ---------------------------------------------

const jordan = { fullName: 'Jordan Avery', role: 'Head of Growth', organisation: 'Wayfinder', credibility: 'we doubled paid teams in a year', signOff: '' }

describe('the blurb, as users met it', () => {
  it('puts the user’s “why” in as their own sentence, not after “view on”', () => {
    const text = composeBlurb({ ...jordan, target: 'Kenji Mori', why: "you led Harbor Capital's seed rounds", offer: 'I can share our data on what made teams upgrade', ask: '' })
    expect(text).toBe(
      "I'm Jordan Avery, Head of Growth at Wayfinder — we doubled paid teams in a year. You led Harbor Capital's seed rounds. I can share our data on what made teams upgrade. " +
        DEFAULT_BLURB_ASK,
    )
    expect(text).not.toContain('view on')
    expect(checkBlurb(composeBlurbSentences({ ...jordan, target: 'Kenji Mori', why: "you led Harbor Capital's seed rounds", offer: 'I can share our data', ask: '' }), 'Jordan Avery', 'Kenji Mori').problems).toEqual([])
  })

  it('runs a line of credibility written as its own sentence on after the dash, and keeps a name’s capital', () => {
    const who = (credibility: string) => composeBlurbSentences({ ...jordan, credibility, target: 'Kenji Mori', why: 'x', offer: 'y' }).who
    expect(who('Previously led routing at Flexport.')).toBe("I'm Jordan Avery, Head of Growth at Wayfinder — previously led routing at Flexport.")
    expect(who("Stripe's first PM")).toBe("I'm Jordan Avery, Head of Growth at Wayfinder — Stripe's first PM.")
    expect(who("One Medical's first PM")).toBe("I'm Jordan Avery, Head of Growth at Wayfinder — One Medical's first PM.")
    expect(who('I ran pricing at two startups')).toBe("I'm Jordan Avery, Head of Growth at Wayfinder — I ran pricing at two startups.")
  })

  it('says when the reason speaks of the person it is forwarded to as he, she or they', () => {
    const check = (why: string) => checkBlurb(composeBlurbSentences({ ...jordan, target: 'Kenji Mori', why, offer: 'I can share our data', ask: '' }), 'Jordan Avery', 'Kenji Mori').problems
    expect(check("he led Harbor Capital's seed rounds")).toEqual([
      'The reason speaks of Kenji as "He", and this note is forwarded to Kenji: say it to them ("You led…"), or say what you hope to learn.',
    ])
    expect(check('Their team priced two marketplaces')).toHaveLength(1)
    expect(check('Hearing how you priced two marketplaces would help us')).toEqual([])
  })

  it('uses “What you can offer” instead of a stock sentence, and flags the stock sentence when it is empty', () => {
    const parts = composeBlurbSentences({ ...jordan, target: 'Kenji Mori', why: 'You led seed rounds.', offer: '' })
    expect(parts.bring).toBe('I would be glad to help in return however I can.')
    const check = checkBlurb(parts, 'Jordan Avery', 'Kenji Mori')
    expect(check.generic).toEqual(['bring'])
    expect(check.missing).toEqual([])
    expect(check.problems).toEqual(['Generic: say what you bring.'])
  })

  it('flags a profile with only a name, and a missing why, as generic', () => {
    const parts = composeBlurbSentences({ fullName: 'Jordan Avery', role: '', organisation: '', credibility: '', target: 'Kenji Mori', why: '', offer: 'I can help.' })
    expect(parts.who).toBe("I'm Jordan Avery.")
    expect(parts.why).toBe('I would welcome the chance to learn from Kenji.')
    expect(checkBlurb(parts, 'Jordan Avery', 'Kenji Mori').generic).toEqual(['who', 'why'])
  })

  it('judges the sentences the user edited: doubled marks, gaps, more than four sentences', () => {
    const edited = { who: "I'm Jordan Avery, Head of Growth.. at Wayfinder.", why: 'He led the seed rounds at .', bring: 'I can share data. Lots of it. Really.', ask: 'Could we talk for 15 minutes?' }
    const check = checkBlurb(edited, 'Jordan Avery', 'Kenji Mori')
    expect(check.problems).toContain('6 sentences: keep it to four.')
    expect(check.problems).toContain('Doubled punctuation (“..”): keep one mark.')
    expect(check.problems.some((p) => p.startsWith('A gap where something is missing'))).toBe(true)
  })

  it('does not count a title as a sentence end', () => {
    expect(sentences("I'm Dr. Ana Silva, a surgeon. Would a call work?")).toHaveLength(2)
  })
})

describe('the ask, as users met it', () => {
  it('is signed with the full name, or the user’s own sign-off', () => {
    const m = composeAsk({ signer: jordan, connector: 'Vera Walsh', connectorEmail: 'vera@harbor.example', target: 'Yara Schmidt', why: 'She priced two marketplaces.', offer: 'I can share our supply data.', blurb: '' })
    expect(m.body.endsWith('Thank you,\nJordan Avery')).toBe(true)
    expect(m.to).toEqual(['vera@harbor.example'])
    expect(m.subject).toBe('Would you introduce me to Yara Schmidt?')
    expect(signature({ fullName: 'Jordan Avery', signOff: 'Best, Jordan' })).toBe('Best, Jordan')
    expect(signature({ fullName: 'Jordan Avery', signOff: 'Warm regards,' })).toBe('Warm regards,\nJordan Avery')
  })

  it('does not say the why and the offer twice when the blurb below carries them word for word', () => {
    const why = 'She priced two marketplaces.'
    const offer = 'I can share our supply data.'
    const blurb = `I'm Jordan Avery, Head of Growth at Wayfinder. ${why} ${offer} Would you have 15 minutes?`
    const body = composeAsk({ signer: jordan, connector: 'Vera Walsh', target: 'Yara Schmidt', why, offer, blurb }).body
    expect(body.split(why)).toHaveLength(2)
    expect(body.split(offer)).toHaveLength(2)
    expect(body).toContain('Here is a short note about me that you could forward to Yara; it says why I would like to meet them and what I can offer:')
    // Rewritten in the blurb: the note keeps its own sentence.
    const own = composeAsk({ signer: jordan, connector: 'Vera Walsh', target: 'Yara Schmidt', why, offer, blurb: `I'm Jordan. ${offer}` }).body
    expect(own.split(why)).toHaveLength(2)
    expect(own.split(offer)).toHaveLength(2)
    expect(own.indexOf(why)).toBeLessThan(own.indexOf('it says what I can offer:'))
    // Only a whole sentence is carried: "AI." is not said by "...in generative AI."
    const part = composeAsk({ signer: jordan, connector: 'Vera Walsh', target: 'Yara Schmidt', why: 'AI.', offer: '', blurb: 'I work in generative AI. Would you have 15 minutes?' }).body
    expect(part).toContain('\n\nAI.\n\n')
    expect(part).toContain('In case it helps, here is a short note about me')
  })

  it('asks permission first, then the user’s why and offer, then an easy no', () => {
    const body = composeAsk({ signer: jordan, connector: 'Vera Walsh', target: 'Yara Schmidt', why: 'she priced two marketplaces', offer: 'I can share our supply data', blurb: 'BLURB' }).body
    const at = (s: string): number => body.indexOf(s)
    expect(at('Would you be open to introducing me to Yara Schmidt?')).toBeGreaterThan(0)
    expect(at('Would you be open')).toBeLessThan(at('She priced two marketplaces.'))
    expect(at('She priced two marketplaces.')).toBeLessThan(at('I can share our supply data.'))
    expect(at('I can share our supply data.')).toBeLessThan(at('BLURB'))
    expect(at('BLURB')).toBeLessThan(at('I completely understand'))
  })

  it('asks for one hop of a longer path: the next person, saying why, never the goal directly', () => {
    const body = composeAsk({ signer: jordan, connector: 'Vera Walsh', target: 'Cy Park', goal: 'Yara Schmidt', why: '', offer: '', blurb: '' }).body
    expect(body).toContain('Would you be open to introducing me to Cy Park? I am hoping to reach Yara Schmidt in the end, and Cy is well placed to help me with that.')
    expect(body).not.toMatch(/introduc\w* me to Yara/)
    expect(body).toContain('please ask Cy first')
    expect(checkAsk('Hi Vera, would you introduce me to Yara Schmidt? No worries if not.', { connector: 'Vera Walsh', connectorEmail: null, target: 'Cy Park', goal: 'Yara Schmidt', why: '', offer: '', edited: true })).toEqual([
      'Vera has no email address: add it or send to them separately.',
      'Ask Vera for Cy Park, who can reach Yara Schmidt, not for Yara Schmidt directly.',
    ])
  })

  it('gives the person asked for on a longer path a blurb about them, not about the person beyond them', () => {
    const fields = { fullName: 'Jordan Avery', role: 'Founder', organisation: 'Wayfinder', credibility: '', target: 'Cy Park', goal: 'Yara Schmidt', why: '', offer: '' }
    const blurb = composeBlurb(fields)
    expect(blurb).toContain('I would welcome the chance to learn from Cy.')
    expect(blurb).not.toContain('Yara')
    // The stock sentence earlier drafts carried is still known for one.
    expect(checkBlurb('I am Jordan. I am hoping to reach Yara Schmidt, and Cy could help me get there. I can share our data. Would you have 15 minutes?', 'Jordan Avery', 'Cy Park', 'Yara Schmidt').generic).toContain('why')
  })

  it('says what is missing from the note', () => {
    const fields = { connector: 'Vera Walsh', connectorEmail: 'v@x.example', target: 'Yara Schmidt', why: '', offer: '', edited: false }
    const body = composeAsk({ ...fields, signer: jordan, blurb: '' }).body
    expect(checkAsk(body, fields)).toEqual(['Say why Yara Schmidt in particular.', 'Say what you can offer Yara Schmidt, not only what you want.'])
    expect(checkAsk('Vera, introduce me to Yara.. now', { ...fields, edited: true })).toEqual([
      'Ask for permission (a question), rather than assume.',
      'Give Vera an easy way to say no.',
      'Doubled punctuation (“..”): keep one mark.',
    ])
  })
})

describe('introducing two people, as users met it', () => {
  it('pitches each side its own gain, signed with the profile', () => {
    const a = composeOptIn({ signer: jordan, to: 'Ana Silva', toEmail: 'ana@acme.example', other: 'Ben Okafor', otherContext: 'Head of Hiring at Beta', gain: 'Ben is hiring data engineers like your team' })
    expect(a.body).toBe(
      [
        'Hi Ana,',
        '',
        'Would you like me to introduce you to Ben Okafor, Head of Hiring at Beta?',
        'Ben is hiring data engineers like your team.',
        '',
        'Only if you are interested and have the time: a simple "not now" is completely fine.',
        '',
        'Best,',
        'Jordan Avery',
      ].join('\n'),
    )
  })

  it('says "meet" and what each does when the user has not said how they know them', () => {
    const email = composeIntroEmail({
      signer: jordan,
      a: { name: 'Grace Lindqvist', email: 'g@x.example', howIKnow: '', credit: '', gain: 'you are both interested in fintech', role: 'Partner at Quarry Ventures' },
      b: { name: 'Valentina Ferreira', email: 'v@x.example', howIKnow: '', credit: '', gain: 'Grace invests in fintech', role: 'Founder at Juniper Robotics' },
      context: '',
      schedules: 'a',
    })
    expect(email.body).toContain('Grace, meet Valentina Ferreira, Founder at Juniper Robotics. You are both interested in fintech.')
    expect(email.body).toContain('Valentina, meet Grace Lindqvist, Partner at Quarry Ventures. Grace invests in fintech.')
    // Said how: the user's words carry on from the name and what they do (it was left out once how was said).
    const said = composeIntroEmail({
      signer: jordan,
      a: { name: 'Grace Lindqvist', email: 'g@x.example', howIKnow: '', credit: '', gain: 'x', role: 'Partner' },
      b: { name: 'Valentina Ferreira', email: 'v@x.example', howIKnow: 'is a friend from university', credit: '', gain: 'y', role: 'Founder' },
      context: '',
      schedules: 'a',
    })
    expect(said.body).toContain('Grace, Valentina Ferreira, Founder, is a friend from university.')
  })

  it('says when someone has no email address instead of leaving them out silently', () => {
    const email = composeIntroEmail({
      signer: jordan,
      a: { name: 'Ana Silva', email: 'ana@acme.example', howIKnow: '', credit: '', gain: 'Kenji knows the market.', role: '' },
      b: { name: 'Kenji Mori', email: null, howIKnow: '', credit: '', gain: 'Ana is hiring.', role: '' },
      context: '',
      schedules: 'a',
    })
    expect(email.to).toEqual(['ana@acme.example'])
    expect(email.warnings).toEqual(['Kenji has no email address: add it or send to them separately.'])
    expect(email.body.endsWith('Best,\nJordan Avery')).toBe(true)
    const handoff = composeHandoff({ fullName: 'Jordan Avery', signOff: 'Cheers, Jordan' }, { name: 'Ana Silva', email: 'a@x.example' }, { name: 'Kenji Mori', email: null }, email.subject)
    expect(handoff.body.endsWith('Cheers, Jordan')).toBe(true)
  })
})
