/**
 * The check on every link Kith hands to the operating system (the desktop
 * app's main process) or to the browser (browser mode): it parses the link
 * and lets through only the shapes Kith itself makes.
 *
 * - `https:` without a user name or password (no "https://bank.example@evil.example").
 * - `mailto:` whose addresses are all email addresses (`isEmailAddress`) and
 *   whose query carries only cc, subject and body, each at most once: a link
 *   that would add a bcc, a from or any other header is refused.
 *
 * Kept apart from `bridge.ts`, which the sandboxed preload imports: this one
 * needs zod, and the preload may load nothing but Electron.
 */
import { isEmailAddress } from './email-address'

/** The only URL schemes Kith will hand to the operating system. */
export const EXTERNAL_URL_SCHEMES = ['mailto:', 'https:'] as const

/** The mailto headers Kith writes (RFC 6068 names them "hfields"). */
export const MAILTO_HEADERS = ['cc', 'subject', 'body'] as const

const MAX_URL_LENGTH = 100_000

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** A comma-separated, percent-encoded address list, every one an address (an empty list is fine). */
function addressesAllValid(list: string): boolean {
  if (list === '') return true
  return list.split(',').every((part) => {
    const address = decode(part)
    return address !== null && isEmailAddress(address)
  })
}

function isAllowedMailto(url: string): boolean {
  const rest = url.slice('mailto:'.length)
  if (rest.includes('#')) return false
  const q = rest.indexOf('?')
  const to = q === -1 ? rest : rest.slice(0, q)
  if (!addressesAllValid(to)) return false
  if (q === -1) return true
  const seen = new Set<string>()
  for (const field of rest.slice(q + 1).split('&')) {
    const eq = field.indexOf('=')
    if (eq === -1) return false
    const name = field.slice(0, eq)
    const value = field.slice(eq + 1)
    if (!(MAILTO_HEADERS as readonly string[]).includes(name) || seen.has(name)) return false
    seen.add(name)
    const text = decode(value)
    if (text === null) return false
    // Only the body may hold line breaks; in any other header they could start a header of their own.
    if (name !== 'body' && /[\r\n\u0085\u2028\u2029]/.test(text)) return false
    if (name === 'cc' && !addressesAllValid(value)) return false
  }
  return true
}

export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'https:') return parsed.username === '' && parsed.password === '' && parsed.hostname !== ''
  // Read from the text as written: the URL parser would tidy away what a mail program might still act on.
  if (parsed.protocol === 'mailto:' && url.startsWith('mailto:')) return isAllowedMailto(url)
  return false
}
