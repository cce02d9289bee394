/**
 * The desktop app's page is served from `app://kith/`, a custom protocol,
 * instead of file:// (Electron security checklist, item 18): a page on
 * app:// has no claim on the rest of the disk. This module is the logic
 * behind that protocol, in plain Node so it can be tested: which file a URL
 * names (only files inside the built renderer's folder, never anything
 * outside it), its MIME type, and the response with its security headers.
 * src/main/index.ts registers it with Electron.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { NOTHING_POLICY } from '../shared/csp'
import { KithError } from './backend/errors'
import { contentTypeOf } from './content-types'
import { servePage } from './page-seal'

export const APP_SCHEME = 'app'
export const APP_HOST = 'kith'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The one page the desktop window loads. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Whether a URL is on Kith's own app:// origin (any path: the handler refuses what is not a page file). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
}

/** Whether a URL is the page itself (in-page routes and queries aside). */
export function isAppPage(url: string): boolean {
  const parsed = parse(url)
  if (parsed === null || !isAppUrl(url)) return false
  return parsed.pathname === '/index.html' || parsed.pathname === '/'
}

/**
 * The file inside `rootDir` an app:// URL names. Refuses (as a KithError)
 * another scheme or host, a malformed or traversing path, and anything that
 * would land outside the folder. Does not touch the disk.
 */
export function resolveAppFile(url: string, rootDir: string): string {
  const parsed = parse(url)
  if (parsed === null || !isAppUrl(url)) throw new KithError('forbidden', 'Only Kith’s own app:// page files can be loaded.')
  let decoded: string
  try {
    decoded = decodeURIComponent(parsed.pathname)
  } catch {
    throw new KithError('bad_request', 'The app:// address is malformed.')
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new KithError('bad_request', 'The app:// address is malformed.')
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = path.resolve(rootDir)
  const file = path.resolve(root, relative)
  if (!file.startsWith(root + path.sep)) throw new KithError('forbidden', 'That app:// address is outside Kith’s page.')
  return file
}

const STATUS: Readonly<Partial<Record<KithError['code'], number>>> = { bad_request: 400, forbidden: 403, not_found: 404 }

function refusal(err: KithError): Response {
  return new Response(err.message, {
    status: STATUS[err.code] ?? 500,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': NOTHING_POLICY, 'X-Content-Type-Options': 'nosniff' },
  })
}

/**
 * Answers one app:// request from the files in `rootDir` (the built
 * renderer). GET only. The page is sent with a fresh style nonce and its
 * Content-Security-Policy as a header (the same policy its meta tag carries:
 * the hashes of its scripts, and that nonce); every response is nosniff. Refusals never name a path on disk.
 */
export async function serveAppRequest(request: Request, rootDir: string): Promise<Response> {
  try {
    if (request.method !== 'GET') throw new KithError('bad_request', 'Kith’s page files can only be read (GET).')
    const file = resolveAppFile(request.url, rootDir)
    let content: Buffer
    try {
      const stat = await fs.stat(file)
      if (!stat.isFile()) throw new Error('not a file')
      content = await fs.readFile(file)
    } catch {
      throw new KithError('not_found', 'Kith’s page has no such file.')
    }
    const page = path.extname(file).toLowerCase() === '.html' ? servePage(content.toString('utf8')) : null
    const policy = page?.policy ?? NOTHING_POLICY
    return new Response(page?.html ?? new Uint8Array(content), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  } catch (err) {
    if (err instanceof KithError) return refusal(err)
    return refusal(new KithError('io', 'Kith could not read its own page files.'))
  }
}
