import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { KithError } from '../../../errors'
import type { Observation } from '../observation'
import { parseMailDate } from './date'
import { readMail, type MailProgress, type MailReadOptions } from './read'

const FIXTURES = path.join(__dirname, '..', 'fixtures')
const NOW = Date.UTC(2026, 10, 28)
const temps: string[] = []

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-mail-'))
  temps.push(dir)
  return dir
}

async function read(root: string, options: Partial<MailReadOptions> = {}): Promise<{ all: Observation[]; summary: Awaited<ReturnType<typeof readMail>> }> {
  const all: Observation[] = []
  const summary = await readMail(root, { now: NOW, ...options, onObservation: (o) => all.push(o) })
  return { all, summary }
}

function bySubject(all: Observation[], subject: string): Observation {
  const found = all.find((o) => o.subject === subject)
  if (found === undefined) throw new Error(`no message "${subject}"`)
  return found
}

describe('a Gmail Takeout mbox', () => {
  it('decodes encoded names and subjects in UTF-8 (B and Q), ISO-8859-1, raw UTF-8 and Windows-1252', async () => {
    const { all } = await read(path.join(FIXTURES, 'gmail.mbox'))
    const first = bySubject(all, 'Café next week?')
    expect(first.from).toEqual({ email: 'maya@example.com', name: 'Maya Lindqvist', linkedinUrl: null })
    // a quoted name with a comma, and a To header folded over two lines
    expect(first.to.map((p) => [p.email, p.name])).toEqual([['ana@example.org', 'Silva, Ana'], ['kenji@example.net', 'Kenji Sato']])
    expect(bySubject(all, 'Re: Café next week?').from?.name).toBe('Ana José Silva')
    const raw = bySubject(all, 'Résumé attached')
    expect(raw.to[0]?.name).toBe('Zoë Müller')
  })

  it('splits messages only at From lines: >From and an unescaped body line stay body text', async () => {
    const { summary } = await read(path.join(FIXTURES, 'gmail.mbox'))
    expect(summary.messages).toBe(12)
    expect(summary.files).toBe(1)
  })

  it('marks list, bulk, automated, no-reply and crowded mail as noise and keeps conversations clean', async () => {
    const { all, summary } = await read(path.join(FIXTURES, 'gmail.mbox'))
    expect(bySubject(all, '[builders] Meetup on Friday').noise).toBe('list')
    expect(bySubject(all, 'Our winter sale').noise).toBe('bulk')
    expect(bySubject(all, 'Out of office').noise).toBe('automated')
    expect(bySubject(all, '[kith] New issue').noise).toBe('no-reply')
    expect(bySubject(all, 'Party!').noise).toBe('crowd')
    expect(bySubject(all, 'Café next week?').noise).toBeNull()
    expect(summary.noise).toEqual({ list: 1, bulk: 1, automated: 1, 'no-reply': 1, crowd: 1 })
  })

  it('takes the crowd limit as a parameter', async () => {
    const { all } = await read(path.join(FIXTURES, 'gmail.mbox'), { crowdLimit: 25 })
    expect(bySubject(all, 'Party!').noise).toBeNull()
    expect(bySubject(all, 'Party!').to).toHaveLength(20)
  })

  it('reads duplicate and mixed-case recipients once, and an undisclosed-recipients group as no one', async () => {
    const { all } = await read(path.join(FIXTURES, 'gmail.mbox'))
    expect(bySubject(all, 'Re: Café next week?').to.map((p) => p.email)).toEqual(['maya@example.com', 'kenji@example.net'])
    expect(bySubject(all, 'Moving house').to).toEqual([])
  })

  it('falls back to the From line date when Date is broken, and skips a message with no date at all', async () => {
    const { all, summary } = await read(path.join(FIXTURES, 'gmail.mbox'))
    const broken = bySubject(all, 'Broken clock')
    expect(broken.at).toBe('2026-01-08T14:15:00.000Z')
    expect(broken.from).toEqual({ email: 'ana@example.org', name: 'Ana Silva', linkedinUrl: null })
    expect(all.some((o) => o.subject === 'Neither date')).toBe(false)
    expect(summary.skipped.noDate).toBe(1)
    expect(summary.observations).toBe(11)
  })

  it('keys messages by Message-ID, or by a stable hash when there is none, the same on every read', async () => {
    const once = await read(path.join(FIXTURES, 'gmail.mbox'))
    const again = await read(path.join(FIXTURES, 'gmail.mbox'))
    expect(bySubject(once.all, 'Café next week?').sourceKey).toBe('m1@example.com')
    const noId = bySubject(once.all, 'No id on this one').sourceKey
    expect(noId).toMatch(/^sha1:[0-9a-f]{40}$/)
    expect(bySubject(again.all, 'No id on this one').sourceKey).toBe(noId)
    expect(new Set(once.all.map((o) => o.sourceKey)).size).toBe(once.all.length)
  })

  it("threads by Gmail's X-GM-THRID", async () => {
    const { all } = await read(path.join(FIXTURES, 'gmail.mbox'))
    expect(bySubject(all, 'Re: Café next week?').threadKey).toBe(bySubject(all, 'Café next week?').threadKey)
    expect(bySubject(all, '[builders] Meetup on Friday').threadKey).not.toBe(bySubject(all, 'Café next week?').threadKey)
  })

  it('proposes the sender of Sent-labelled mail as the user, with a count', async () => {
    const { summary } = await read(path.join(FIXTURES, 'gmail.mbox'))
    expect(summary.ownAddresses).toEqual([{ email: 'maya@example.com', name: 'Maya Lindqvist', count: 2, reason: 'sent-label' }])
  })

  it('reads a CRLF copy exactly like the LF original', async () => {
    const dir = tempDir()
    const text = fs.readFileSync(path.join(FIXTURES, 'gmail.mbox'), 'latin1').replace(/\r?\n/g, '\r\n')
    fs.writeFileSync(path.join(dir, 'crlf.mbox'), Buffer.from(text, 'latin1'))
    const original = await read(path.join(FIXTURES, 'gmail.mbox'))
    const copy = await read(path.join(dir, 'crlf.mbox'))
    expect(copy.all).toEqual(original.all)
  })
})

