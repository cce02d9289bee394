/**
 * The renderer's Content-Security-Policy: only our own scripts, no eval, no
 * network beyond our own origin. Inline styles are allowed because Mantine
 * sets style attributes.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** For the meta tag of the built page (the desktop app loads it from a file). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ')

/** For browser mode's response headers, where framing can be refused too. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')
