/**
 * Browser mode sends the built page the same script-hash policy the desktop
 * app does (every script module of the build pinned by hash), plus a refusal
 * of framing.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openTempBackend, tempDir } from './backend/testing/temp'
import { integrityOf, sealPage } from './page-seal'
import { inProcess } from './host/in-process'
import { startServer, type RunningServer } from './serve'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function policyOf(port: number, pathname: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname }, (res) => {
        res.resume()
        const csp = res.headers['content-security-policy']
        resolve(typeof csp === 'string' ? csp : undefined)
      })
      .on('error', reject)
  })
}

describe('browser mode’s Content-Security-Policy', () => {
  it('allows the page’s own script modules by hash only, and no framing', async () => {
    const staticDir = tempDir()
    fs.mkdirSync(path.join(staticDir, 'assets'))
    fs.writeFileSync(path.join(staticDir, 'assets', 'index.js'), 'console.log("kith")')
    fs.writeFileSync(path.join(staticDir, 'assets', 'page.js'), 'export const page = "people"')
    const html = '<!doctype html><html><head><script type="module" src="./assets/index.js"></script></head><body></body></html>'
    fs.writeFileSync(
      path.join(staticDir, 'index.html'),
      sealPage(html, ['assets/index.js', 'assets/page.js'], (file) => fs.readFileSync(path.join(staticDir, file))),
    )
    server = await startServer({ backend: inProcess(await openTempBackend()), staticDir })

    const page = await policyOf(server.port, '/')
    const allowed = /script-src ([^;]*);/.exec(page ?? '')?.[1]?.split(' ')
    // The entry, the chunk it may import, and the import map pinning both: nothing else.
    expect(allowed).toHaveLength(3)
    expect(allowed).toContain(`'${integrityOf('console.log("kith")')}'`)
    expect(allowed).toContain(`'${integrityOf('export const page = "people"')}'`)
    expect(allowed).not.toContain(`'${integrityOf('export const page = "changed"')}'`)
    expect(page).not.toMatch(/script-src[^;]*'(self|strict-dynamic|unsafe-[a-z-]+)'/)
    expect(page).toContain("frame-ancestors 'none'")
    expect(page).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9_-]{16,}';/)
    expect(page).not.toContain('unsafe-inline')
    expect(await policyOf(server.port, '/')).not.toBe(page)

    // A page with no hashed script may run no script at all.
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kith</title>')
    expect(await policyOf(server.port, '/')).toContain("script-src 'none'")
    expect(await policyOf(server.port, '/assets/index.js')).toContain("default-src 'none'")
  })
})
