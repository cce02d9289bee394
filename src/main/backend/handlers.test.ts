import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES, type MethodName } from '../../shared/contract'
import { DOMAIN_HANDLERS } from './backend'
import { KithError } from './errors'
import { register, unregistered, type HandlerRegistry } from './handlers'
import { statusHandlers } from './status/handlers'

/** The folder a method lives in: the first word of its name (`settings.scoring.get` is in settings/). */
const folderOf = (method: string): string => method.split('.')[0] ?? method

/** Each backend folder with a handlers.ts, and the methods that file exports handlers for. */
async function handlerFiles(): Promise<Map<string, string[]>> {
  const folders = readdirSync(import.meta.dirname, { withFileTypes: true }).filter((entry) => entry.isDirectory())
  const found = new Map<string, string[]>()
  for (const folder of folders) {
    if (!readdirSync(path.join(import.meta.dirname, folder.name)).includes('handlers.ts')) continue
    const module = (await import(`./${folder.name}/handlers.ts`)) as Record<string, unknown>
    const methods = Object.values(module).flatMap((value) => (typeof value === 'object' && value !== null ? Object.keys(value) : []))
    found.set(folder.name, methods)
  }
  return found
}

describe('where each method lives', () => {
  it('registers every method of the contract exactly once', () => {
    const registered = DOMAIN_HANDLERS.flatMap((handlers) => Object.keys(handlers))
    const counts = new Map<string, number>()
    for (const name of registered) counts.set(name, (counts.get(name) ?? 0) + 1)
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([])
    expect([...registered].sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('finds foo.bar in backend/foo/handlers.ts, and nothing else there', async () => {
    const files = await handlerFiles()
    for (const [folder, methods] of files) {
      expect(methods.length, `${folder}/handlers.ts handles no method`).toBeGreaterThan(0)
      expect(methods.filter((m) => folderOf(m) !== folder), `${folder}/handlers.ts`).toEqual([])
    }
    const everywhere = [...files.values()].flat()
    expect(everywhere.sort()).toEqual([...METHOD_NAMES].sort())
    for (const method of METHOD_NAMES) expect(files.has(folderOf(method)), method).toBe(true)
  })
})

describe('register', () => {
  it('refuses a method a second domain registers again, naming it', () => {
    const registry: HandlerRegistry = new Map()
    register(registry, statusHandlers)
    const takeOver = { status: statusHandlers.status }
    expect(() => register(registry, takeOver)).toThrow(KithError)
    expect(() => register(registry, takeOver)).toThrow(/Two handlers are registered for status/)
  })

  it('refuses a name the contract does not declare', () => {
    const registry: HandlerRegistry = new Map()
    const stray = { 'people.teleport': statusHandlers.status } as unknown as Parameters<typeof register>[1]
    expect(() => register(registry, stray)).toThrow(/people\.teleport, which the contract does not declare/)
  })

  it('says which methods are still without a handler', () => {
    const registry: HandlerRegistry = new Map()
    register(registry, statusHandlers)
    const missing: MethodName[] = unregistered(registry)
    expect(missing).not.toContain('status')
    expect(missing).toContain('people.get')
    expect(missing).toHaveLength(METHOD_NAMES.length - 1)
  })
})
