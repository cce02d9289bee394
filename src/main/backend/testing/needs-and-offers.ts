/**
 * A network for the weekly review: me, close to eight people whose needs and
 * offers make three mutual matches (Ana+Ben, Eve+Fay, Gus+Hal) and some
 * one-sided ones (designers for Cy and Dee).
 */
import type { Backend } from '../backend'
import { ok } from './call'

/** A Wednesday in ISO week 2026-W47. */
export const WEEK_47 = new Date('2026-11-18T12:00:00Z')

export async function needsAndOffers(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const add = (name: string, needs: string[], offers: string[]) => ok(backend, 'people.create', { name, needs, offers })
  const ana = await add('Ana', ['designers'], ['seed investors'])
  const ben = await add('Ben', ['seed investors'], ['Designers'])
  const cy = await add('Cy', ['designers'], [])
  const dee = await add('Dee', [], ['designers'])
  const eve = await add('Eve', ['lawyers'], ['designers'])
  const fay = await add('Fay', ['designers'], ['lawyers'])
  const gus = await add('Gus', ['editors'], ['printers'])
  const hal = await add('Hal', ['printers'], ['editors'])
  for (const p of [ana, ben, cy, dee, eve, fay, gus, hal]) await ok(backend, 'relationships.set', { a: me.id, b: p.id, strength: 4 })
  return { me, ana, ben, cy, dee, eve, fay, gus, hal }
}

/** Each suggestion as its two names in alphabetical order: "Ana+Ben". */
export const pairNames = (list: { a: { name: string }; b: { name: string } }[]): string[] => list.map((s) => [s.a.name, s.b.name].sort().join('+'))
