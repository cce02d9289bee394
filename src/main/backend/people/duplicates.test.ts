import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { normalizeProfileUrl } from './duplicates'

async function people(backend: Backend): Promise<string[]> {
  return (await ok(backend, 'people.list', { limit: 100 })).people.map((p) => p.name)
}

describe('adding someone who is already in Kith', () => {
  it('refuses the same email in another case, naming who has it, with the match as data; nothing is added', async () => {
    const backend = await openTempBackend()
    const ana = await ok(backend, 'people.create', { name: 'Ana Lima', company: 'Harbor Capital', emails: ['ana@x.com'] })
    const error = await fails(backend, 'people.create', { name: 'Ana L.', emails: ['ANA@x.com'] })
    expect(error).toEqual({
      code: 'conflict',
      message: `Already in Kith: Ana Lima (#${ana.id}, Harbor Capital) has the same email ana@x.com.`,
      duplicates: [{ id: ana.id, name: 'Ana Lima', company: 'Harbor Capital', reason: 'the same email ana@x.com' }],
    })
    expect(await people(backend)).toEqual(['Ana Lima'])
  })

  it('adds them anyway when told to', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Ana Lima', emails: ['ana@x.com'] })
    const other = await ok(backend, 'people.create', { name: 'Ana Lima', emails: ['ana@x.com'], allowDuplicate: true })
    expect(other.name).toBe('Ana Lima')
    expect(await people(backend)).toEqual(['Ana Lima', 'Ana Lima'])
  })

  it('matches a name whatever its case, accents and spacing', async () => {
    const backend = await openTempBackend()
    const jose = await ok(backend, 'people.create', { name: 'José da Silva' })
    const error = await fails(backend, 'people.create', { name: '  JOSE   da  silva ' })
    expect(error.code).toBe('conflict')
    expect(error.duplicates).toEqual([{ id: jose.id, name: 'José da Silva', company: null, reason: 'the same name' }])
    expect(error.message).toBe(`Already in Kith: José da Silva (#${jose.id}) has the same name.`)
    await ok(backend, 'people.create', { name: 'José da Silva Jr' })
  })

  it('matches a LinkedIn profile written another way: scheme, www, case of the host, trailing slash, query', async () => {
    const backend = await openTempBackend()
    const ana = await ok(backend, 'people.create', { name: 'Ana Lima', linkedinUrl: 'https://www.linkedin.com/in/ana-lima/' })
    const error = await fails(backend, 'people.create', { name: 'A. Lima', linkedinUrl: 'http://LinkedIn.com/in/ana-lima?trk=public_profile' })
    expect(error.duplicates).toEqual([{ id: ana.id, name: 'Ana Lima', company: null, reason: 'the same LinkedIn profile' }])
    expect(normalizeProfileUrl('https://www.Example.com/Team/ana/?x=1#top')).toBe('example.com/Team/ana')
    expect(normalizeProfileUrl('example.com')).toBe('example.com')
  })

  it('names every match and every reason, archived people included; a deleted person no longer counts', async () => {
    const backend = await openTempBackend()
    const first = await ok(backend, 'people.create', { name: 'Ben Okafor', company: 'Acme', emails: ['ben@acme.example'] })
    const second = await ok(backend, 'people.create', { name: 'Benjamin Okafor', emails: ['ben@okafor.dev'] })
    await ok(backend, 'people.archive', { id: second.id })
    const error = await fails(backend, 'people.create', { name: 'Ben Okafor', emails: ['ben@acme.example', 'ben@okafor.dev'] })
    expect(error.message).toBe(
      `Already in Kith: Ben Okafor (#${first.id}, Acme) has the same name and the same email ben@acme.example; ` +
        `Benjamin Okafor (#${second.id}, archived) has the same email ben@okafor.dev.`,
    )
    expect(error.duplicates?.map((d) => [d.id, d.reason])).toEqual([
      [first.id, 'the same name and the same email ben@acme.example'],
      [second.id, 'the same email ben@okafor.dev'],
    ])
    await ok(backend, 'people.delete', { id: second.id })
    expect((await fails(backend, 'people.create', { name: 'Someone', emails: ['ben@okafor.dev', 'ben@acme.example'] })).duplicates?.map((d) => d.id)).toEqual([first.id])
    await ok(backend, 'people.create', { name: 'Benjamin Okafor', emails: ['ben@okafor.dev'] })
  })

  it('does not stop editing a person, nor the people an import brings in', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const ana = await ok(backend, 'people.create', { name: 'Ana Lima', emails: ['ana@x.com'] })
    expect((await ok(backend, 'people.update', { id: ana.id, patch: { name: 'Ana Lima', emails: ['ana@x.com', 'ana@home.example'], title: 'Partner' } })).title).toBe(
      'Partner',
    )
    const status = await ok(backend, 'imports.start', {
      fileName: 'contacts.vcf',
      data: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEMAIL:ana@x.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Tanaka\r\nEND:VCARD\r\n').toString('base64'),
      format: null,
    })
    let job = status
    while (job.phase === 'reading' || job.phase === 'matching') {
      await new Promise((resolve) => setTimeout(resolve, 5))
      job = await ok(backend, 'imports.job', { jobId: job.jobId })
    }
    const preview = job.preview
    if (preview === null) throw new Error(job.error ?? 'no preview')
    expect(preview.counts).toMatchObject({ new: 1, matches: 1 })
    const result = await ok(backend, 'imports.apply', { jobId: preview.jobId, strength: null, decisions: [] })
    expect(result.created).toBe(1)
    expect(await people(backend)).toEqual(['Ana Lima', 'Cy Tanaka', 'Jordan Avery'])
  })
})
