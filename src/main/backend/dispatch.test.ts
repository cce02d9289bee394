import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { KithError } from './errors'
import { openTempBackend } from './testing/temp'

describe('dispatch', () => {
  it('returns data in an ok envelope', async () => {
    const backend = await openTempBackend()
    const res = await backend.dispatch('status', {})
    expect(res).toEqual({
      ok: true,
      data: expect.objectContaining({ schemaVersion: LATEST_SCHEMA_VERSION, counts: { people: 0, relationships: 0, interactions: 0, favors: 0 } }),
    })
  })

  it('names an unknown method, including names inherited from Object', async () => {
    const backend = await openTempBackend()
    for (const name of ['nope', 'toString', '__proto__', 'constructor', 42, null]) {
      const res = await backend.dispatch(name, {})
      expect(res.ok).toBe(false)
      if (!res.ok) expect(res.error.code).toBe('unknown_method')
    }
  })

  it('refuses arguments that do not match the schema, saying which field is wrong', async () => {
    const backend = await openTempBackend()
    const wrongType = await backend.dispatch('people.list', { limit: 'ten' })
    expect(wrongType).toEqual({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('limit:'), issues: [{ path: ['limit'], message: expect.any(String) }] },
    })
    const extraKey = await backend.dispatch('status', { surprise: true })
    expect(extraKey.ok).toBe(false)
    const polluted = await backend.dispatch('status', JSON.parse('{"__proto__": {"admin": true}}'))
    expect(polluted.ok).toBe(false)
    const path = await backend.dispatch('backup.restore', { id: '../kith.sqlite' })
    expect(path).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: expect.stringContaining('id: must be the name of a backup'),
        issues: [{ path: ['id'], message: expect.stringContaining('must be the name of a backup') }],
      },
    })
    const notObject = await backend.dispatch('status', 'hello')
    expect(notObject.ok).toBe(false)
  })

  it('names each refused argument by its path and message beside the text, so a form needs no parsing', async () => {
    const backend = await openTempBackend()
    const res = await backend.dispatch('people.create', { name: 'Ana Lima', emails: ['ana@example.com', 'not an address'] })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('bad_request')
    expect(res.error.issues).toHaveLength(1)
    const [issue] = res.error.issues ?? []
    expect(issue?.path).toEqual(['emails', 1])
    // The text every door showed before is unchanged, and reads the same issue.
    expect(res.error.message).toBe(`Invalid arguments for people.create: emails.1: ${issue?.message ?? ''}`)
    expect(backend.sqlite.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 0 })
  })

  it('names a refused argument by its path when a service refuses it too (a date in the future)', async () => {
    const backend = await openTempBackend()
    const ana = await backend.dispatch('people.create', { name: 'Ana Lima' })
    if (!ana.ok) throw new Error(ana.error.message)
    const { id } = ana.data as { id: number }
    const res = await backend.dispatch('interactions.log', { date: '2999-01-01', kind: 'call', people: [id] })
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'date: 2999-01-01 is in the future; log things that have happened',
        issues: [{ path: ['date'], message: '2999-01-01 is in the future; log things that have happened' }],
      },
    })
  })

  it("calls from inside the process get the method's result, or its error thrown as a KithError with everything it says", async () => {
    const backend = await openTempBackend()
    const ana = await backend.call('people.create', { name: 'Ana Lima' })
    expect(ana).toMatchObject({ name: 'Ana Lima' })
    const refused = await backend.call('people.create', { name: 'Ana Lima', emails: ['not an address'] }).then(
      () => null,
      (err: unknown) => err,
    )
    expect(refused).toBeInstanceOf(KithError)
    expect(refused).toMatchObject({ code: 'bad_request', details: { issues: [{ path: ['emails', 0] }] } })
  })

  it('refuses text holding a NUL character, naming the field, where the database would have read it as empty', async () => {
    const backend = await openTempBackend()
    const person = await backend.dispatch('people.create', { name: 'Ana Lima' })
    if (!person.ok) throw new Error(person.error.message)
    const { id } = person.data as { id: number }
    // Found by the hostile test: a company of "\u0000" passed the schema and broke the database's CHECK as an internal error.
    const job = await backend.dispatch('people.update', { id, patch: { employment: [{ company: 'Acme' }, { company: '\u0000' }] } })
    expect(job).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'Invalid arguments for people.update: patch.employment.1.company: text must not contain a NUL character',
        issues: [{ path: ['patch', 'employment', 1, 'company'], message: 'text must not contain a NUL character' }],
      },
    })
    const name = await backend.dispatch('people.create', { name: '\u0000Ben' })
    expect(name).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('name: text must not contain a NUL character') } })
    expect(backend.sqlite.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 1 })
    expect(backend.sqlite.prepare('SELECT count(*) AS n FROM employment').get()).toEqual({ n: 0 })
  })

  it('turns an expected failure into a typed error, not an exception', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const again = await backend.dispatch('demo.load', {})
    expect(again).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringContaining('empty database') } })
  })
})

describe("the backend's today", () => {
  it('is the day where the user is, not in UTC', async () => {
    const zone = process.env.TZ
    try {
      process.env.TZ = 'Pacific/Auckland'
      const late = await openTempBackend({ now: () => new Date('2026-11-22T20:00:00Z') })
      expect(late.today()).toBe('2026-11-23')
      process.env.TZ = 'America/Los_Angeles'
      const early = await openTempBackend({ now: () => new Date('2026-11-22T03:00:00Z') })
      expect(early.today()).toBe('2026-11-21')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
