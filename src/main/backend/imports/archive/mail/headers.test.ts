import { describe, expect, it } from 'vitest'
import { parseHeaderBlock } from './headers'

describe('a header block', () => {
  it('reads raw 8-bit values that are not UTF-8 as Windows-1252, curly quotes and œ included', () => {
    const block = Buffer.from('From: Se\xe1n O\x92Brien <sean@example.ie>\r\nTo: Fran\xe7ois D\x9cuf <fd@example.fr>\r\nSubject: \x93Caf\xe9\x94 \x96 \x80 20\r\n', 'latin1')
    const headers = parseHeaderBlock(block)
    expect(headers.from).toBe('Seán O’Brien <sean@example.ie>')
    expect(headers.recipients).toEqual(['François Dœuf <fd@example.fr>'])
    expect(headers.subject).toBe('“Café” – € 20')
  })

  it('reads raw UTF-8 as UTF-8', () => {
    const headers = parseHeaderBlock(Buffer.from('From: Zoë Müller <zoe@example.de>\r\n', 'utf8'))
    expect(headers.from).toBe('Zoë Müller <zoe@example.de>')
  })
})
