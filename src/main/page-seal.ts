/**
 * Seals the built page at build time (electron.vite.config.ts): each of its
 * scripts gets an `integrity` attribute with the hash of the file on disk,
 * and the page gets a Content-Security-Policy meta tag allowing exactly
 * those hashes. The desktop protocol handler and browser mode read the same
 * hashes back from the page to send the policy as a header too.
 */
import crypto from 'node:crypto'
import { contentSecurityPolicy, scriptHashesOf, STYLE_NONCE_META, STYLE_NONCE_PLACEHOLDER } from '../shared/csp'

/** sha384 of a file, as an `integrity` attribute and a CSP hash-source spell it. */
export function integrityOf(content: Uint8Array): string {
  return `sha384-${crypto.createHash('sha384').update(content).digest('base64')}`
}

/**
 * The page with every script tag carrying its file's hash and the policy as
 * the first element of its head. `readScript` returns the bytes of the file a
 * script's `src` names (relative to the page). An inline script, a script
 * without a file, or a page without a head is refused: the policy could not
 * allow it without allowing more.
 */
export function sealPage(html: string, readScript: (src: string) => Uint8Array): string {
  const sealed = html.replace(/<script\b([^>]*)>/gi, (_tag, attributes: string) => {
    const src = /\ssrc="([^"]+)"/i.exec(attributes)?.[1]
    if (src === undefined) throw new Error('The built page has an inline script; its Content-Security-Policy allows script files by hash only.')
    const rest = attributes.replace(/\sintegrity="[^"]*"/i, '')
    return `<script${rest} integrity="${integrityOf(readScript(src))}">`
  })
  if (!/<head>/i.test(sealed)) throw new Error('The built page has no <head> to carry its Content-Security-Policy.')
  const policy = contentSecurityPolicy(scriptHashesOf(sealed))
  return sealed.replace(
    /<head>/i,
    `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}">\n    <meta name="${STYLE_NONCE_META}" content="${STYLE_NONCE_PLACEHOLDER}">`,
  )
}

/**
 * The built page as one response sends it: with a fresh style nonce in
 * place of the placeholder (in its meta policy and in the tag the page reads
 * it from), and the policy for the response header, which says the same
 * (plus `frame-ancestors 'none'` if asked).
 */
export function servePage(html: string, options: { frameAncestors?: boolean } = {}): { html: string; policy: string } {
  const styleNonce = crypto.randomBytes(18).toString('base64url')
  return {
    html: html.replaceAll(STYLE_NONCE_PLACEHOLDER, styleNonce),
    policy: contentSecurityPolicy(scriptHashesOf(html), { ...options, styleNonce }),
  }
}
