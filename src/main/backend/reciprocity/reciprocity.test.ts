import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { WEEK_47, needsAndOffers } from '../testing/needs-and-offers'
import { openTempBackend } from '../testing/temp'

describe('reciprocity and ties going cold', () => {
  it('shows who I owe with a nudge naming who can help, and strong ties past their cadence', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { me, ana, dee, cy } = await needsAndOffers(backend)
    for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) {
      await ok(backend, 'favors.log', { giverId: ana.id, receiverId: me.id, date, kind: 'advice', size: 'small' })
    }
    const rec = await ok(backend, 'reciprocity.get', {})
    expect(rec.standings[0]).toMatchObject({ person: { name: 'Ana' }, receivedByMe: 3, givenByMe: 0, balance: -3, trend: -3 })
    expect(rec.nudges[0]?.text).toBe('You have received 3 favors from Ana and given none; they are looking for designers, and you know 3 people who can help.')
    await ok(backend, 'interactions.log', { date: '2026-11-10', kind: 'call', people: [dee.id] })
    // Cy: talked 200 days ago, cold by the default for a close tie (60 days), not by Cy's own cadence.
    await ok(backend, 'interactions.log', { date: '2026-05-02', kind: 'call', people: [cy.id] })
    await ok(backend, 'people.update', { id: cy.id, patch: { cadenceDays: 400 } })
    const week = await ok(backend, 'week.get', {})
    const cold = week.coldTies.map((t) => t.person.name)
    expect(cold).not.toContain('Dee')
    expect(cold).not.toContain('Cy')
    expect(cold).toContain('Ana')
    expect(week.favorsToReturn[0]?.person.name).toBe('Ana')
  })

  it('names the same people who can help every time, strongest first, and the give-back follow-up names them too', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const vera = await ok(backend, 'people.create', { name: 'Vera', needs: ['designers'] })
    const yara = await ok(backend, 'people.create', { name: 'Yara' })
    await ok(backend, 'relationships.set', { a: me.id, b: vera.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: vera.id, b: yara.id, strength: 4 })
    // Added in an order that is neither by strength nor by name; Cal offers designers twice over.
    for (const [name, strength] of [['Eve', 2], ['Dan', 2], ['Cal', 3], ['Bea', 3], ['Ann', 3], ['Zed', 4]] as const) {
      const p = await ok(backend, 'people.create', { name, offers: name === 'Cal' ? ['designers', 'Designers!'] : ['Designers'] })
      await ok(backend, 'relationships.set', { a: me.id, b: p.id, strength })
    }
    await ok(backend, 'favors.log', { giverId: vera.id, receiverId: me.id, date: '2026-11-01', kind: 'advice', size: 'small' })
    for (let k = 0; k < 2; k++) expect((await ok(backend, 'reciprocity.get', {})).nudges[0]?.helpers.map((h) => h.name)).toEqual(['Zed', 'Ann', 'Bea', 'Cal', 'Dan'])
    // Six can help and five are named: the count says so.
    expect((await ok(backend, 'reciprocity.get', {})).nudges[0]?.text).toMatch(/you know 6 people who can help \(the 5 you know best are named\)\.$/)
    const ask = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    for (const to of ['asked', 'agreed'] as const) await ok(backend, 'introductions.move', { id: ask.id, to })
    const made = await ok(backend, 'introductions.move', { id: ask.id, to: 'introduced' })
    expect(made.tasks.find((t) => t.kind === 'give_back')?.title).toBe('Give back to Vera: they are looking for designers; you know Zed, Ann and Bea, who can help.')
  })

  it('leaves out of the people who can help anyone they know already, were introduced to, or said no to', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const vera = await ok(backend, 'people.create', { name: 'Vera', needs: ['designers'] })
    const yara = await ok(backend, 'people.create', { name: 'Yara' })
    await ok(backend, 'relationships.set', { a: me.id, b: vera.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: vera.id, b: yara.id, strength: 4 })
    const designer: Record<string, number> = {}
    for (const name of ['Ann', 'Bea', 'Cal', 'Dan']) {
      const p = await ok(backend, 'people.create', { name, offers: ['designers'] })
      await ok(backend, 'relationships.set', { a: me.id, b: p.id, strength: 3 })
      designer[name] = p.id
    }
    // (Much owed: introducing Vera to Bea below is a favor given too.)
    for (const date of ['2026-10-01', '2026-11-01']) await ok(backend, 'favors.log', { giverId: vera.id, receiverId: me.id, date, kind: 'introduction', size: 'large' })
    // Ann knows Vera; Bea was introduced to her; Cal said no; Dan is new to her.
    await ok(backend, 'relationships.set', { a: designer.Ann ?? 0, b: vera.id, strength: 2 })
    const withBea = await ok(backend, 'introductions.connect', { a: vera.id, b: designer.Bea ?? 0 })
    await ok(backend, 'introductions.move', { id: withBea.id, to: 'introduced', confirmed: true })
    // (The tie the introduction gave them is taken away: the introduction alone keeps Bea out.)
    const learned = (await ok(backend, 'people.get', { id: vera.id })).relationships.find((r) => r.other.id === designer.Bea)
    await ok(backend, 'relationships.delete', { id: learned?.id ?? 0 })
    const withCal = await ok(backend, 'introductions.connect', { a: vera.id, b: designer.Cal ?? 0 })
    await ok(backend, 'introductions.move', { id: withCal.id, to: 'asking' })
    await ok(backend, 'introductions.answer', { id: withCal.id, side: 'b', answer: 'no' })
    expect((await ok(backend, 'reciprocity.get', {})).nudges[0]?.helpers.map((h) => h.name)).toEqual(['Dan'])
    const ask = await ok(backend, 'introductions.request', { path: [me.id, vera.id, yara.id] })
    for (const to of ['asked', 'agreed'] as const) await ok(backend, 'introductions.move', { id: ask.id, to, confirmed: true })
    const made = await ok(backend, 'introductions.move', { id: ask.id, to: 'introduced' })
    expect(made.tasks.find((t) => t.kind === 'give_back')?.title).toBe('Give back to Vera: they are looking for designers; you know Dan, who can help.')
  })

  it('names namesakes in full, with their company, so three Graces are told apart', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const graces = [
      await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Harbor Capital' }),
      await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Northwind', allowDuplicate: true }),
      await ok(backend, 'people.create', { name: 'Grace Liu' }),
    ]
    for (const g of graces) await ok(backend, 'favors.log', { giverId: g.id, receiverId: me.id, date: '2026-11-01', kind: 'advice', size: 'small' })
    const rec = await ok(backend, 'reciprocity.get', {})
    expect(rec.standings.map((s) => s.label).sort()).toEqual(['Grace Ferreira (Harbor Capital)', 'Grace Ferreira (Northwind)', 'Grace Liu'])
    expect(rec.nudges.map((n) => n.text).sort()).toEqual([
      'You have received 1 favor from Grace Ferreira (Harbor Capital) and given none; ask what they are looking for.',
      'You have received 1 favor from Grace Ferreira (Northwind) and given none; ask what they are looking for.',
      'You have received 1 favor from Grace Liu and given none; ask what they are looking for.',
    ])
    expect((await ok(backend, 'week.get', {})).favorsToReturn.map((n) => n.label).sort()).toEqual(rec.standings.map((s) => s.label).sort())
  })

  it('tells namesakes at the same company apart by their title, else by their id', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const partner = await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Harbor Capital', title: 'Partner' })
    const analyst = await ok(backend, 'people.create', { name: 'grace ferreira', company: 'Harbor Capital', title: 'Analyst', allowDuplicate: true })
    const untitled = await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Harbor Capital', allowDuplicate: true })
    const elsewhere = await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Northwind', allowDuplicate: true })
    for (const g of [partner, analyst, untitled, elsewhere]) await ok(backend, 'favors.log', { giverId: g.id, receiverId: me.id, date: '2026-11-01', kind: 'advice', size: 'small' })
    const rec = await ok(backend, 'reciprocity.get', {})
    expect(rec.standings.map((s) => s.label).sort()).toEqual(
      [
        'Grace Ferreira (Harbor Capital, Partner)',
        'grace ferreira (Harbor Capital, Analyst)',
        `Grace Ferreira (Harbor Capital #${untitled.id})`,
        'Grace Ferreira (Northwind)',
      ].sort(),
    )
  })
})
