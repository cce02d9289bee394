import { describe, expect, it } from 'vitest'
import { parseAddresses } from './addresses'

const emails = (value: string): (string | null)[] => parseAddresses(value).map((p) => p.email)

describe('address headers', () => {
  it('reads the members of a named group, and an empty group as no one, even in angle brackets', () => {
    expect(emails('Team: a@example.org, "B, Bee" <b@example.org>;, c@example.org')).toEqual(['a@example.org', 'b@example.org', 'c@example.org'])
    expect(emails('undisclosed-recipients:;')).toEqual([])
    expect(emails('<undisclosed-recipients:;>')).toEqual([])
  })

  it('takes a comment as the name, drops a name that repeats the address, and lower-cases addresses', () => {
    expect(parseAddresses('Ana@Example.org (Ana Silva)')).toEqual([{ email: 'ana@example.org', name: 'Ana Silva', linkedinUrl: null }])
    expect(parseAddresses('"ana@example.org" <ANA@example.org>')).toEqual([{ email: 'ana@example.org', name: null, linkedinUrl: null }])
  })

  it('decodes an encoded name after splitting the list, so a comma inside it does not split a person', () => {
    // "Okafor, Ben" encoded in Q: the comma is hidden until decoded
    expect(parseAddresses('=?UTF-8?Q?Okafor=2C_Ben?= <ben@example.com>, kenji@example.net').map((p) => [p.email, p.name])).toEqual([
      ['ben@example.com', 'Okafor, Ben'],
      ['kenji@example.net', null],
    ])
  })

  it('reads one person the same however the mailer spelled them: plain, quoted, encoded, spaced, commented', () => {
    const ana = [{ email: 'ana@example.org', name: 'Ana Silva', linkedinUrl: null }]
    for (const value of [
      'Ana Silva <Ana@Example.org>',
      '"Ana Silva" <ana@example.org>',
      '  Ana \t Silva  <ana@example.org> ',
      'Ana Silva<ana@example.org>',
      "\"'Ana Silva'\" <ana@example.org>",
      'ana@example.org (Ana Silva)',
      '=?UTF-8?Q?Ana_Silva?= <ana@example.org>',
      `=?UTF-8?B?${Buffer.from('Ana Silva').toString('base64')}?= <ana@example.org>`,
    ]) {
      expect(parseAddresses(value), value).toEqual(ana)
    }
    expect(parseAddresses(`=?UTF-8?B?${Buffer.from('Zoë Dvořák').toString('base64')}?= <zoe@example.org>`)).toEqual([{ email: 'zoe@example.org', name: 'Zoë Dvořák', linkedinUrl: null }])
    expect(parseAddresses('Zoë Dvořák <zoe@example.org>')).toEqual([{ email: 'zoe@example.org', name: 'Zoë Dvořák', linkedinUrl: null }])
    for (const bare of ['ana@example.org', '<ana@example.org>', '"" <ana@example.org>', '"ANA@example.org" <ana@example.org>']) {
      expect(parseAddresses(bare), bare).toEqual([{ email: 'ana@example.org', name: null, linkedinUrl: null }])
    }
  })

  it('keeps the readable addresses of a list with a broken one', () => {
    expect(emails('Bob Smith <bob@example.org>, broken <<, carol@example.org')).toEqual(['bob@example.org', 'carol@example.org'])
  })
})
