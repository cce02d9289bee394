/**
 * Sealing the built page: every script module of the build is pinned by
 * hash in the page's import map and allowed by exactly that hash in its
 * policy, so a module whose bytes change on disk no longer matches either.
 */
import { describe, expect, it } from 'vitest'
import { integrityOf, pageScriptHashes, sealPage, servePage } from './page-seal'

const FILES: Record<string, string> = {
  'assets/index.js': 'import("./people.js")',
  'assets/people.js': 'export const page = "people"',
  'assets/map.js': 'export const page = "map"',
}
const read = (file: string): Uint8Array => {
  const content = FILES[file]
  if (content === undefined) throw new Error(`no file ${file}`)
  return Buffer.from(content)
}
const PAGE = '<!doctype html><html><head><title>Kith</title><script type="module" crossorigin src="./assets/index.js"></script></head><body></body></html>'

function importMapOf(html: string): { integrity: Record<string, string> } {
  const text = /<script type="importmap">([^<]*)<\/script>/.exec(html)?.[1]
  if (text === undefined) throw new Error('no import map')
  return JSON.parse(text) as { integrity: Record<string, string> }
}

function policyOf(html: string): string[] {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? ''
  return /script-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? []
}

describe('sealing the built page', () => {
  it('pins every module by hash in an import map, the entry tag and the policy, and allows nothing else', () => {
    const sealed = sealPage(PAGE, Object.keys(FILES), read)
    const hashes = Object.fromEntries(Object.entries(FILES).map(([file, content]) => [file, integrityOf(content)]))

    expect(sealed).toContain(`<script type="module" crossorigin src="./assets/index.js" integrity="${hashes['assets/index.js']}">`)
    expect(importMapOf(sealed).integrity).toEqual({
      '/assets/index.js': hashes['assets/index.js'],
      '/assets/people.js': hashes['assets/people.js'],
      '/assets/map.js': hashes['assets/map.js'],
    })
    const mapText = /<script type="importmap">([^<]*)<\/script>/.exec(sealed)?.[1] ?? ''
    const allowed = policyOf(sealed)
    expect([...allowed].sort()).toEqual([...Object.values(hashes), integrityOf(mapText)].map((h) => `'${h}'`).sort())
    // The policy comes first, then the import map, before any module can load.
    expect(sealed.indexOf('Content-Security-Policy')).toBeLessThan(sealed.indexOf('importmap'))
    expect(sealed.indexOf('importmap')).toBeLessThan(sealed.indexOf('src="./assets/index.js"'))
  })

  it('a changed module no longer matches its pinned hash, and a changed import map is no longer allowed', () => {
    const sealed = sealPage(PAGE, Object.keys(FILES), read)
    const tampered = integrityOf('export const page = "people"; steal()')
    expect(Object.values(importMapOf(sealed).integrity)).not.toContain(tampered)
    expect(pageScriptHashes(sealed)).not.toContain(tampered)

    // Rewriting the import map to pin another file changes the map's own hash,
    // which the page's meta policy (enforced by the browser too) does not allow.
    const originalMap = /<script type="importmap">([^<]*)<\/script>/.exec(sealed)?.[1] ?? ''
    const changedMap = originalMap.replace(integrityOf(FILES['assets/people.js'] ?? ''), tampered)
    expect(changedMap).not.toBe(originalMap)
    const rewritten = sealed.replace(originalMap, changedMap)
    expect(policyOf(rewritten)).toContain(`'${integrityOf(originalMap)}'`)
    expect(policyOf(rewritten)).not.toContain(`'${integrityOf(changedMap)}'`)
  })

  it('refuses an inline script, a script outside the sealed modules, and a module path leaving the build', () => {
    expect(() => sealPage('<html><head><script>alert(1)</script></head></html>', [], read)).toThrow(/inline script/)
    expect(() => sealPage('<html><head><script type="module" src="./assets/other.js"></script></head></html>', ['assets/index.js'], read)).toThrow(
      /not one of its sealed modules/,
    )
    expect(() => sealPage(PAGE, ['assets/index.js', '../secret.js'], read)).toThrow(/inside the build/)
    expect(() => sealPage('<html><body></body></html>', [], read)).toThrow(/no <head>/)
  })

  it('pins module preloads too, and each response gets a fresh style nonce with the same script hashes', () => {
    const withPreload = PAGE.replace('</title>', '</title><link rel="modulepreload" crossorigin href="./assets/people.js">')
    const sealed = sealPage(withPreload, Object.keys(FILES), read)
    expect(sealed).toContain(`<link rel="modulepreload" crossorigin href="./assets/people.js" integrity="${integrityOf(FILES['assets/people.js'] ?? '')}">`)
    const one = servePage(sealed)
    const two = servePage(sealed)
    expect(one.policy).not.toBe(two.policy)
    expect(one.policy.replace(/'nonce-[^']+'/, '')).toBe(two.policy.replace(/'nonce-[^']+'/, ''))
    expect(one.html).not.toContain('KithStyleNoncePlaceholder')
  })
})
