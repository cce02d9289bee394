import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from './external-url'
import { isEmailAddress } from './email-address'
import { wellFormed, wellFormedDeep } from './text'

describe('links handed to the operating system', () => {
  it('refuses a mailto whose address carries its own headers (the injection from issue #13)', () => {
    expect(isAllowedExternalUrl('mailto:a@b.co?bcc=spy%40evil.example&subject=Hi')).toBe(false)
    // The same text percent-encoded into the address part is still not an address.
    expect(isAllowedExternalUrl(`mailto:${encodeURIComponent('a@b.co?bcc=spy%40evil.example&subject=Hi')}`)).toBe(false)
  })

  it('refuses every header Kith does not write, and a header given twice', () => {
    for (const header of ['bcc', 'from', 'to', 'reply-to', 'in-reply-to', 'Subject', 'X-Anything']) {
      expect(isAllowedExternalUrl(`mailto:ana@acme.example?${header}=spy%40evil.example`), header).toBe(false)
    }
    expect(isAllowedExternalUrl('mailto:ana@acme.example?subject=a&subject=b')).toBe(false)
    expect(isAllowedExternalUrl('mailto:ana@acme.example?subject')).toBe(false)
    expect(isAllowedExternalUrl('mailto:ana@acme.example#x')).toBe(false)
  })

  it('refuses addresses that are not email addresses, in To and in Cc, and line breaks outside the body', () => {
    expect(isAllowedExternalUrl('mailto:not-an-address')).toBe(false)
    expect(isAllowedExternalUrl('mailto:ana@acme.example,evil')).toBe(false)
    expect(isAllowedExternalUrl('mailto:ana@acme.example?cc=spy@evil.example%3Fbcc%3Dx@y.example')).toBe(false)
    expect(isAllowedExternalUrl('mailto:ana@acme.example?subject=Hi%0D%0ABcc:%20spy@evil.example')).toBe(false)
    expect(isAllowedExternalUrl('mailto:ana@acme.example?body=%E0%A4%A')).toBe(false)
  })

  it('lets through the mailto links Kith makes', () => {
    expect(isAllowedExternalUrl('mailto:ana@acme.example')).toBe(true)
    expect(isAllowedExternalUrl('mailto:ana@acme.example,ben%2Bintro@beta.example?cc=cy@gamma.example&subject=Hi%20there&body=a%0D%0Ab')).toBe(true)
    expect(isAllowedExternalUrl('mailto:?subject=Hi')).toBe(true)
  })

  it('refuses https links with a user name or password, and every other scheme', () => {
    expect(isAllowedExternalUrl('https://www.linkedin.com/in/ana')).toBe(true)
    expect(isAllowedExternalUrl('https://bank.example@evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pass@ana.example/')).toBe(false)
    for (const url of ['http://ana.example', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'MAILTO:ana@acme.example', 42, null]) {
      expect(isAllowedExternalUrl(url), String(url)).toBe(false)
    }
  })
})

describe('email addresses', () => {
  it('accepts ordinary addresses and refuses anything a mail link could read as more', () => {
    for (const ok of ['ana@acme.example', 'ben+intro@beta.example', "o'brien@x.co", 'first.last@mail.sub.example.org']) expect(isEmailAddress(ok), ok).toBe(true)
    for (const bad of ['a@b.co?bcc=spy%40evil.example&subject=Hi', 'a@b', 'a b@c.example', 'a@b.example#x', 'a%40b@c.example', '<a@b.example>', 'a@b.example\r\nBcc: x@y.example', `${'a'.repeat(250)}@b.example`]) {
      expect(isEmailAddress(bad), bad).toBe(false)
    }
  })
})

describe('well-formed text', () => {
  it('replaces a lone surrogate with U+FFFD and keeps whole characters', () => {
    expect(wellFormed('A\uD800B')).toBe('A\uFFFDB')
    expect(wellFormed('\uDC00end')).toBe('\uFFFDend')
    expect(wellFormed('end\uD83D')).toBe('end\uFFFD')
    expect(wellFormed('smile 😀')).toBe('smile 😀')
  })

  it('reaches every string in arguments, keys included, without touching prototypes', () => {
    const args = JSON.parse('{"name":"A\\ud800","emails":["x\\udfff@y.example"],"__proto__":{"polluted":"\\ud800"}}') as unknown
    const out = wellFormedDeep(args) as Record<string, unknown>
    expect(out.name).toBe('A\uFFFD')
    expect(out.emails).toEqual(['x\uFFFD@y.example'])
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
