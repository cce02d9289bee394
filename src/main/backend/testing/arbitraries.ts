/**
 * fast-check arbitraries for the values a zod schema ACCEPTS, with hostile
 * ones favoured: bounds and their neighbours, ids of the wrong kind or of no
 * row, strings at their maximum length or full of NULs, control characters,
 * bidi marks, lone surrogates and text that looks like SQL, HTML or JSON,
 * dates at the edges. Built by walking the schema's definition, so a new
 * method of the contract is covered without touching the test.
 */
import fc from 'fast-check'
import type { z } from 'zod'
import { id as idSchema } from '../../../shared/schemas'

/** What the generator may draw on: ids of real rows (of any table) to hand to every id field. */
export interface HostileContext {
  ids: readonly number[]
}

/** Pieces hostile strings are made of. */
const PIECES = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\r\n',
  '\t',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  '🙂',
  'é',
  'ß',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '`',
  '<',
  '>',
  '&',
  '@',
  '#',
  '=',
  ' ',
]

/** Whole strings that mean something elsewhere. */
const LOOKALIKES = [
  "'; DROP TABLE person; --",
  "' OR 1=1 --",
  '" OR ""="',
  'Robert\'); DELETE FROM relationship; --',
  '%_%',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  'javascript:alert(1)',
  '{"__proto__": {"polluted": true}}',
  '[1, 2, {"a": null}]',
  'null',
  'NaN',
  '-0',
  '1e309',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '=HYPERLINK("http://evil.example")',
  '\u202egnp.exe',
  'a\u0000b',
  '\ud83d',
]

/** Strings of a known shape (dates, weeks, times, emails, links, phones), edge cases first; a schema picks the ones it accepts. */
const SHAPED = [
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '1900-01-01',
  '1970-01-01',
  '2000-02-29',
  '2024-02-29',
  '2026-02-28',
  '2026-11-21',
  '2026-11-22',
  '2026-11-23',
  '2038-01-19',
  '9999-12-31',
  '--02-29',
  '--12-31',
  '--01-01',
  '0000-W00',
  '2026-W01',
  '2026-W53',
  '9999-W99',
  '00:00',
  '23:59',
  // backup ids: the name backup.create gives under the pinned clock (so a restore can succeed), and near misses
  'kith-20261122T100000Z.sqlite',
  'kith-20261122T100000Z-2.sqlite',
  'kith-CON.sqlite',
  'kith-_.sqlite',
  `kith-${'a'.repeat(150)}.sqlite`,
  'a@b.c',
  `${'x'.repeat(280)}@e.co`,
  "o'brien+tag@example.com",
  '<script>@x.io',
  'ana@例え.jp',
  'a.b',
  'STRIPE.COM',
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
  'xn--e1afmkfd.xn--p1ai',
  'https://a.b',
  'http://x.y/?q=%00',
  `https://evil.example/${'a'.repeat(1_900)}`,
  'https://evil.example/<script>',
  '+1 (415) 555-0101',
  '000',
  '+'.padEnd(50, '9'),
]

/** The longest string drawn for a field (a 70 MB base64 limit is not worth filling). */
const LONGEST = 25_000

type Def = { type: string } & Record<string, unknown>
type Check = { check: string } & Record<string, unknown>

function defOf(schema: unknown): Def {
  return (schema as { def: Def }).def
}

function checksOf(def: Def): Check[] {
  const checks = (def.checks ?? []) as { _zod: { def: Check } }[]
  return checks.map((c) => c._zod.def)
}

function accepts(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success
}

