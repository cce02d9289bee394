import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fails, ok } from '../../testing/call'
import { obs, who } from '../../testing/observations'
import { openTempBackend, tempDir } from '../../testing/temp'
import { archiveJobs } from './jobs'
import type { Observation } from './observation'

const ME = who('me@home.org')

describe('archive import jobs', () => {
  it('show progress in bytes, messages and people while reading, and cancelling stops the reader and writes nothing', async () => {
    const backend = await openTempBackend()
    let release: () => void = () => undefined
    const paused = new Promise<void>((resolve) => (release = resolve))
    let stopped = false
    let yielded = 0
    const started = archiveJobs(backend).start({ fileName: 'big.mbox', format: 'mbox', myAddresses: ['me@home.org'] }, async function* ({ onProgress, signal }) {
      try {
        for (let i = 0; i < 100_000 && !signal.aborted; i++) {
          const them = who(`p${Math.floor(i / 2) % 700}@example.com`)
          yield i % 2 === 0 ? obs(ME, [them], '2026-01-01') : obs(them, [ME], '2026-01-02')
          yielded++
          onProgress({ bytes: (i + 1) * 1000, totalBytes: 100_000_000 })
          if (i === 2_999) await paused
        }
      } finally {
        stopped = true
      }
    } satisfies (o: { onProgress: (p: { bytes: number; totalBytes: number | null }) => void; signal: AbortSignal }) => AsyncIterable<Observation>)
    expect(started.phase).toBe('reading')
    let status = started
    while (status.progress.messages < 2_500) {
      await new Promise((resolve) => setTimeout(resolve, 2))
      status = await ok(backend, 'imports.archiveJob', { jobId: started.jobId })
    }
    expect(status.phase).toBe('reading')
    expect(status.progress.totalBytes).toBe(100_000_000)
    expect(status.progress.bytes).toBeGreaterThanOrEqual(2_400_000)
    expect(status.progress.people).toBeGreaterThan(600)

    // Only one import at a time in a data folder.
    const other = await fails(backend, 'imports.start', { fileName: 'c.vcf', data: Buffer.from('BEGIN:VCARD\nFN:A\nEND:VCARD\n').toString('base64') })
    expect(other.code).toBe('conflict')

    const cancelled = await ok(backend, 'imports.archiveCancel', { jobId: started.jobId })
    expect(cancelled.phase).toBe('cancelled')
    release()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stopped).toBe(true)
    expect(yielded).toBeLessThan(3_100)
    expect((await fails(backend, 'imports.archiveApply', { jobId: started.jobId })).code).toBe('conflict')
    expect(backend.sqlite.prepare('SELECT count(*) FROM person').pluck().get()).toBe(0)
    // The turn is free again.
    const next = archiveJobs(backend).start({ fileName: 'small.mbox', format: 'mbox' }, () => [obs(ME, [who('a@b.org')], '2026-01-01')])
    expect(next.phase).toBe('reading')
  })

  it('counts everyone it would add, though it lists the first thousand', async () => {
    const backend = await openTempBackend()
    const observations: Observation[] = []
    for (let i = 0; i < 1_200; i++) {
      const them = who(`p${i}@example.com`)
      observations.push(obs(ME, [them], '2026-01-01'), obs(them, [ME], '2026-01-02'))
    }
    let status = archiveJobs(backend).start({ fileName: 'many.mbox', format: 'mbox', myAddresses: ['me@home.org'] }, () => observations)
    while (status.phase === 'reading' || status.phase === 'matching') {
      await new Promise((resolve) => setTimeout(resolve, 5))
      status = await ok(backend, 'imports.archiveJob', { jobId: status.jobId })
    }
    const preview = status.preview
    expect(preview?.people.created).toHaveLength(1_000)
    expect(preview?.totals).toEqual({ created: 1_200, matched: 0, heardFrom: 0, ties: 0, errors: 0 })
    const result = await ok(backend, 'imports.archiveApply', { jobId: status.jobId })
    expect(result.peopleCreated).toBe(1_200)
  })

  it('fails in plain words when the reader fails, and gives the import turn back', async () => {
    const backend = await openTempBackend()
    const started = archiveJobs(backend).start({ fileName: 'broken.mbox', format: 'mbox' }, function* () {
      yield obs(ME, [who('a@b.org')], '2026-01-01')
      throw new Error('The mbox file ends in the middle of a header.')
    })
    let status = started
    while (status.phase === 'reading' || status.phase === 'matching') {
      await new Promise((resolve) => setTimeout(resolve, 2))
      status = await ok(backend, 'imports.archiveJob', { jobId: started.jobId })
    }
    expect([status.phase, status.error]).toEqual(['failed', 'The mbox file ends in the middle of a header.'])
    expect((await fails(backend, 'imports.archiveJob', { jobId: 'no-such-job' })).code).toBe('not_found')
    expect(archiveJobs(backend).start({ fileName: 'again.mbox', format: 'mbox' }, () => []).phase).toBe('reading')
  })
})

describe('choosing an archive in the desktop app', () => {
  it('starts from the path the native dialog gives, never names where it is, and is refused without a dialog', async () => {
    const dir = tempDir()
    const asked: string[] = []
    const picker = (answer: string | null) => ({
      saveBackupAs: () => Promise.resolve(null),
      openBackup: () => Promise.resolve(null),
      openArchive: (what: 'file' | 'folder') => {
        asked.push(what)
        return Promise.resolve(answer)
      },
    })
    const cancelled = await openTempBackend({ filePicker: picker(null) })
    expect(await ok(cancelled, 'imports.archiveChoose', { what: 'folder' })).toBeNull()
    expect(asked).toEqual(['folder'])

    const missing = await openTempBackend({ filePicker: picker(path.join(dir, 'Old mail.mbox')) })
    const error = await fails(missing, 'imports.archiveChoose', { what: 'file', myAddresses: ['me@home.org'] })
    expect([error.code, error.message]).toEqual(['not_found', 'There is nothing at Old mail.mbox.'])
    expect(error.message).not.toContain(dir)

    const browser = await openTempBackend()
    expect((await fails(browser, 'imports.archiveChoose', { what: 'file' })).code).toBe('forbidden')
    expect((await fails(browser, 'imports.archiveChoose', { what: 'file', path: '/etc/passwd' })).code).toBe('bad_request')
  })
})
