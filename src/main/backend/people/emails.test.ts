import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { importFile } from '../testing/imports'
import { openTempBackend } from '../testing/temp'

/** The address from issue #13: it would add a Bcc and a subject to any mail link built from it. */
const INJECTED = 'a@b.co?bcc=spy%40evil.example&subject=Hi'

describe('emails are addresses', () => {
  it('refuses the injected address when a person is added or edited by hand, naming the field, and stores nothing', async () => {
    const backend = await openTempBackend()
    const created = await fails(backend, 'people.create', { name: 'Ana', emails: ['ana@acme.example', INJECTED] })
    expect(created.code).toBe('bad_request')
    expect(created.message).toMatch(/emails\.1: Enter an email address/)
    expect(backend.sqlite.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 0 })

    const ana = await ok(backend, 'people.create', { name: 'Ana', emails: ['ana@acme.example'] })
    const updated = await fails(backend, 'people.update', { id: ana.id, patch: { emails: [INJECTED] } })
    expect(updated.code).toBe('bad_request')
    expect(updated.message).toMatch(/patch\.emails\.0: Enter an email address/)
    expect((await ok(backend, 'people.get', { id: ana.id })).emails).toEqual(['ana@acme.example'])
  })

  it('leaves the injected address out of a vCard import, says so in the preview with the line and the value, and keeps the rest of the card', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'me.set', { name: 'Maya' })
    const vcard = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Silva', `EMAIL;TYPE=INTERNET:${INJECTED}`, 'EMAIL;TYPE=INTERNET:ana@acme.example', 'ORG:Acme', 'END:VCARD', ''].join('\r\n')
    const { preview } = await importFile(backend, 'contacts.vcf', vcard)
    expect(preview.warnings).toEqual([{ line: 1, message: `"${INJECTED}" is not an email address; left out` }])
    const hit = (await ok(backend, 'search', { query: 'Ana Silva' }))[0]
    const ana = await ok(backend, 'people.get', { id: hit?.id ?? 0 })
    expect(ana).toMatchObject({ name: 'Ana Silva', company: 'Acme', emails: ['ana@acme.example'] })
  })

  it('makes text well-formed at the door: a lone surrogate in a name is stored as U+FFFD', async () => {
    const backend = await openTempBackend()
    const ana = await ok(backend, 'people.create', { name: 'Ana \uD800Silva', aliases: ['\uDC00Annie'] })
    expect(ana.name).toBe('Ana \uFFFDSilva')
    expect(ana.aliases).toEqual(['\uFFFDAnnie'])
    const stored = backend.sqlite.prepare('SELECT name FROM person WHERE id = ?').pluck().get(ana.id) as string
    expect(stored).toBe('Ana \uFFFDSilva')
  })
})
