import { describe, expect, it } from 'vitest'
import type { NetworkMap } from '../../../../shared/types'
import {
  colourGroups,
  describeScope,
  edgeBudget,
  findPeople,
  layoutIterations,
  ME_COLOUR,
  nameClusters,
  OTHERS_COLOUR,
  PALETTE,
  PEOPLE_STEPS,
  seedPositions,
  summarise,
} from './map-model'

/** Me (0); Grace (1) and Vera (2) at Harbor; Tom (3) and Omar (4) at Northwind; Ann (5) nowhere. */
function sample(): NetworkMap {
  return {
    ids: [10, 11, 12, 13, 14, 15],
    names: ['Jordan Avery', 'Grace Ferreira', 'Vera Walsh', 'Tom Berg', 'Omar Haddad', 'Ann Grace'],
    organisation: [-1, 0, 0, 1, 1, -1],
    personTags: [[], [], [], [], [], []],
    mine: [0, 5, 0, 2, 0, 0],
    me: 0,
    edges: [0, 1, 5, 0, 3, 2, 1, 2, 4, 3, 4, 1],
    edgesMatched: 4,
    organisations: [
      { id: 1, name: 'Harbor Capital', people: 2 },
      { id: 2, name: 'Northwind', people: 2 },
    ],
    tags: [],
    peopleTotal: 6,
    peopleMatched: 6,
  }
}

const distance = (xy: Float32Array, i: number): number => Math.hypot(xy[i * 2] ?? 0, xy[i * 2 + 1] ?? 0)

