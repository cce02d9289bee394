import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { ArchiveJobStatus } from '../../../../shared/imports'
import type { Backend } from '../../backend'
import { fails, ok } from '../../testing/call'
import { previewImport } from '../../testing/imports'
import { openTempBackend } from '../../testing/temp'
import { UPLOAD_DIR_NAME, receiveUpload, removeUploads, startArchiveOnCopy } from './upload'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')

async function settled(backend: Backend, started: ArchiveJobStatus): Promise<ArchiveJobStatus> {
  let now = started
  while (now.phase === 'reading' || now.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 10))
    now = await ok(backend, 'imports.archiveJob', { jobId: now.jobId })
  }
  return now
}

/** The uploaded copies left once their removal (in the background) is done; gives up after ten seconds. */
async function copiesLeft(backend: Backend, atMost = 0): Promise<string[]> {
  const dir = path.join(backend.dataDir, UPLOAD_DIR_NAME)
  for (let i = 0; i < 500 && fs.readdirSync(dir).length > atMost; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  return fs.readdirSync(dir)
}

/** Both halves of an upload, as browser mode runs them: the server's thread takes the bytes in, the backend's starts the job. */
async function startUploadedArchive(backend: Backend, args: unknown, body: Readable): Promise<ArchiveJobStatus> {
  return startArchiveOnCopy(backend, await receiveUpload(backend.dataDir, args, body))
}

const upload = (backend: Backend, fixture: string, myAddresses: string[] = []): Promise<ArchiveJobStatus> =>
  startUploadedArchive(backend, { name: fixture, myAddresses }, fs.createReadStream(path.join(FIXTURES, fixture)))

describe('an archive uploaded from the page', () => {
  it('finds me a way to Carol: mail with Alice makes her my contact, and she knows Carol', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'me.set', { name: 'Sam Rivera' })
    const alice = await ok(backend, 'people.create', { name: 'Alice Archer', emails: ['alice@example.com'] })
    const carol = await ok(backend, 'people.create', { name: 'Carol Chen' })
    await ok(backend, 'relationships.set', { a: alice.id, b: carol.id, strength: 4 })
    expect((await ok(backend, 'paths.find', { to: carol.id })).paths).toEqual([])

    // The archive proposes my address; once confirmed and read again, my mail with Alice counts both ways.
    const first = await settled(backend, await upload(backend, 'warm-intro.mbox'))
    expect(first.preview?.ownAddresses.proposed.map((p) => p.email)).toEqual(['me@home.org'])
    await ok(backend, 'settings.archive.set', { myAddresses: ['me@home.org'], keepSubjects: true })
    const mail = await settled(backend, await ok(backend, 'imports.archiveReread', { jobId: first.jobId }))
    const preview = mail.preview
    expect(preview?.people.matched.map((p) => p.name)).toEqual(['Alice Archer'])
    expect(preview?.people.created.map((p) => p.name).sort()).toEqual(['Bob Brown', 'Dan Diaz'])
    expect(preview?.ties.map((t) => [t.a, t.b].sort().join(' and ')).sort()).toEqual(['Alice Archer and Bob Brown', 'Alice Archer and Dan Diaz', 'Bob Brown and Dan Diaz'])
    await ok(backend, 'imports.archiveApply', { jobId: mail.jobId })

    const calendar = await settled(backend, await upload(backend, 'warm-intro.ics'))
    expect(calendar.preview?.people.matched.map((p) => p.name)).toEqual(['Alice Archer'])
    expect(calendar.preview?.messages).toBe(1)
    await ok(backend, 'imports.archiveApply', { jobId: calendar.jobId })

    const review = await ok(backend, 'review.list', {})
    const bobAndDan = review.ties.find((t) => [t.person.name, t.other?.name].sort().join(' and ') === 'Bob Brown and Dan Diaz')
    expect(bobAndDan).toBeDefined()
    await ok(backend, 'review.reject', { ids: [bobAndDan?.id ?? 0] })
    expect((await ok(backend, 'review.list', {})).ties).toHaveLength(2)

    const found = await ok(backend, 'paths.find', { to: carol.id })
    expect(found.paths[0]?.people.map((p) => p.name)).toEqual(['Sam Rivera', 'Alice Archer', 'Carol Chen'])
    expect(await copiesLeft(backend)).toEqual([])
  })

  it('names the file the user uploaded when it cannot be read, never the private copy', async () => {
    const backend = await openTempBackend()
    const started = await startUploadedArchive(backend, { name: 'Team calendar.ics', myAddresses: [] }, Readable.from([Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n')]))
    const failed = await settled(backend, started)
    expect(failed.error).toMatch(/"Team calendar\.ics"/)
    expect(failed.error).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/)
    expect(await copiesLeft(backend)).toEqual([])
  })

  it('says an empty mail file is empty', async () => {
    const backend = await openTempBackend()
    const failed = await settled(backend, await startUploadedArchive(backend, { name: 'Inbox.mbox', myAddresses: [] }, Readable.from([Buffer.alloc(0)])))
    expect(failed.error).toBe('"Inbox.mbox" is empty: there is no mail in it.')
    expect(await copiesLeft(backend)).toEqual([])
  })

  it('refuses a second import while one is open, and keeps no copy of the refused one', async () => {
    const backend = await openTempBackend()
    const open = await settled(backend, await upload(backend, 'warm-intro.mbox', ['me@home.org']))
    expect(open.phase).toBe('ready')
    const refused = await upload(backend, 'warm-intro.ics').then(
      () => null,
      (err: unknown) => err,
    )
    // Left open in this process (its tab reloaded or closed): the refusal names it, so the page can cancel it.
    expect(refused).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Another import is open in this data folder: warm-intro\.mbox \(.*\), .* Finish it first: apply it or cancel it on the Import page/),
      details: { openImport: { jobId: open.jobId, phase: 'ready', kind: 'archive' } },
    })
    expect(await copiesLeft(backend, 1)).toHaveLength(1)
    // A contacts file is refused the same way, naming the archive's preview.
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZara,Lindqvist,,zara@example.com,Acme,CTO,12 Mar 2024\n'
    const contacts = await fails(backend, 'imports.start', { fileName: 'Connections.csv', data: Buffer.from(csv).toString('base64'), format: null })
    expect(contacts).toMatchObject({
      message: expect.stringMatching(/^Another import is open in this data folder: warm-intro\.mbox .* Finish it first: apply it or cancel it on the Import page/),
      openImport: { jobId: open.jobId, kind: 'archive' },
    })
    await ok(backend, 'imports.archiveCancel', { jobId: open.jobId })
    expect((await settled(backend, await upload(backend, 'warm-intro.ics'))).phase).toBe('ready')
    expect((await fails(backend, 'imports.archiveReread', { jobId: 'nope' })).code).toBe('not_found')
  })

  it('names a contacts preview left open in this process, so the page can cancel it, then imports', async () => {
    const backend = await openTempBackend()
    const { preview } = await previewImport(backend, 'Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZara,Lindqvist,,zara@example.com,Acme,CTO,12 Mar 2024\n')
    if (preview === null) throw new Error('the contacts file was refused')
    const refused = await upload(backend, 'warm-intro.ics').then(
      () => null,
      (err: unknown) => err,
    )
    expect(refused).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Another import is open in this data folder: Connections\.csv, .* Finish it first: apply it or cancel it on the Import page/),
      details: { openImport: { jobId: preview.jobId, fileName: 'Connections.csv', phase: 'ready', kind: 'contacts' } },
    })
    await ok(backend, 'imports.cancel', { jobId: preview.jobId })
    expect((await settled(backend, await upload(backend, 'warm-intro.ics'))).phase).toBe('ready')
  })

  it('removes the copy of an import left waiting until Kith lets go of it', async () => {
    let now = new Date('2026-11-20T10:00:00Z')
    const backend = await openTempBackend({ now: () => now })
    const open = await settled(backend, await upload(backend, 'warm-intro.mbox', ['me@home.org']))
    expect(open.phase).toBe('ready')
    expect(await copiesLeft(backend, 1)).toHaveLength(1)
    now = new Date(now.getTime() + 31 * 60_000)
    expect((await ok(backend, 'imports.archiveJob', { jobId: open.jobId })).phase).toBe('expired')
    expect(await copiesLeft(backend)).toEqual([])
  })

  it('reads only copies in the uploads folder', async () => {
    const backend = await openTempBackend()
    const elsewhere = path.join(backend.dataDir, 'kith.sqlite')
    const error = await startArchiveOnCopy(backend, { file: elsewhere, name: 'mail.mbox', myAddresses: [] }).then(
      () => null,
      (err: unknown) => err,
    )
    expect(error).toMatchObject({ code: 'bad_request', message: "The upload of mail.mbox is not in Kith's folder for uploads." })
    expect(fs.existsSync(elsewhere)).toBe(true)
  })

  it('clears copies a stopped process left behind, and leaves those of a running one', async () => {
    const backend = await openTempBackend()
    const dir = path.join(backend.dataDir, UPLOAD_DIR_NAME)
    fs.mkdirSync(dir, { recursive: true })
    // Process ids above the system's limit are never running.
    fs.writeFileSync(path.join(dir, '999999999-left.mbox'), 'From x')
    fs.writeFileSync(path.join(dir, `${process.pid}-mine.mbox`), 'From x')
    removeUploads(backend.dataDir, 'left-behind')
    expect(fs.readdirSync(dir)).toEqual([`${process.pid}-mine.mbox`])
    removeUploads(backend.dataDir, 'mine')
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
