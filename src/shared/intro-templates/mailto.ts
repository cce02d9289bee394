import { isEmailAddress } from '../email-address'
import { LINE_BREAKS } from '../text'
import type { Message } from './wording'

/**
 * A mailto: link (RFC 6068), the one place Kith builds them. Every address
 * must be an email address (`isEmailAddress`), or there is no link (null):
 * an address is never trusted to be only an address. Addresses, subject and
 * body are percent-encoded as UTF-8 (an address keeps its @), so nothing left
 * in them can separate a header (&, ?, #, =, +, %); the body's line breaks
 * become %0D%0A, and the subject is one line.
 */
export function mailtoUrl(m: Message): string | null {
  if (![...m.to, ...m.cc].every(isEmailAddress)) return null
  const encode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const address = (a: string): string => encode(a).replace(/%40/g, '@')
  const query: string[] = []
  if (m.cc.length > 0) query.push(`cc=${m.cc.map(address).join(',')}`)
  const subject = m.subject.replace(LINE_BREAKS, ' ')
  if (subject !== '') query.push(`subject=${encode(subject)}`)
  if (m.body !== '') query.push(`body=${encode(m.body.replace(LINE_BREAKS, '\r\n'))}`)
  return `mailto:${m.to.map(address).join(',')}${query.length === 0 ? '' : `?${query.join('&')}`}`
}
