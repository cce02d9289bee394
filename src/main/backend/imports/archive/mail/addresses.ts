/**
 * Address headers (From, To, Cc) to participants, with the email-addresses
 * parser: quoted names with commas, comment-style names (`ana@x.org (Ana)`),
 * groups and empty groups (`undisclosed-recipients:;`). Names are decoded
 * after parsing, so an encoded word that hides a comma or a quote cannot
 * break the list. Addresses are lower-cased; a name that only repeats the
 * address is dropped.
 */
import type emailAddresses from 'email-addresses'
import type { Participant } from '../observation'
import { decodeWords } from './headers'
import { LazyModule } from '../../../lazy-module'

type Parsed = emailAddresses.ParsedMailbox | emailAddresses.ParsedGroup

const addressParser = new LazyModule<typeof emailAddresses>('email-addresses')

/** The same From and To values come back thousands of times in a mailbox; a bounded cache spares the parser. */
const CACHE_LIMIT = 20_000
const cache = new Map<string, readonly Participant[]>()

export function parseAddresses(value: string): readonly Participant[] {
  const hit = cache.get(value)
  if (hit !== undefined) return hit
  // A list without groups is parsed one address at a time, so each address (which recurs far more
  // often than the whole list) is parsed once and then found in the cache; the list itself is not
  // kept, as lists rarely recur and would push the addresses out.
  const parts = hasGroup(value) ? null : splitOutsideQuotes(value)
  if (parts !== null && parts.length > 1) return unique(parts.flatMap((part) => parseAddresses(part)))
  const result = plainAddress(value) ?? parseUncached(value)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(value, result)
  return result
}

function parseUncached(value: string): readonly Participant[] {
  const parsed = parseList(value) ?? splitOutsideQuotes(value).flatMap((part) => parseList(part) ?? salvage(part))
  return unique(parsed.flatMap((item) => (item.type === 'group' ? item.addresses : [item]).map(toParticipant)))
}

/** Letters, digits and the other characters an unquoted word may hold (RFC 5322 atext), which covers encoded words. */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const ADDRESS = `${ATOM}(?:\\.${ATOM})*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*`
/** `addr`, `Name <addr>` or `"Name" <addr>`, in plain ASCII: the shapes nearly every mailer writes. */
const PLAIN = new RegExp(`^[ \\t]*(?:(?:"([^"\\\\\\r\\n]*)"|(${ATOM}(?:[ \\t]+${ATOM})*))?[ \\t]*<(${ADDRESS})>|(${ADDRESS}))[ \\t]*$`)

/**
 * One address in a plain shape, read without the full parser (which then is
 * kept for everything else: comments, groups, odd quoting, raw 8-bit names);
 * null when the value is not that plain. Gives what the parser would.
 */
function plainAddress(value: string): Participant[] | null {
  const m = PLAIN.exec(value)
  if (m === null) return null
  const address = (m[3] ?? m[4] ?? '').toLowerCase()
  const raw = m[1] ?? m[2] ?? null
  let name = raw === null ? null : decodeWords(raw).replace(/\s+/g, ' ').trim()
  name = name?.replace(/^["']+|["']+$/g, '').trim() ?? null
  if (name === '' || name?.toLowerCase() === address) name = null
  return [{ email: address, name, linkedinUrl: null }]
}

function unique(list: readonly (Participant | null)[]): Participant[] {
  const out: Participant[] = []
  const seen = new Set<string>()
  for (const participant of list) {
    if (participant === null || participant.email === null || seen.has(participant.email)) continue
    seen.add(participant.email)
    out.push(participant)
  }
  return out
}

/** A colon outside quotes and angle brackets starts a group (`Team: a@x, b@x;`). */
function hasGroup(value: string): boolean {
  if (!value.includes(':')) return false
  return /:/.test(value.replace(/"(?:[^"\\]|\\.)*"|<[^>]*>|\([^)]*\)/g, ''))
}

function parseList(input: string): Parsed[] | null {
  if (input.trim() === '') return []
  try {
    return addressParser.get()({ input, rfc6532: true, startAt: 'address-list', atInDisplayName: true })?.addresses ?? null
  } catch {
    return null
  }
}

/** The last resort for one address the parser refuses: the part in angle brackets, or a bare word with an @. */
function salvage(part: string): Parsed[] {
  const angle = /<([^<>\s@]+@[^<>\s@]+)>/.exec(part)
  const bare = angle?.[1] ?? /([^\s<>"(),;:]+@[^\s<>"(),;:]+)/.exec(part)?.[1]
  if (bare === undefined) return []
  const name = angle === null ? null : part.slice(0, angle.index).trim().replace(/^"|"$/g, '') || null
  const at = bare.lastIndexOf('@')
  return [{ type: 'mailbox', name, address: bare, local: bare.slice(0, at), domain: bare.slice(at + 1), parts: emptyParts() }]
}

function emptyParts(): emailAddresses.ParsedMailbox['parts'] {
  const node = { name: '', tokens: '', semantic: '', children: [] }
  return { name: null, address: node, local: node, domain: node, comments: [] }
}

/** Splits on commas that are outside quotes, angle brackets and comments. */
function splitOutsideQuotes(value: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let angle = false
  let from = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '\\') i++
    else if (c === '"' && depth === 0) quoted = !quoted
    else if (quoted) continue
    else if (c === '(') depth++
    else if (c === ')' && depth > 0) depth--
    else if (c === '<' && depth === 0) angle = true
    else if (c === '>' && depth === 0) angle = false
    else if ((c === ',' || c === ';') && depth === 0 && !angle) {
      parts.push(value.slice(from, i))
      from = i + 1
    }
  }
  parts.push(value.slice(from))
  return parts.filter((p) => p.trim() !== '')
}

function toParticipant(box: emailAddresses.ParsedMailbox): Participant | null {
  const email = box.address.trim().toLowerCase()
  if (!email.includes('@')) return null
  let name = box.name === null ? null : decodeWords(box.name).replace(/\s+/g, ' ').trim()
  if (name === null || name === '') {
    const comment = box.parts.comments.map((c) => c.tokens.trim().replace(/^\(|\)$/g, '').trim()).find((c) => c !== '')
    name = comment === undefined ? null : decodeWords(comment)
  }
  name = name?.replace(/^["']+|["']+$/g, '').trim() ?? null
  if (name === '' || name?.toLowerCase() === email) name = null
  return { email, name, linkedinUrl: null }
}
