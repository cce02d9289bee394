import type { Backend } from '../backend'
import { ok } from './call'

/**
 * The smallest network with a path worth asking about: me (Jordan Avery),
 * who knows Vera Walsh well (4), who is close to Yara Schmidt (5).
 */
export async function meVeraYara(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const vera = await ok(backend, 'people.create', { name: 'Vera Walsh' })
  const yara = await ok(backend, 'people.create', { name: 'Yara Schmidt' })
  await ok(backend, 'relationships.set', { a: me.id, b: vera.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: vera.id, b: yara.id, strength: 5 })
  return { me, vera, yara }
}
