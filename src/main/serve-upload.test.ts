import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { ArchiveJobStatus } from '../shared/imports'
import type { Backend } from './backend/backend'
import { ok } from './backend/testing/call'
import { openTempBackend, tempDir } from './backend/testing/temp'
import { UPLOAD_DIR_NAME } from './backend/imports/archive/upload'
import { inProcess } from './host/in-process'
import { startServer, type RunningServer } from './serve'

const GMAIL = path.join(import.meta.dirname, 'backend/imports/archive/fixtures/gmail.mbox')

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface Reply {
  status: number
  body: string
}

function send(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

async function setup(): Promise<{ backend: Backend; port: number; token: string; uploads: string; upload: (name: string, body: Buffer | string, my?: string[]) => Promise<Reply> }> {
  const backend = await openTempBackend()
  const staticDir = tempDir()
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kith</title>')
  server = await startServer({ backend: inProcess(backend), staticDir })
  const { port, token } = server
  const upload = (name: string, body: Buffer | string, my: string[] = []): Promise<Reply> => {
    const query = new URLSearchParams([['name', name], ...my.map((m): [string, string] => ['my', m])])
    return send(port, { path: `/upload/archive?${query.toString()}`, headers: { Host: `127.0.0.1:${port}`, 'X-Kith-Token': token }, body })
  }
  return { backend, port, token, uploads: path.join(backend.dataDir, UPLOAD_DIR_NAME), upload }
}

const startedAnswer = z.object({ ok: z.literal(true), data: z.object({ jobId: z.string() }) })
const refusedAnswer = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) })

/** The job an upload started, read until it has finished reading. */
async function settled(backend: Backend, reply: Reply | ArchiveJobStatus): Promise<ArchiveJobStatus> {
  let now = 'jobId' in reply ? reply : await ok(backend, 'imports.archiveJob', { jobId: startedAnswer.parse(JSON.parse(reply.body)).data.jobId })
  while (now.phase === 'reading' || now.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 10))
    now = await ok(backend, 'imports.archiveJob', { jobId: now.jobId })
  }
  return now
}

const copies = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])

