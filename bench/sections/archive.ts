/**
 * The archive readers at size: a generated mbox of 100,000 messages (about
 * 1 GB: encoded names, folded headers, threads, mailing lists, 3,000
 * correspondents, bodies of 1 KB to 50 KB) imported end to end as the user
 * would (read, filtered, learned, matched and applied in a real data folder),
 * and read alone; against mailparser's simpleParser over the first 5,000
 * messages, extrapolated. Then path and search queries on the graph that
 * import built, and a generated .ics of 20,000 events, a fifth of them
 * recurring. Generated files are deleted afterwards.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { pick, seededRandom } from '../../src/main/backend/demo/random'
import { readCalendar } from '../../src/main/backend/imports/archive/calendar/read'
import { readMail } from '../../src/main/backend/imports/archive/mail/read'
import { z } from 'zod'
import { round, tempDir, type Figures, type Section } from '../lib'

const MESSAGES = 100_000
const BASELINE_MESSAGES = 5_000
const CORRESPONDENTS = 3_000
const EVENTS = 20_000
const TODAY = Date.UTC(2026, 10, 1)

const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Grace', 'Hana', 'Ifeoma', 'João', 'Kenji', 'Léa', 'Maya', 'Nikolai', 'Zoë', 'Søren', 'Zoltán']
const LAST = ['Silva', 'Okafor', 'Reyes', 'Patel', 'Vasquez', 'Haddad', 'Hopper', 'Sato', 'Okonkwo', 'Pereira', 'Nakamura', 'Müller', 'Lindqvist', 'Dvořák']
const WORDS = ['quarterly', 'plan', 'intro', 'coffee', 'review', 'draft', 'café', 'budget', 'hiring', 'offsite', 'follow-up', 'notes', 'résumé', 'deck']

interface Person {
  name: string
  email: string
}

function people(random: () => number): Person[] {
  return Array.from({ length: CORRESPONDENTS }, (_, i) => {
    const first = pick(random, FIRST)
    const last = pick(random, LAST)
    return { name: `${first} ${last}`, email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example${i % 40}.com` }
  })
}

/** A display name as mailers write it: plain, quoted, or an RFC 2047 word in B or Q. */
function encodedName(random: () => number, name: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(name)) return random() < 0.5 ? `"${name}"` : name
  const r = random()
  if (r < 0.4) return `=?UTF-8?B?${Buffer.from(name).toString('base64')}?=`
  if (r < 0.8) return `=?UTF-8?Q?${[...Buffer.from(name)].map((b) => (b > 126 || b === 32 || b === 61 || b === 63 || b === 95 ? (b === 32 ? '_' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`) : String.fromCharCode(b))).join('')}?=`
  return `"${name}"`
}

function bodyPool(random: () => number): string {
  const lines: string[] = []
  let size = 0
  while (size < 64 * 1024) {
    const words = Array.from({ length: 8 + Math.floor(random() * 6) }, () => pick(random, WORDS)).join(' ')
    const line = random() < 0.01 ? `>From ${words}` : words
    lines.push(line)
    size += line.length + 1
  }
  return `${lines.join('\n')}\n`
}

/** Writes the mbox a few megabytes at a time; returns its size and where message BASELINE_MESSAGES starts. */
function writeMbox(file: string): { bytes: number; baselineEnd: number } {
  const random = seededRandom(14_014)
  const everyone = people(random)
  const me = ME
  const pool = Buffer.from(bodyPool(random))
  const fd = fs.openSync(file, 'w')
  let parts: Buffer[] = []
  let pending = 0
  let bytes = 0
  let baselineEnd = 0
  const flush = (): void => {
    fs.writeSync(fd, Buffer.concat(parts))
    parts = []
    pending = 0
  }
  const push = (b: Buffer): void => {
    parts.push(b)
    pending += b.length
    bytes += b.length
    if (pending > 8 * 1024 * 1024) flush()
  }
  const threads: string[] = []
  for (let i = 0; i < MESSAGES; i++) {
    if (i === BASELINE_MESSAGES) baselineEnd = bytes
    const at = new Date(Date.UTC(2016, 0, 1) + Math.floor((i / MESSAGES) * 10 * 365 * 86_400_000))
    const other = everyone[Math.floor(random() ** 2 * CORRESPONDENTS)] ?? me
    const outgoing = random() < 0.35
    const from = outgoing ? me : other
    const recipients = [outgoing ? other : me, ...Array.from({ length: Math.floor(random() * 3) }, () => pick(random, everyone))]
    const reply = threads.length > 0 && random() < 0.3
    const root = reply ? pick(random, threads) : `t${i}@mail.example.com`
    if (!reply) {
      threads.push(root)
      if (threads.length > 500) threads.shift()
    }
    const list = random() < 0.1
    const subject = `${reply ? 'Re: ' : ''}${pick(random, WORDS)} ${pick(random, WORDS)} ${i % 97}`
    const headers = [
      `From ${1_700_000_000_000_000_000n + BigInt(i)}@xxx ${at.toUTCString().replace(/,/, '').replace(/ GMT$/, ' +0000')}`,
      `X-GM-THRID: ${root.replace(/\D/g, '')}`,
      `X-Gmail-Labels: ${outgoing ? 'Sent' : list ? 'Forums' : 'Inbox'}`,
      'Received: by 2002:a05:6a10:1234:b0:5a1:2b3c:4d5e with SMTP id abc123;',
      `        ${at.toUTCString()}`,
      `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=20230601;`,
      `        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject;`,
      `        bh=${Buffer.from(String(i)).toString('base64')}47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;`,
      `        b=${'Zm9vYmFy'.repeat(20)}`,
      `Message-ID: <m${i}@mail.example.com>`,
      ...(reply ? [`In-Reply-To: <${root}>`, `References: <${root}>`] : []),
      `Date: ${at.toUTCString().replace('GMT', '+0000')}`,
      `From: ${encodedName(random, from.name)} <${from.email}>`,
      `To: ${recipients.map((p) => `${encodedName(random, p.name)} <${p.email}>`).join(',\r\n\t')}`,
      `Subject: ${random() < 0.2 ? `=?UTF-8?Q?${encodeURIComponent(subject).replace(/%/g, '=')}?=` : subject}`,
      ...(list ? ['List-Id: Builders <builders.lists.example.org>', 'List-Unsubscribe: <mailto:leave@lists.example.org>'] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      '',
      '',
    ]
    push(Buffer.from(headers.join('\n')))
    let body = 1024 + Math.floor(random() ** 4 * 49 * 1024)
    while (body > 0) {
      // start on a line, as a mailer would (a bare `From ` at a line start would be unescaped)
      const start = pool.indexOf(10, Math.floor(random() * (pool.length / 2))) + 1
      const take = Math.min(body, pool.length - start)
      push(pool.subarray(start, start + take))
      body -= take
    }
    push(Buffer.from('\n\n'))
  }
  flush()
  fs.closeSync(fd)
  return { bytes, baselineEnd }
}

const ME: Person = { name: 'Maya Lindqvist', email: 'maya@example.com' }

/** The whole import, in a fresh process (as the paths probe does), so its memory is Kith's alone. */
function importFigures(file: string, dataDir: string): Figures {
  const probe = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'archive-probe.ts'), file, dataDir, ME.name, ME.email], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (probe.status !== 0) throw new Error(`the archive probe failed: ${probe.stderr}`)
  return figuresSchema.parse(JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}'))
}

const figuresSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))

async function mboxFigures(dir: string): Promise<Figures> {
  const file = path.join(dir, 'All mail Including Spam and Trash.mbox')
  const { bytes, baselineEnd } = writeMbox(file)
  const imported = importFigures(file, path.join(dir, 'data'))
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  const perCorrespondent = new Map<string, number>()
  let conversations = 0
  const start = performance.now()
  const cpu = process.cpuUsage()
  const summary = await readMail(file, {
    now: TODAY,
    onObservation: (o) => {
      if (o.noise !== null) return
      conversations++
      for (const p of [o.from, ...o.to]) if (p?.email != null) perCorrespondent.set(p.email, (perCorrespondent.get(p.email) ?? 0) + 1)
    },
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage.rss())
    },
  })
  const ms = performance.now() - start
  const cpuMs = cpuSince(cpu)
  clearInterval(sampler)

  const head = Buffer.alloc(baselineEnd)
  const fd = fs.openSync(file, 'r')
  fs.readSync(fd, head, 0, baselineEnd, 0)
  fs.closeSync(fd)
  const raws: Buffer[] = []
  for (let at = 0; at < head.length; ) {
    const next = head.indexOf('\nFrom ', at)
    raws.push(head.subarray(at, next < 0 ? head.length : next + 1))
    at = next < 0 ? head.length : next + 1
  }
  const baseStart = performance.now()
  const baseCpu = process.cpuUsage()
  for (const raw of raws) await simpleParser(raw)
  const baselineMs = ((performance.now() - baseStart) / raws.length) * MESSAGES
  const baselineCpuMs = (cpuSince(baseCpu) / raws.length) * MESSAGES

  return {
    ...imported,
    mbox_mb: round(bytes / 1e6, 0),
    mbox_messages: summary.messages,
    mbox_conversations: conversations,
    mbox_correspondents: perCorrespondent.size,
    mbox_ms: round(ms, 0),
    mbox_cpu_ms: round(cpuMs, 0),
    mbox_mb_per_s: round(bytes / 1e6 / (ms / 1000), 1),
    peak_rss_mb: round(peak / 1e6, 0),
    baseline_messages: raws.length,
    baseline_ms_extrapolated: round(baselineMs, 0),
    /** against the whole import: the honest comparison */
    baseline_ratio: round(baselineMs / Number(imported.import_ms), 1),
    baseline_cpu_ratio: round(baselineCpuMs / Number(imported.import_cpu_ms), 1),
    /** against reading alone */
    baseline_read_ratio: round(baselineMs / ms, 1),
  }
}

/** Milliseconds of CPU this process used since `from` (user and system): a busy machine stretches wall time, not this. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1000
}

function writeIcs(file: string): void {
  const random = seededRandom(14_015)
  const everyone = people(random)
  const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kith bench//EN',
    'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19810329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100',
    'DTSTART:19961027T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE',
  ]
  for (let i = 0; i < EVENTS; i++) {
    const start = TODAY - Math.floor(random() * 3 * 365) * 86_400_000 + 9 * 3_600_000
    const zoned = random() < 0.5
    const dtstart = zoned ? `DTSTART;TZID=Europe/Berlin:${stamp(start).replace('Z', '')}` : `DTSTART:${stamp(start)}`
    const attendees = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(random, everyone))
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@kith.example`, dtstamp(stamp), dtstart, `SUMMARY:${pick(random, WORDS)} ${i}`, 'ORGANIZER;CN=Maya Lindqvist:mailto:maya@example.com')
    for (const a of attendees) lines.push(`ATTENDEE;CN="${a.name}";PARTSTAT=${random() < 0.1 ? 'DECLINED' : 'ACCEPTED'}:mailto:${a.email}`)
    if (i % 5 === 0) {
      lines.push(`RRULE:FREQ=WEEKLY;INTERVAL=${1 + Math.floor(random() * 2)};COUNT=${4 + Math.floor(random() * 23)}`)
      if (random() < 0.3) lines.push(`EXDATE${zoned ? ';TZID=Europe/Berlin' : ''}:${stamp(start + 7 * 86_400_000).replace(zoned ? 'Z' : '', '')}`)
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR', '')
  fs.writeFileSync(file, lines.join('\r\n'))
}

function dtstamp(stamp: (ms: number) => string): string {
  return `DTSTAMP:${stamp(TODAY)}`
}

async function icsFigures(dir: string): Promise<Figures> {
  const file = path.join(dir, 'calendar.ics')
  writeIcs(file)
  let meetings = 0
  const start = performance.now()
  const cpu = process.cpuUsage()
  const summary = await readCalendar(file, { today: TODAY, onObservation: () => meetings++ })
  return { ics_events: summary.events, ics_meetings: meetings, ics_ms: round(performance.now() - start, 0), ics_cpu_ms: round(cpuSince(cpu), 0) }
}

export const archiveSection: Section = {
  name: 'archive',
  description: `a generated mbox of ${MESSAGES.toLocaleString('en')} messages (about 1 GB) read from its headers, against simpleParser on ${BASELINE_MESSAGES.toLocaleString('en')}; an .ics of ${EVENTS.toLocaleString('en')} events`,
  run: async () => {
    const dir = tempDir('archive')
    try {
      const mail = await mboxFigures(dir)
      fs.rmSync(path.join(dir, 'All mail Including Spam and Trash.mbox'), { force: true })
      const calendar = await icsFigures(dir)
      return { ...mail, ...calendar }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