describe('an Apple Mail export and a folder of .eml files', () => {
  it('finds the mbox inside nested Name.mbox folders and passes over Info.plist', async () => {
    const { all, summary } = await read(path.join(FIXTURES, 'apple'))
    expect(summary.files).toBe(2)
    expect(all.map((o) => o.subject)).toEqual(['Lunch', 'Slides', 'Contract', 'Thanks', 'Proposal', 'Re: Proposal'])
    expect(bySubject(all, 'Proposal').from?.name).toBe('Okafor, Ben')
  })

  it('proposes the senders of a sent folder, most frequent first', async () => {
    const { summary } = await read(path.join(FIXTURES, 'apple'))
    expect(summary.ownAddresses.map((a) => [a.email, a.count, a.reason])).toEqual([
      ['maya@example.com', 3, 'sent-folder'],
      ['maya@work.example', 1, 'sent-folder'],
    ])
  })

  it('reads .eml headers (ISO-2022-JP names), threads replies by In-Reply-To, ignores other files', async () => {
    const { all, summary } = await read(path.join(FIXTURES, 'eml'))
    expect(summary.files).toBe(2)
    expect(all[0]?.from).toEqual({ email: 'hana@example.jp', name: '山田 花子', linkedinUrl: null })
    expect(all[0]?.at).toBe('2026-03-10T00:15:00.000Z')
    expect(all[1]?.threadKey).toBe('e1@example.jp')
  })
})

describe('a large mbox', () => {
  function bigMbox(dir: string, count: number): string {
    const file = path.join(dir, 'Big.mbox')
    const body = `${'lorem ipsum dolor sit amet '.repeat(40)}\n`.repeat(60) // ~65 KB, so messages straddle read chunks
    const fd = fs.openSync(file, 'w')
    for (let i = 0; i < count; i++) {
      const refs = i % 3 === 0 ? '' : `References: <root${i - (i % 3)}@big.example> <other@big.example>\n`
      fs.writeSync(fd, `From sender@big.example Mon Jan  5 10:00:00 2026\nMessage-ID: <root${i}@big.example>\n${refs}Date: Mon, 5 Jan 2026 10:00:00 +0000\nFrom: P${i % 7} <p${i % 7}@big.example>\nTo: maya@example.com\nSubject: n${i}\n\n${body}From the body, unescaped\n>From the body, escaped\n\n`)
    }
    fs.closeSync(fd)
    return file
  }

  it('reads every message across read chunks, threads by References, and reports progress to the last byte', async () => {
    const dir = tempDir()
    const file = bigMbox(dir, 60)
    const seen: MailProgress[] = []
    const { all, summary } = await read(file, { onProgress: (p) => seen.push(p) })
    expect(summary.messages).toBe(60)
    expect(all.map((o) => o.subject)).toEqual(Array.from({ length: 60 }, (_, i) => `n${i}`))
    expect(bySubject(all, 'n4').threadKey).toBe('root3@big.example')
    const last = seen.at(-1)
    expect(last?.bytesRead).toBe(fs.statSync(file).size)
    expect(last?.totalBytes).toBe(fs.statSync(file).size)
    expect(last?.correspondents).toBe(8)
    expect(seen.length).toBeGreaterThan(2)
  })

  it('stops when cancelled and says so', async () => {
    const dir = tempDir()
    const file = bigMbox(dir, 60)
    const controller = new AbortController()
    const all: Observation[] = []
    const summary = await readMail(file, {
      now: NOW,
      signal: controller.signal,
      onObservation: (o) => {
        all.push(o)
        controller.abort()
      },
    })
    expect(summary.cancelled).toBe(true)
    expect(all.length).toBeLessThan(60)
  })

  it('refuses what is not mail, naming the file but not its folder', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))
    const error = await read(path.join(dir, 'photo.jpg')).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(KithError)
    expect(error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('"photo.jpg"') })
    expect(String(error)).not.toContain(dir)
  })
})

describe('mail dates', () => {
  it.each([
    ['Tue, 3 Mar 2026 09:15:00 +0100 (CET)', '2026-03-03T08:15:00.000Z'],
    ['Wed Nov  1 06:04:52 2017', '2017-11-01T06:04:52.000Z'],
    ['Wed Feb  9 22:02 MET 2000', '2000-02-09T21:02:00.000Z'],
    ['14-Jun-2010 20:03:53 +0000', '2010-06-14T20:03:53.000Z'],
    ['Mon Jan 01 00:00:00 +0000 2024', '2024-01-01T00:00:00.000Z'],
    ['5 Jan 26 10:00 PST', '2026-01-05T18:00:00.000Z'],
    ['2024-05-06T07:08:09Z', '2024-05-06T07:08:09.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseMailDate(text, NOW) ?? 0).toISOString()).toBe(iso)
  })

  it.each(['', 'someday', 'Mon, 5 Jan 3609 10:00:00 +0000', 'Thu, 1 Jan 1970 00:00:00 +0000', '32 Jan 2024'])('refuses %j', (text) => {
    expect(parseMailDate(text, NOW)).toBeNull()
  })
})