/** The uploaded copies once their removal (which runs in the background) is done; gives up after ten seconds. */
async function copiesLeft(dir: string): Promise<string[]> {
  for (let i = 0; i < 500 && copies(dir).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  return copies(dir)
}

describe('browser mode archive upload', () => {
  it('reads an uploaded mbox from a private copy, previews it, and removes the copy once applied', async () => {
    const { backend, uploads, upload } = await setup()
    const status = await settled(backend, await upload('Takeout Mail.mbox', fs.readFileSync(GMAIL), ['maya@example.com']))
    expect(status.phase).toBe('ready')
    expect(status.preview?.fileName).toBe('Takeout Mail.mbox')
    expect(status.preview?.people.created.map((p) => p.email)).toContain('ana@example.org')
    // While the preview waits, the copy is there, private, under a private folder.
    const [copy] = copies(uploads)
    expect(copy).toBeDefined()
    if (process.platform !== 'win32') {
      expect(fs.statSync(uploads).mode & 0o777).toBe(0o700)
      expect(fs.statSync(path.join(uploads, copy ?? '')).mode & 0o777).toBe(0o600)
    }
    const result = await ok(backend, 'imports.archiveApply', { jobId: status.jobId })
    expect(result.peopleCreated).toBeGreaterThan(0)
    expect(await copiesLeft(uploads)).toEqual([])
  })

  it('proposes the addresses of sent mail as my own, and reading again after I confirm them turns messages into exchanges', async () => {
    const { backend, uploads, upload } = await setup()
    const first = await settled(backend, await upload('mail.mbox', fs.readFileSync(GMAIL)))
    expect(first.preview?.ownAddresses).toEqual({ known: [], proposed: [expect.objectContaining({ email: 'maya@example.com', reason: 'sent-label' })] })
    expect(first.preview?.people.created).toEqual([])

    await ok(backend, 'settings.archive.set', { myAddresses: ['maya@example.com'], keepSubjects: true })
    const again = await settled(backend, await ok(backend, 'imports.archiveReread', { jobId: first.jobId }))
    expect(again.jobId).not.toBe(first.jobId)
    expect(again.preview?.ownAddresses).toEqual({ known: ['maya@example.com'], proposed: [] })
    expect(again.preview?.people.created.map((p) => p.email)).toContain('ana@example.org')
    // The old job is let go; the copy stays for the new one, and goes when it is cancelled.
    expect((await ok(backend, 'imports.archiveJob', { jobId: first.jobId })).phase).toBe('cancelled')
    expect(copies(uploads)).toHaveLength(1)
    await ok(backend, 'imports.archiveCancel', { jobId: again.jobId })
    expect(await copiesLeft(uploads)).toEqual([])
  })

  it('refuses a name that is not an archive, a path, a bad address, a file that is no archive, and keeps nothing', async () => {
    const { backend, uploads, upload } = await setup()
    const refusals: [string, string, string[], RegExp][] = [
      ['notes.txt', 'hello', [], /\.mbox, \.ics, \.eml or \.zip/],
      ['../../etc/mail.mbox', 'From x', [], /not a path/],
      ['', 'From x', [], /Name the file/],
      [`${'x'.repeat(300)}.mbox`, 'From x', [], /255 characters/],
      ['mail.mbox', 'From x', ['not an address'], /email address/],
      ['mail.mbox', 'this is a letter, not a mailbox', [], /mail.mbox is not a mail or calendar archive Kith can read \(mbox, \.eml, \.ics, or LinkedIn's data export as \.zip\)\./],
    ]
    for (const [name, body, my, message] of refusals) {
      const reply = await upload(name, body, my)
      expect(reply.status, name).toBe(200)
      const answer = refusedAnswer.parse(JSON.parse(reply.body))
      expect(answer.error.code, name).toBe('bad_request')
      expect(answer.error.message, name).toMatch(message)
      expect(answer.error.message, name).not.toContain(backend.dataDir)
      // Never a field's name ("name: …").
      expect(answer.error.message, name).not.toMatch(/^(name|myAddresses)[.:]/)
    }
    expect(await copiesLeft(uploads)).toEqual([])
  })

  it('keeps nothing of an upload that stops half way', async () => {
    const { port, token, uploads } = await setup()
    await new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/upload/archive?name=big.mbox', headers: { Host: `127.0.0.1:${port}`, 'X-Kith-Token': token, 'Content-Length': '10000000' } })
      req.on('error', () => resolve())
      // Part of the body arrives and is being copied; then the page is closed.
      req.write(fs.readFileSync(GMAIL), () => {
        const waitForCopy = (): void => {
          if (copies(uploads).length === 1) req.destroy()
          else setTimeout(waitForCopy, 10)
        }
        waitForCopy()
      })
    })
    expect(await copiesLeft(uploads)).toEqual([])
  })

  it('takes the token as the API does, and POST only', async () => {
    const { port, token, uploads } = await setup()
    const host = `127.0.0.1:${port}`
    const tries: [Record<string, string>, string, number][] = [
      [{ Host: host }, 'POST', 403],
      [{ Host: host, 'X-Kith-Token': 'wrong' }, 'POST', 403],
      [{ Host: `evil.example:${port}`, 'X-Kith-Token': token }, 'POST', 403],
      [{ Host: host, Origin: 'https://evil.example', 'X-Kith-Token': token }, 'POST', 403],
      [{ Host: host, 'X-Kith-Token': token }, 'GET', 405],
    ]
    for (const [headers, method, status] of tries) {
      const reply = await send(port, { path: '/upload/archive?name=mail.mbox', method, headers, body: method === 'POST' ? 'From x\n' : undefined })
      expect(reply.status, JSON.stringify(headers)).toBe(status)
    }
    expect(copies(uploads)).toEqual([])
  })

  it('lets go of an import read from an upload when the server stops, and removes its copy', async () => {
    const { backend, uploads, upload } = await setup()
    const status = await settled(backend, await upload('mail.mbox', fs.readFileSync(GMAIL), ['maya@example.com']))
    expect(copies(uploads)).toHaveLength(1)
    await server?.close()
    server = undefined
    expect((await ok(backend, 'imports.archiveJob', { jobId: status.jobId })).phase).toBe('cancelled')
    expect(copies(uploads)).toEqual([])
  })
})
