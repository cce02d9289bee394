/**
 * One message's header block (the bytes before the first blank line) to the
 * few headers Kith reads. Lines are unfolded; raw 8-bit values are taken as
 * UTF-8 when they are valid UTF-8, else as Windows-1252; RFC 2047 encoded
 * words are decoded with libmime. Every other header is passed over unread.
 */
import type libmimeModule from 'libmime'
import { LazyModule } from '../../../lazy-module'
import { decodeCharset } from '../../charset'

/** libmime takes about 60 ms to load (its character sets): it is loaded at the first encoded word. */
const libmime = new LazyModule<typeof libmimeModule>('libmime')

export interface MailHeaders {
  from: string | null
  /** every To and Cc header, in order (a message may repeat them) */
  recipients: string[]
  date: string | null
  messageId: string | null
  inReplyTo: string | null
  references: string | null
  subject: string | null
  listId: string | null
  listUnsubscribe: string | null
  precedence: string | null
  autoSubmitted: string | null
  gmailLabels: string | null
  gmailThreadId: string | null
}

const WANTED = new Set([
  'from', 'to', 'cc', 'date', 'message-id', 'in-reply-to', 'references', 'subject', 'list-id',
  'list-unsubscribe', 'precedence', 'auto-submitted', 'x-gmail-labels', 'x-gm-thrid',
])

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Text that came in as latin1 (one char per byte) back to what its bytes say. */
function fromBytes(latin1: string): string {
  if (!/[\u0080-\u00ff]/.test(latin1)) return latin1
  const bytes = Buffer.from(latin1, 'latin1')
  try {
    return utf8.decode(bytes)
  } catch {
    return decodeCharset(bytes, 'windows-1252')
  }
}

/** Decodes RFC 2047 encoded words; text with none is returned as it is. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value
  try {
    return libmime.get().decodeWords(value)
  } catch {
    return value
  }
}

export function parseHeaderBlock(block: Buffer): MailHeaders {
  const headers: MailHeaders = {
    from: null, recipients: [], date: null, messageId: null, inReplyTo: null, references: null, subject: null,
    listId: null, listUnsubscribe: null, precedence: null, autoSubmitted: null, gmailLabels: null, gmailThreadId: null,
  }
  const text = block.toString('latin1')
  let name: string | null = null
  let value = ''
  const flush = (): void => {
    if (name !== null) store(headers, name, fromBytes(value).trim())
    name = null
  }
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end)
    start = end + 1
    const first = line.charCodeAt(0)
    if (first === 32 || first === 9) {
      if (name !== null) value += line
      continue
    }
    flush()
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const key = line.slice(0, colon).trimEnd().toLowerCase()
    if (!WANTED.has(key)) continue
    name = key
    value = line.slice(colon + 1)
  }
  flush()
  return headers
}

function store(h: MailHeaders, name: string, value: string): void {
  switch (name) {
    case 'from':
      h.from ??= value
      break
    case 'to':
    case 'cc':
      if (value !== '') h.recipients.push(value)
      break
    case 'date':
      h.date ??= value
      break
    case 'message-id':
      h.messageId ??= value
      break
    case 'in-reply-to':
      h.inReplyTo ??= value
      break
    case 'references':
      h.references ??= value
      break
    case 'subject':
      h.subject ??= decodeWords(value)
      break
    case 'list-id':
      h.listId ??= value
      break
    case 'list-unsubscribe':
      h.listUnsubscribe ??= value
      break
    case 'precedence':
      h.precedence ??= value
      break
    case 'auto-submitted':
      h.autoSubmitted ??= value
      break
    case 'x-gmail-labels':
      h.gmailLabels ??= decodeWords(value)
      break
    case 'x-gm-thrid':
      h.gmailThreadId ??= value
      break
  }
}

/** The ids in a Message-ID, In-Reply-To or References value, without their angle brackets. */
export function messageIds(value: string | null): string[] {
  if (value === null) return []
  const open = value.indexOf('<')
  const close = value.indexOf('>', open)
  // the common case, one id in brackets: no regular expression needed
  if (open >= 0 && close > open + 1 && value.indexOf('<', open + 1) < 0 && !/\s/.test(value.slice(open + 1, close))) return [value.slice(open + 1, close)]
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] ?? '').filter((id) => id !== '')
  if (ids.length > 0) return ids
  const bare = value.trim()
  return bare !== '' && !/\s/.test(bare) ? [bare] : []
}