describe('the network map model', () => {
  it('starts me at the centre, closer ties nearer, people I do not know outside', () => {
    const xy = seedPositions(sample(), sample().organisation)
    expect(distance(xy, 0)).toBe(0)
    expect(distance(xy, 1)).toBeLessThan(distance(xy, 3))
    for (const stranger of [2, 4, 5]) expect(distance(xy, stranger)).toBeGreaterThan(distance(xy, 3))
    // Arranging again starts from turned rings: everyone moves, each as far from me as before.
    const turned = seedPositions(sample(), sample().organisation, 0.38)
    for (const i of [1, 2, 3, 4, 5]) {
      expect(distance(turned, i)).toBeCloseTo(distance(xy, i), 4)
      expect(Math.hypot((turned[i * 2] ?? 0) - (xy[i * 2] ?? 0), (turned[i * 2 + 1] ?? 0) - (xy[i * 2 + 1] ?? 0))).toBeGreaterThan(1)
    }
  })

  it('colours the largest groups, the rest alike, and me apart, with a legend that counts them', () => {
    const legend = colourGroups(sample(), sample().organisation, (o) => ['Harbor Capital', 'Northwind'][o] ?? '?')
    expect(legend.colours).toEqual([ME_COLOUR.light, PALETTE[0], PALETTE[0], PALETTE[1], PALETTE[1], OTHERS_COLOUR])
    expect(legend.entries.map((e) => `${e.label} ${e.people}`)).toEqual(['You 1', 'Harbor Capital 2', 'Northwind 2', 'Everyone else 1'])
    // On a dark page I am drawn light, in the legend too.
    const dark = colourGroups(sample(), sample().organisation, () => '', ME_COLOUR.dark)
    expect([dark.colours[0], dark.entries[0]?.colour]).toEqual([ME_COLOUR.dark, ME_COLOUR.dark])
  })

  it('names a cluster after the organisation most of it works at, else its best-connected person', () => {
    const map = sample()
    map.organisation = [-1, 0, 0, 1, -1, -1]
    const names = nameClusters(map, [-1, 0, 0, 1, 1, -1])
    expect(names.get(0)).toBe('around Harbor Capital')
    // Tom and Omar: one of two at Northwind is a half, enough to name it.
    expect(names.get(1)).toBe('around Northwind')
    map.organisation = [-1, 0, 0, -1, -1, -1]
    expect(nameClusters(map, [-1, 0, 0, 1, 1, -1]).get(1)).toBe('around Tom Berg')
  })

  it('gives clusters distinct names: the organisation and its best-connected person, then a number', () => {
    // Three clusters mostly at Harbor Capital: Grace's, Vera's (with Ann) and Tom's (with Omar).
    const map = sample()
    map.organisation = [-1, 0, 0, 0, 0, -1]
    map.edges = [0, 1, 5, 2, 5, 3, 3, 4, 2]
    map.mine = [0, 5, 0, 0, 0, 0]
    const names = nameClusters(map, [-1, 0, 1, 2, 2, 1])
    expect([names.get(2), names.get(1), names.get(0)]).toEqual([
      'around Harbor Capital and Tom Berg',
      'around Harbor Capital and Vera Walsh',
      'around Harbor Capital and Grace Ferreira',
    ])
    // Everyone on the map at Harbor Capital (the map filtered to it): the clusters go by their people.
    map.organisation = [-1, 0, 0, 0, 0, 0]
    const filtered = nameClusters(map, [-1, 0, 1, 2, 2, 1])
    expect([filtered.get(2), filtered.get(1), filtered.get(0)]).toEqual(['around Tom Berg', 'around Vera Walsh', 'around Grace Ferreira'])
    map.organisation = [-1, 0, 0, 0, 0, -1]
    // Two alike down to their best-connected person: a number tells them apart, the larger unnumbered.
    map.names = ['Jordan Avery', 'Sam Lee', 'Sam Lee', 'Sam Lee', 'Omar Haddad', 'Ann Grace']
    const alike = nameClusters(map, [-1, 0, 0, 1, 1, 1])
    expect([alike.get(1), alike.get(0)]).toEqual(['around Harbor Capital and Sam Lee', 'around Harbor Capital and Sam Lee (2)'])
  })

  it('names a cluster that is a star around me after me, not after whoever else is in it', () => {
    // I know Grace, Vera, Tom and Omar; of them only Tom and Omar know each other.
    const map = sample()
    map.organisation = [-1, -1, -1, -1, -1, -1]
    map.edges = [0, 1, 3, 0, 2, 3, 0, 3, 3, 0, 4, 3, 3, 4, 1]
    const names = nameClusters(map, [0, 0, 0, 0, 0, 1])
    expect(names.get(0)).toBe('around you')
    // A cluster I am not at the centre of is named after its best-connected member other than me.
    map.edges = [0, 1, 3, 1, 2, 3, 1, 3, 3, 1, 4, 3]
    expect(nameClusters(map, [0, 0, 0, 0, 0, 1]).get(0)).toBe('around Grace Ferreira')
  })

  it('says the map in words, including when only the strongest ties are drawn', () => {
    const map = sample()
    expect(summarise(map, null)).toBe('6 people and 4 ties on the map; finding clusters…')
    map.edgesMatched = 12_000
    expect(summarise(map, { count: 2, largest: [{ label: 'around Harbor Capital', people: 2 }] })).toBe(
      '6 people and 4 ties on the map (the 4 strongest of 12,000) in 2 clusters; largest: around Harbor Capital (2 people).',
    )
  })

  it('says when it shows only part of the network, and offers the next wider step up to everyone', () => {
    const map = sample()
    // Everyone who matched is shown: nothing to say.
    expect(describeScope(map, PEOPLE_STEPS[0], false)).toBeNull()
    map.peopleMatched = 50_000
    expect(describeScope(map, 5_000, false)).toEqual({
      text: 'Showing the 6 closest to you and best connected of 50,000 people.',
      widenTo: 20_000,
      widenLabel: 'Show up to 20,000',
    })
    expect(summarise(map, null)).toBe('6 of 50,000 people and 4 ties on the map; finding clusters…')
    // The next step holds everyone: it says so.
    expect(describeScope(map, 20_000, false)).toMatchObject({ widenTo: 1_000_000, widenLabel: 'Show all 50,000' })
    map.peopleMatched = 12_000
    expect(describeScope(map, 5_000, true)).toMatchObject({ text: 'Showing the 6 closest to you and best connected of 12,000 people who match the filters.', widenLabel: 'Show all 12,000' })
  })

  it('asks for a few ties per person shown, and no more than WebGL draws smoothly', () => {
    expect(edgeBudget(200)).toBe(1_000)
    expect(edgeBudget(5_000)).toBe(25_000)
    expect(edgeBudget(1_000_000)).toBe(60_000)
  })

  it('finds people by every word typed, names starting with it first', () => {
    const map = sample()
    expect(findPeople(map, 'grace', 5).map((i) => map.names[i])).toEqual(['Grace Ferreira', 'Ann Grace'])
    expect(findPeople(map, 'GRACE fer', 5).map((i) => map.names[i])).toEqual(['Grace Ferreira'])
    expect(findPeople(map, 'ace', 5).map((i) => map.names[i])).toEqual(['Grace Ferreira', 'Ann Grace'])
    expect(findPeople(map, '   ', 5)).toEqual([])
  })

  it('takes fewer layout steps as the network grows', () => {
    expect(layoutIterations(200)).toBeGreaterThan(layoutIterations(5_000))
    expect(layoutIterations(5_000)).toBeGreaterThan(layoutIterations(50_000))
  })
})
