/**
 * The renderer's Content-Security-Policy. Scripts are allowed by hash only:
 * the built page names its one script with an `integrity` attribute, and the
 * policy lists that same hash, so no other script (inline, injected, or
 * another file of our own origin) can run. Styles keep 'unsafe-inline'
 * (docs/security.md, item 7, says why).
 */

/** A CSP hash-source value as an `integrity` attribute spells it (without quotes). */
const SCRIPT_HASH = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/

function directives(scriptHashes: readonly string[]): string[] {
  const hashes = scriptHashes.filter((h) => SCRIPT_HASH.test(h))
  return [
    "default-src 'none'",
    hashes.length === 0 ? "script-src 'none'" : `script-src ${hashes.map((h) => `'${h}'`).join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]
}

/**
 * The page's policy, allowing exactly the scripts whose hashes are given.
 * `frameAncestors` adds `frame-ancestors 'none'`, which only a response
 * header can carry (browsers ignore it in a meta tag).
 */
export function contentSecurityPolicy(scriptHashes: readonly string[], options: { frameAncestors?: boolean } = {}): string {
  const list = directives(scriptHashes)
  if (options.frameAncestors === true) list.push("frame-ancestors 'none'")
  return list.join('; ')
}

/** The policy for responses that are not the page (API answers, errors): nothing may run or load. */
export const NOTHING_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The hashes the built page's `<script>` tags carry in their `integrity`
 * attributes, which is what its policy must allow.
 */
export function scriptHashesOf(html: string): string[] {
  const hashes: string[] = []
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const integrity = /\sintegrity="([^"]*)"/i.exec(tag)?.[1]
    if (integrity === undefined) continue
    for (const value of integrity.split(/\s+/)) if (SCRIPT_HASH.test(value)) hashes.push(value)
  }
  return hashes
}
