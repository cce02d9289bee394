import { describe, expect, it } from 'vitest'
import { seededRandom } from '../demo/random'
import { appendTrigramCodes, ASCII_GRAMS, foldText, trigramCodes } from './normalize'

/** The trigrams as the words give them, straight from the definition: each word folded and padded. */
function reference(text: string): string[] {
  const grams: string[] = []
  for (const word of foldText(text).split(' ')) {
    if (word === '') continue
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) if (!grams.includes(padded.slice(i, i + 3))) grams.push(padded.slice(i, i + 3))
  }
  return grams
}

/** A code back to its trigram, for codes below ASCII_GRAMS. */
function spell(code: number): string {
  const symbol = (s: number): string => (s === 0 ? ' ' : s <= 26 ? String.fromCharCode(96 + s) : String(s - 27))
  return symbol(Math.floor(code / 1369)) + symbol(Math.floor(code / 37) % 37) + symbol(code % 37)
}

describe('trigram codes', () => {
  it('are the padded trigrams of each folded word, each once, in order, for any text', () => {
    const random = seededRandom(3)
    const letters = 'abzAZ09 -.@_\t\u00e9\ufb01\u2460\u00df'
    const others = new Map<string, number>()
    for (let k = 0; k < 3_000; k++) {
      const text = Array.from({ length: Math.floor(random() * 16) }, () => letters[Math.floor(random() * letters.length)] ?? '').join('')
      const names = new Map([...others].map(([gram, code]) => [code, gram]))
      const codes = trigramCodes(text, others)
      const later = new Map([...others].map(([gram, code]) => [code, gram]))
      const spelt = codes.map((code) => (code < ASCII_GRAMS ? spell(code) : (names.get(code) ?? later.get(code) ?? '?')))
      expect(spelt, JSON.stringify(text)).toEqual(reference(text))
    }
  })

  it('of several fields are those of the fields joined by spaces', () => {
    const others = new Map<string, number>()
    const fields = ['Zoë Ångström', 'Café Noir', '', 'Head of R&D', 'zoe@noir.example']
    const into = { codes: new Int32Array(4), length: 0 }
    appendTrigramCodes(['Ada Lovelace'], others, true, into)
    const before = into.length
    appendTrigramCodes(fields, others, true, into)
    expect(Array.from(into.codes.subarray(before, into.length))).toEqual(trigramCodes(fields.join(' '), others))
    appendTrigramCodes(['Ada', 'Lovelace'], others, true, into)
    expect(Array.from(into.codes.subarray(0, before))).toEqual(trigramCodes('Ada Lovelace', others))
  })
})
