import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_PAGE_URL, isAppPage, isAppUrl, resolveAppFile, serveAppRequest } from './app-protocol'
import { tempDir } from './backend/testing/temp'
import { integrityOf, sealPage } from './page-seal'

const SCRIPT = 'document.title = "Kith"'

/** A built renderer (a sealed page, its script and style) inside a folder that also holds a secret. */
function builtRenderer(): { root: string; outside: string } {
  const outside = tempDir()
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'the user’s private notes')
  const root = path.join(outside, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), SCRIPT)
  fs.writeFileSync(path.join(root, 'assets', 'index.css'), 'body { margin: 0 }')
  fs.writeFileSync(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  const html = '<!doctype html><html><head><title>Kith</title><script type="module" crossorigin src="./assets/index.js"></script></head><body></body></html>'
  fs.writeFileSync(path.join(root, 'index.html'), sealPage(html, ['assets/index.js'], (file) => fs.readFileSync(path.join(root, file))))
  return { root, outside }
}

async function get(url: string, root: string, method = 'GET'): Promise<{ status: number; type: string | null; csp: string | null; body: string }> {
  const res = await serveAppRequest(new Request(url, { method }), root)
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: await res.text() }
}

describe('the app:// protocol', () => {
  it('serves the page with its script-hash policy as a header, and its files with their MIME types', async () => {
    const { root } = builtRenderer()
    const page = await get(APP_PAGE_URL, root)
    expect(page.status).toBe(200)
    expect(page.type).toBe('text/html; charset=utf-8')
    const hash = integrityOf(Buffer.from(SCRIPT))
    expect(page.csp).toContain(`script-src '${hash}'`)
    expect(page.csp).not.toMatch(/script-src[^;]*'self'/)
    // The network map's layout worker may load from our own files, and from nowhere else (no blob: or data:).
    expect(page.csp).toMatch(/(^|; )worker-src 'self'(;|$)/)
    // The header and the page's own meta tag say the same.
    expect(page.body).toContain(`content="${page.csp ?? ''}"`)
    // Style elements need this load's nonce, named in the header and handed to the page; no inline styles otherwise.
    const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(page.csp ?? '')?.[1] ?? ''
    expect(nonce.length).toBeGreaterThanOrEqual(16)
    expect(page.body).toContain(`<meta name="kith-style-nonce" content="${nonce}">`)
    expect(page.csp).not.toContain('unsafe-inline')
    const again = await get('app://kith/', root)
    expect(again.status).toBe(200)
    expect(again.csp).not.toContain(nonce)
    expect(again.body).not.toContain(nonce)

    expect(await get('app://kith/assets/index.js', root)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: SCRIPT })
    expect((await get('app://kith/assets/index.css', root)).type).toBe('text/css; charset=utf-8')
    expect((await get('app://kith/icon.svg', root)).type).toBe('image/svg+xml')
  })

  it('refuses every way out of the renderer folder, without naming a path on disk', async () => {
    const { root, outside } = builtRenderer()
    for (const url of [
      'app://kith/..%2fsecret.txt',
      'app://kith/assets/..%2f..%2fsecret.txt',
      'app://kith/%2e%2e%2fsecret.txt',
      `app://kith/${encodeURIComponent(path.join(outside, 'secret.txt'))}`,
    ]) {
      const res = await get(url, root)
      expect(res.status, url).toBeGreaterThanOrEqual(400)
      expect(res.body, url).not.toContain('private notes')
      expect(res.body, url).not.toContain(outside)
    }
    expect((await get('app://kith/..%2fsecret.txt', root)).status).toBe(403)
    // A backslash (a separator on Windows) and a NUL are malformed, not looked up.
    expect((await get('app://kith/assets%5c..%5c..%5csecret.txt', root)).status).toBe(400)
    expect((await get('app://kith/index.html%00.js', root)).status).toBe(400)
  })

  it('refuses another host, a folder, a missing file and anything but GET', async () => {
    const { root } = builtRenderer()
    expect((await get('app://evil/index.html', root)).status).toBe(403)
    expect((await get('app://kith/assets', root)).status).toBe(404)
    expect((await get('app://kith/nothing.js', root)).status).toBe(404)
    expect((await get(APP_PAGE_URL, root, 'POST')).status).toBe(400)
    expect(() => resolveAppFile('file:///etc/hostname', root)).toThrow(/app:\/\//)
  })

  it('tells the page apart from other addresses', () => {
    expect(isAppPage(APP_PAGE_URL)).toBe(true)
    expect(isAppPage(`${APP_PAGE_URL}#/people/3`)).toBe(true)
    expect(isAppPage('app://kith/assets/index.js')).toBe(false)
    expect(isAppPage('app://other/index.html')).toBe(false)
    expect(isAppPage('file:///opt/kith/out/renderer/index.html')).toBe(false)
    expect(isAppUrl('app://kith/assets/index.js')).toBe(true)
    expect(isAppUrl('app://user@kith/index.html')).toBe(false)
    expect(isAppUrl('https://kith/index.html')).toBe(false)
  })
})
