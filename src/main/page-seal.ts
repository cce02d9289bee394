/**
 * Seals the built page at build time (electron.vite.config.ts). The renderer
 * is split into script modules (one per page, loaded when first shown), and
 * each of them is pinned by hash twice over:
 * - the page gets an import map whose `integrity` table gives every module
 *   file its sha384, so the browser refuses a module whose bytes differ
 *   (Subresource Integrity, for dynamic `import()` too);
 * - the page's Content-Security-Policy lists exactly those hashes, the hash
 *   of the import map itself and that of the entry script tag, and nothing
 *   else, so a module fetched without its integrity (or a changed import map)
 *   is refused as well.
 * The desktop protocol handler and browser mode read the same hashes back
 * from the page to send the policy as a header too.
 */
import crypto from 'node:crypto'
import { contentSecurityPolicy, SCRIPT_HASH, STYLE_NONCE_META, STYLE_NONCE_PLACEHOLDER } from '../shared/csp'

/** sha384 of some bytes, as an `integrity` attribute and a CSP hash-source spell it. */
export function integrityOf(content: Uint8Array | string): string {
  return `sha384-${crypto.createHash('sha384').update(content).digest('base64')}`
}

const IMPORT_MAP = /<script type="importmap">([^<]*)<\/script>/i

function withIntegrity(attributes: string, integrity: string): string {
  return `${attributes.replace(/\sintegrity="[^"]*"/i, '')} integrity="${integrity}"`
}

/**
 * The page with its import map, every script and module-preload tag carrying
 * its file's hash, and the policy as the first element of its head.
 * `modules` are the page-relative paths of every script module the page may
 * load (its entry and the chunks it imports, now or later); `readScript`
 * returns the bytes of a file by that path. An inline script, a script tag
 * or preload outside `modules`, or a page without a head is refused: the
 * policy could not allow it without allowing more.
 */
export function sealPage(html: string, modules: readonly string[], readScript: (file: string) => Uint8Array): string {
  const hashes = new Map<string, string>()
  for (const file of modules) {
    const relative = file.replace(/^\.?\//, '')
    if (!/^[\w./-]+\.js$/.test(relative) || relative.split('/').includes('..')) throw new Error(`The page's module ${file} is not a plain script path inside the build.`)
    hashes.set(relative, integrityOf(readScript(relative)))
  }
  const hashOf = (src: string): string => {
    const hash = hashes.get(src.replace(/^\.?\//, ''))
    if (hash === undefined) throw new Error(`The built page loads ${src}, which is not one of its sealed modules.`)
    return hash
  }
  const sealed = html
    .replace(/<script\b([^>]*)>/gi, (_tag, attributes: string) => {
      const src = /\ssrc="([^"]+)"/i.exec(attributes)?.[1]
      if (src === undefined) throw new Error('The built page has an inline script; its Content-Security-Policy allows script files by hash only.')
      return `<script${withIntegrity(attributes, hashOf(src))}>`
    })
    .replace(/<link\b([^>]*\srel="modulepreload"[^>]*)>/gi, (_tag, attributes: string) => {
      const href = /\shref="([^"]+)"/i.exec(attributes)?.[1]
      if (href === undefined) throw new Error('The built page preloads a module without naming it.')
      return `<link${withIntegrity(attributes, hashOf(href))}>`
    })
  if (!/<head>/i.test(sealed)) throw new Error('The built page has no <head> to carry its Content-Security-Policy.')
  // Keys are absolute paths on the page's own origin: a module is known by its URL.
  const importMap = JSON.stringify({ integrity: Object.fromEntries([...hashes].map(([file, hash]) => [`/${file}`, hash])) })
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="PolicyGoesHere">`,
    `<meta name="${STYLE_NONCE_META}" content="${STYLE_NONCE_PLACEHOLDER}">`,
    `<script type="importmap">${importMap}</script>`,
  ]
  const page = sealed.replace(/<head>/i, `<head>\n    ${head.join('\n    ')}`)
  return page.replace('PolicyGoesHere', contentSecurityPolicy(pageScriptHashes(page)))
}

/**
 * The hashes a sealed page allows: those its script tags carry, the import
 * map's own hash, and every hash in the import map's `integrity` table.
 * Anything that is not a well-formed hash is left out (and so not allowed).
 */
export function pageScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const integrity = /\sintegrity="([^"]*)"/i.exec(tag)?.[1]
    if (integrity === undefined) continue
    for (const value of integrity.split(/\s+/)) if (SCRIPT_HASH.test(value)) hashes.add(value)
  }
  const map = IMPORT_MAP.exec(html)?.[1]
  if (map !== undefined) hashes.add(integrityOf(map))
  for (const value of Object.values(pinnedModules(html))) hashes.add(value)
  return [...hashes]
}

/**
 * The modules a sealed page pins: its import map's `integrity` table, from
 * each module's address on the page's origin to its hash. Entries that are
 * not a well-formed hash are left out.
 */
export function pinnedModules(html: string): Record<string, string> {
  const map = IMPORT_MAP.exec(html)?.[1]
  if (map === undefined) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(map)
  } catch {
    return {}
  }
  const table = typeof parsed === 'object' && parsed !== null && 'integrity' in parsed ? parsed.integrity : null
  if (typeof table !== 'object' || table === null) return {}
  const pinned: Record<string, string> = {}
  for (const [address, value] of Object.entries(table)) if (typeof value === 'string' && SCRIPT_HASH.test(value)) pinned[address] = value
  return pinned
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
    policy: contentSecurityPolicy(pageScriptHashes(html), { ...options, styleNonce }),
  }
}