function stringArbitrary(schema: z.ZodType, def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def)
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum as number))
  const max = Math.min(...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum as number), 1_000_000)
  const shaped = checks.some((c) => c.check === 'string_format' || c.check === 'custom')
  const cut = Math.min(max, LONGEST)
  const candidates = [...SHAPED, ...LOOKALIKES, 'x'.repeat(cut), '\u0000'.repeat(cut), '🙂'.repeat(Math.floor(cut / 2)), ` ${'a'.repeat(Math.max(0, cut - 2))} `].filter((s) =>
    accepts(schema, s),
  )
  if (shaped) {
    // A format or refinement: random text almost never passes, so draw from the strings it accepts.
    if (candidates.length === 0) throw new Error(`no sample string passes a schema with checks ${checks.map((c) => (c.pattern instanceof RegExp ? c.pattern.source : c.check)).join(', ')}; add one to SHAPED`)
    return fc.constantFrom(...candidates)
  }
  const generated = fc
    .string({ unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: min, maxLength: Math.min(max, 40) })
    .filter((s) => accepts(schema, s))
  return candidates.length === 0 ? generated : fc.oneof({ weight: 3, arbitrary: generated }, { weight: 1, arbitrary: fc.constantFrom(...candidates) })
}

function numberArbitrary(schema: z.ZodType, def: Def, context: HostileContext): fc.Arbitrary<number> {
  const checks = checksOf(def)
  const isInt = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'))
  const lower = checks.find((c) => c.check === 'greater_than')
  const upper = checks.find((c) => c.check === 'less_than')
  let min = lower === undefined ? (isInt ? Number.MIN_SAFE_INTEGER : -1e15) : (lower.value as number)
  let max = upper === undefined ? (isInt ? Number.MAX_SAFE_INTEGER : 1e15) : (upper.value as number)
  if (lower !== undefined && lower.inclusive !== true) min = isInt ? min + 1 : min + Number.EPSILON
  if (upper !== undefined && upper.inclusive !== true) max = isInt ? max - 1 : max - Number.EPSILON
  const edges = [min, max, min + 1, max - 1, 0, 1, -1, 2, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 0.5, 1e-9].filter((n) => n >= min && n <= max && (!isInt || Number.isInteger(n)))
  const spread = isInt ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
  const options: fc.Arbitrary<number>[] = [fc.constantFrom(...edges), spread, fc.constantFrom(...edges)]
  // An id: real rows of every table (so a person id may name an introduction), and ids of nothing.
  if (schema === idSchema && context.ids.length > 0) options.push(fc.constantFrom(...context.ids), fc.constantFrom(...context.ids))
  return fc.oneof(...options).filter((n) => accepts(schema, n))
}

/** Values the schema accepts, hostile ones favoured. Throws on a kind of schema it does not know, so the test names it. */
export function validArbitrary(schema: z.ZodType, context: HostileContext): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  const inner = (s: unknown): fc.Arbitrary<unknown> => validArbitrary(s as z.ZodType, context)
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def)
    case 'number':
      return numberArbitrary(schema, def, context)
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'nullable':
      return fc.oneof(fc.constant(null), inner(def.innerType))
    case 'optional':
      return fc.oneof(fc.constant(undefined), inner(def.innerType))
    case 'default':
      return inner(def.innerType)
    case 'pipe':
      // A transform: what goes in is what the caller sends.
      return inner(def.in)
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner))
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner))
    case 'array': {
      const checks = checksOf(def)
      const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum as number))
      const max = Math.min(...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum as number), 1_000)
      const element = inner(def.element)
      // Mostly short lists; now and then one at its limit.
      const full = fc.array(element, { minLength: Math.min(max, 100), maxLength: Math.min(max, 100) })
      return fc.oneof({ weight: 5, arbitrary: fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) }) }, { weight: 1, arbitrary: full }).filter((v) => accepts(schema, v))
    }
    case 'record':
      return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), { maxKeys: 5 })
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const required = Object.keys(shape).filter((k) => (shape[k] as unknown as { _zod: { optin?: string } })._zod.optin === undefined)
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)]))
      // The object's own refinements (two different people, one of three targets) decide last.
      return fc.record(fields, { requiredKeys: required }).filter((v) => accepts(schema, v))
    }
    default:
      throw new Error(`validArbitrary does not know zod's ${def.type}`)
  }
}
