import { describe, expect, it } from 'vitest'
import { IMPORT_PHASES, isImportPhase } from './imports'
import { ASK_STATES, CONNECT_STATES, INTRO_KINDS, isIntroKind, isIntroState, stateWord } from './intro-states'
import {
  CONFIDENCES,
  FAVOR_SIZES,
  INTERACTION_KINDS,
  STRENGTHS,
  isConfidence,
  isFavorSize,
  isInteractionKind,
  isStrength,
  strengthWord,
} from './vocab'

describe('the words every door shows for stored values', () => {
  it('names each strength the way the people page and the CLI do', () => {
    expect(STRENGTHS.map(strengthWord)).toEqual(['Met once', 'Acquaintance', 'Know well', 'Close', 'Very close'])
  })

  it('shows a strength or state Kith does not know as it is, instead of nothing or a crash', () => {
    expect(strengthWord(0)).toBe('0')
    expect(strengthWord(2.5)).toBe('2.5')
    expect(stateWord('lost')).toBe('lost')
  })

  it('names introduction states', () => {
    expect(stateWord('no_reply')).toBe('No reply')
    expect(stateWord('ready')).toBe('Both said yes')
  })
})

describe('checks that narrow text read from outside to the shared lists', () => {
  it('accept every listed value', () => {
    expect(STRENGTHS.every(isStrength)).toBe(true)
    expect(CONFIDENCES.every(isConfidence)).toBe(true)
    expect(FAVOR_SIZES.every(isFavorSize)).toBe(true)
    expect(INTERACTION_KINDS.every(isInteractionKind)).toBe(true)
    expect(INTRO_KINDS.every(isIntroKind)).toBe(true)
    expect([...ASK_STATES, ...CONNECT_STATES].every(isIntroState)).toBe(true)
    expect(IMPORT_PHASES.every(isImportPhase)).toBe(true)
  })

  it('refuse anything else, including look-alikes of another type or case', () => {
    expect([0, 6, '3', 3.5, null].some(isStrength)).toBe(false)
    expect(['Firsthand', 'sure', ''].some(isConfidence)).toBe(false)
    expect(['huge', 'Small'].some(isFavorSize)).toBe(false)
    expect(['lunch', 'Call', undefined].some(isInteractionKind)).toBe(false)
    expect(['favour', 'ASK'].some(isIntroKind)).toBe(false)
    expect(['done', 'toString', 'constructor'].some(isIntroState)).toBe(false)
    expect(['paused', 'hasOwnProperty'].some(isImportPhase)).toBe(false)
  })
})
