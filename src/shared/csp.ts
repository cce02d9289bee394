/**
 * The renderer's Content-Security-Policy. Scripts are allowed by hash only:
 * the built page pins each of its script modules (the entry and one chunk
 * per page) by hash in an import map and its script tag, and the policy
 * lists exactly those hashes and the import map's, so no other script
 * (inline, injected, changed on disk, or another file of our own origin) can
 * run in the page (src/main/page-seal.ts); a worker may be started from a
 * script file of our own origin. Style elements need a nonce, new
 * for every load of the page, which the page hands to Mantine; style
 * attributes in markup are refused (the page sets styles through the DOM).
 */

/**
 * Stands in the built page for the style nonce, in its policy and in the
 * meta tag the page reads it from; each response replaces it with a fresh one.
 */
export const STYLE_NONCE_PLACEHOLDER = 'KithStyleNoncePlaceholder'

/** The meta tag (by name) that hands the page its style nonce. */
export const STYLE_NONCE_META = 'kith-style-nonce'

/** A CSP hash-source value as an `integrity` attribute spells it (without quotes). */
export const SCRIPT_HASH = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/

function directives(scriptHashes: readonly string[], styleNonce: string): string[] {
  const hashes = scriptHashes.filter((h) => SCRIPT_HASH.test(h))
  return [
    "default-src 'none'",
    hashes.length === 0 ? "script-src 'none'" : `script-src ${hashes.map((h) => `'${h}'`).join(' ')}`,
    `style-src 'self' 'nonce-${/^[A-Za-z0-9+/_-]+={0,2}$/.test(styleNonce) ? styleNonce : STYLE_NONCE_PLACEHOLDER}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The network map's layout runs in a worker script of our own origin (never a blob or data URL).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]
}

/**
 * The page's policy, allowing exactly the scripts whose hashes are given,
 * and style elements carrying `styleNonce` (the placeholder in the built
 * page). `frameAncestors` adds `frame-ancestors 'none'`, which only a
 * response header can carry (browsers ignore it in a meta tag).
 */
export function contentSecurityPolicy(
  scriptHashes: readonly string[],
  options: { frameAncestors?: boolean; styleNonce?: string } = {},
): string {
  const list = directives(scriptHashes, options.styleNonce ?? STYLE_NONCE_PLACEHOLDER)
  if (options.frameAncestors === true) list.push("frame-ancestors 'none'")
  return list.join('; ')
}

/** The policy for responses that are not the page (API answers, errors): nothing may run or load. */
export const NOTHING_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
