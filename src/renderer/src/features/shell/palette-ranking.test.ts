import { describe, expect, it } from 'vitest'
import { withRecent } from '../../lib/recent-people'
import { namesAction, rankActions, type PaletteAction } from './palette-ranking'

const ACTIONS: PaletteAction[] = [
  { id: 'add-person', label: 'Add a person' },
  { id: 'log-interaction', label: 'Log an interaction' },
  { id: 'log-favor', label: 'Log a favor' },
  { id: 'go-settings', label: 'Go to Settings', keywords: ['data and backups'] },
  { id: 'theme-dark', label: 'Use the dark theme', keywords: ['appearance', 'colour'] },
]

describe('palette ranking', () => {
  it('puts "Log a favor" among the named actions for "favor", above the people', () => {
    const ranked = rankActions('favor', ACTIONS)
    expect(ranked.named.map((a) => a.id)).toEqual(['log-favor'])
  })

  it('needs every typed word to start a word of the action', () => {
    expect(namesAction('log fav', ACTIONS[2] as PaletteAction)).toBe(true)
    expect(namesAction('go set', ACTIONS[3] as PaletteAction)).toBe(true)
    expect(namesAction('backups', ACTIONS[3] as PaletteAction)).toBe(true)
    expect(namesAction('appear', ACTIONS[4] as PaletteAction)).toBe(true)
    expect(namesAction('grace', ACTIONS[2] as PaletteAction)).toBe(false)
    expect(namesAction('avor', ACTIONS[2] as PaletteAction)).toBe(false)
  })

  it('keeps actions that merely contain the text, below the people', () => {
    const ranked = rankActions('avor', ACTIONS)
    expect(ranked.named).toEqual([])
    expect(ranked.contains.map((a) => a.id)).toEqual(['log-favor'])
  })

  it('offers every action on an empty query', () => {
    expect(rankActions('  ', ACTIONS).named).toHaveLength(ACTIONS.length)
  })

  it('a name that is no action lists no action above the people', () => {
    expect(rankActions('Grace Ferreira', ACTIONS)).toEqual({ named: [], contains: [] })
  })
})

describe('recent people', () => {
  it('moves someone opened again to the front, once, and keeps a few', () => {
    const list = [
      { id: 1, name: 'Ana' },
      { id: 2, name: 'Ben' },
      { id: 3, name: 'Cleo' },
    ]
    expect(withRecent(list, { id: 2, name: 'Ben Okafor' }).map((p) => p.name)).toEqual(['Ben Okafor', 'Ana', 'Cleo'])
    expect(withRecent(list, { id: 4, name: 'Dan' }, 3).map((p) => p.id)).toEqual([4, 1, 2])
  })
})
