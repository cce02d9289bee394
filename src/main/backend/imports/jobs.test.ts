import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { previewImport } from '../testing/imports'
import { startTestChild } from '../testing/child'
import { openTempBackend } from '../testing/temp'
import { LOCK_FILE_NAME } from './lock'
import { importJobs } from './service'

const card = (name: string): string => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`
const base64 = (text: string): string => Buffer.from(text).toString('base64')

/** A backend whose clock the test moves. */
async function withClock(): Promise<{ backend: Awaited<ReturnType<typeof openTempBackend>>; advance: (minutes: number) => void }> {
  let now = new Date('2026-11-22T10:00:00').getTime()
  const backend = await openTempBackend({ now: () => new Date(now) })
  return { backend, advance: (minutes) => (now += minutes * 60_000) }
}

async function readyPreview(backend: Awaited<ReturnType<typeof openTempBackend>>, fileName: string, name: string): Promise<string> {
  const { preview, error } = await previewImport(backend, fileName, card(name))
  if (preview === null) throw new Error(error ?? 'no preview')
  return preview.jobId
}

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

describe('one import at a time', () => {
  it('refuses a second import while one waits at its preview, naming it; cancelling lets go of it and frees the turn', async () => {
    const { backend } = await withClock()
    expect(await ok(backend, 'imports.waiting', {})).toBeNull()
    const first = await readyPreview(backend, 'phone.vcf', 'Ana Lima')
    expect(importJobs(backend).holding()).toEqual([first])
    // A page opened afresh (reloaded on that preview) is told it waits, to show it again or cancel it.
    expect(await ok(backend, 'imports.waiting', {})).toEqual({ jobId: first, fileName: 'phone.vcf', phase: 'ready', kind: 'contacts' })

    const refused = await fails(backend, 'imports.start', { fileName: 'laptop.vcf', data: base64(card('Ben Okafor')), format: null })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toBe(
      'Another import is open in this data folder: phone.vcf, started at 10:00 and waiting to be applied or cancelled. Kith imports one file at a time. Finish it first: apply it or cancel it on the Import page, or it is let go at 10:30 if left waiting.',
    )
    expect(refused.openImport).toEqual({ jobId: first, fileName: 'phone.vcf', phase: 'ready', kind: 'contacts' })

    const cancelled = await ok(backend, 'imports.cancel', { jobId: first })
    expect(cancelled).toMatchObject({ phase: 'cancelled', preview: null })
    expect(await ok(backend, 'imports.waiting', {})).toBeNull()
    // Nothing of the file is held any more, and the lock file is gone.
    expect(importJobs(backend).holding()).toEqual([])
    expect(fs.existsSync(path.join(backend.dataDir, LOCK_FILE_NAME))).toBe(false)
    expect((await fails(backend, 'imports.apply', { jobId: first, strength: null })).message).toMatch(/phone\.vcf was cancelled; choose the file again/)

    const second = await readyPreview(backend, 'laptop.vcf', 'Ben Okafor')
    await ok(backend, 'imports.apply', { jobId: second, strength: null })
    expect(importJobs(backend).holding()).toEqual([])
    expect((await ok(backend, 'people.list', { limit: 10 })).people.map((p) => p.name)).toEqual(['Ben Okafor'])
  })

  it('stops reading a file once it is cancelled, so a later import is not disturbed by it', async () => {
    const { backend } = await withClock()
    const rows = ['First Name,Last Name,Email Address,Company,Position,Connected On']
    for (let i = 0; i < 30_000; i++) rows.push(`Person,Number ${i},p${i}@example.com,Co,Role,1 Jan 2020`)
    const big = await ok(backend, 'imports.start', { fileName: 'big.csv', data: base64(rows.join('\n')), format: null })
    expect(big.phase).toBe('reading')
    expect((await ok(backend, 'imports.cancel', { jobId: big.jobId })).phase).toBe('cancelled')

    const next = await readyPreview(backend, 'phone.vcf', 'Ana Lima')
    expect(importJobs(backend).holding()).toEqual([next])
    expect(await ok(backend, 'imports.job', { jobId: big.jobId })).toMatchObject({ phase: 'cancelled', preview: null })
  })

  it('lets go of a preview left waiting for 30 minutes, and says so when the user comes back', async () => {
    const { backend, advance } = await withClock()
    const jobId = await readyPreview(backend, 'phone.vcf', 'Ana Lima')
    advance(29)
    expect((await ok(backend, 'imports.job', { jobId })).phase).toBe('ready')
    advance(2)
    const refused = await fails(backend, 'imports.apply', { jobId, strength: null })
    expect(refused).toEqual({
      code: 'conflict',
      message: 'The import of phone.vcf waited 30 minutes without being applied, so Kith let go of it. Choose the file again to import it.',
    })
    expect(await ok(backend, 'imports.job', { jobId })).toMatchObject({ phase: 'expired', preview: null })
    expect(importJobs(backend).holding()).toEqual([])
    expect((await ok(backend, 'people.list', { limit: 10 })).total).toBe(0)
    // The turn is free again.
    await readyPreview(backend, 'phone.vcf', 'Ana Lima')
  })

  it('is held across processes: an import open in another process blocks this one until that process is gone', async () => {
    const { backend } = await withClock()
    const holder = startTestChild('import-holder.ts', [backend.dataDir])
    children.push(holder.child)
    expect(await holder.firstLine).toBe('READY')

    const refused = await fails(backend, 'imports.start', { fileName: 'laptop.vcf', data: base64(card('Ben Okafor')), format: null })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain(`Another import is open in this data folder: phone.vcf`)
    expect(refused.message).toContain(`It is open in another Kith window or command (process ${holder.child.pid ?? 0}); apply it or cancel it there first`)
    // Its job cannot be cancelled from here.
    expect(refused.openImport).toMatchObject({ jobId: null, fileName: 'phone.vcf' })

    // The other process dies without cleaning up: its lock is stale, and taken over.
    await holder.kill()
    expect(fs.existsSync(path.join(backend.dataDir, LOCK_FILE_NAME))).toBe(true)
    const jobId = await readyPreview(backend, 'laptop.vcf', 'Ben Okafor')
    await ok(backend, 'imports.apply', { jobId, strength: null })
    expect((await ok(backend, 'people.list', { limit: 10 })).people.map((p) => p.name)).toEqual(['Ben Okafor'])
  }, 30_000)

  it('takes over a lock left unreadable, or past its time', async () => {
    const { backend } = await withClock()
    const lock = path.join(backend.dataDir, LOCK_FILE_NAME)
    fs.writeFileSync(lock, '{"pid": 1, "jobId"')
    const first = await readyPreview(backend, 'phone.vcf', 'Ana Lima')
    await ok(backend, 'imports.cancel', { jobId: first })
    // A live process (the test runner's parent), but its time ran out long ago.
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, jobId: 'x', fileName: 'old.csv', phase: 'ready', startedAt: 0, expiresAt: 1 }))
    await readyPreview(backend, 'phone.vcf', 'Ana Lima')
  })
})
