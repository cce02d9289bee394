/**
 * The mail reader: every message of an mbox file, an Apple `Name.mbox/`
 * folder or a folder of `.eml` files becomes one Observation, from its headers
 * only. A callback API: `readMail(root, { onObservation, onProgress, signal })`
 * calls `onObservation` once per message in file order, reports progress after
 * every read chunk, lets the event loop run between chunks, stops early when
 * the signal aborts (the summary then says `cancelled`), and resolves with a
 * summary: counts, what was skipped and why, and the addresses that look like
 * the user's own.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { fileFailure } from '../../../files'
import { yieldToEventLoop } from '../../yield'
import type { Observation, Participant } from '../observation'
import { parseAddresses } from './addresses'
import { parseMailDate } from './date'
import { messageIds, parseHeaderBlock, type MailHeaders } from './headers'
import { HEADER_CAP, splitMbox } from './mbox'
import { OwnAddressTally, type ProposedAddress } from './own-addresses'
import { findMailFiles, type MailFile } from './sources'

export type Noise = NonNullable<Observation['noise']>

export interface MailProgress {
  bytesRead: number
  totalBytes: number
  messages: number
  /** distinct addresses seen so far, senders and recipients */
  correspondents: number
}

export interface MailReadOptions {
  onObservation: (observation: Observation) => void
  onProgress?: (progress: MailProgress) => void
  signal?: AbortSignal
  /** dates after this (plus two days of clock slack) are refused; default: now */
  now?: number
  /** a message to more people than this is 'crowd' noise; default 15 */
  crowdLimit?: number
  /** what the user calls the archive (an uploaded copy's own name means nothing to them); default: its file name */
  name?: string
}

export interface MailReadSummary {
  files: number
  messages: number
  /** messages passed on (every message with a readable date) */
  observations: number
  /** messages left out, by reason: no readable date in the message nor on its mbox `From ` line */
  skipped: { noDate: number }
  noise: Record<Noise, number>
  /** addresses that look like the user's own, most used first */
  ownAddresses: ProposedAddress[]
  cancelled: boolean
}

export const DEFAULT_CROWD_LIMIT = 15

const NO_REPLY = /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|notifications?|notify|bounces?|auto[-_.]?reply)([-_.+].*)?$|noreply|donotreply/

export function isNoReplyAddress(email: string): boolean {
  const local = email.slice(0, email.lastIndexOf('@'))
  return NO_REPLY.test(local)
}

export async function readMail(root: string, options: MailReadOptions): Promise<MailReadSummary> {
  const files = findMailFiles(root, options.name)
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0)
  const now = options.now ?? Date.now()
  const crowdLimit = options.crowdLimit ?? DEFAULT_CROWD_LIMIT
  const summary: MailReadSummary = {
    files: files.length, messages: 0, observations: 0, skipped: { noDate: 0 },
    noise: { list: 0, bulk: 0, automated: 0, 'no-reply': 0, crowd: 0 }, ownAddresses: [], cancelled: false,
  }
  const tally = new OwnAddressTally()
  const correspondents = new Set<string>()
  let doneBytes = 0
  const progress = (bytesInFile: number): void =>
    options.onProgress?.({ bytesRead: doneBytes + bytesInFile, totalBytes, messages: summary.messages, correspondents: correspondents.size })

  const take = (file: MailFile, envelope: string | null, header: Buffer): void => {
    summary.messages++
    const headers = parseHeaderBlock(header)
    const observation = toObservation(headers, envelope, now, crowdLimit)
    if (observation === null) {
      summary.skipped.noDate++
      return
    }
    if (observation.noise !== null) summary.noise[observation.noise]++
    if (observation.from?.email != null) correspondents.add(observation.from.email)
    for (const p of observation.to) if (p.email !== null) correspondents.add(p.email)
    tally.add(file.folder, headers.gmailLabels, observation.from)
    summary.observations++
    options.onObservation(observation)
  }

  for (const file of files) {
    if (options.signal?.aborted === true) break
    if (file.kind === 'mbox') {
      const finished = await splitMbox(file.file, file.label, {
        message: (envelope, header) => take(file, envelope, header),
        progress,
        signal: options.signal,
      })
      if (!finished) break
    } else {
      const { envelope, header } = await readEmlHeader(file)
      take(file, envelope, header)
      if (summary.messages % 200 === 0) {
        progress(file.size)
        await yieldToEventLoop()
      }
    }
    doneBytes += file.size
  }
  progress(0)
  summary.cancelled = options.signal?.aborted === true
  summary.ownAddresses = tally.proposals()
  return summary
}

/** The header block of one .eml file, read from its start and no further than the cap. */
async function readEmlHeader(file: MailFile): Promise<{ envelope: string | null; header: Buffer }> {
  const buf = Buffer.alloc(Math.min(HEADER_CAP, Math.max(file.size, 1)))
  let n: number
  try {
    const handle = await fs.open(file.file, 'r')
    try {
      n = (await handle.read(buf, 0, buf.length, 0)).bytesRead
    } finally {
      await handle.close()
    }
  } catch (err) {
    throw fileFailure(err, file.label, 'read')
  }
  let data = buf.subarray(0, n)
  let envelope: string | null = null
  if (data.toString('latin1', 0, 5) === 'From ') {
    const nl = data.indexOf(10)
    envelope = data.toString('latin1', 0, nl < 0 ? data.length : nl).trimEnd()
    data = nl < 0 ? data.subarray(data.length) : data.subarray(nl + 1)
  }
  const lf = data.indexOf('\n\n')
  const crlf = data.indexOf('\n\r\n')
  const ends = [lf, crlf].filter((i) => i >= 0)
  return { envelope, header: ends.length === 0 ? data : data.subarray(0, Math.min(...ends)) }
}

/** The date on an mbox `From ` line: what follows the envelope sender. */
function envelopeDate(envelope: string | null): string {
  if (envelope === null) return ''
  return envelope.slice(5).trim().replace(/^\S+\s*/, '')
}

function toObservation(h: MailHeaders, envelope: string | null, now: number, crowdLimit: number): Observation | null {
  const at = (h.date === null ? null : parseMailDate(h.date, now)) ?? parseMailDate(envelopeDate(envelope), now)
  if (at === null) return null
  const from = h.from === null ? null : (parseAddresses(h.from)[0] ?? null)
  const to: Participant[] = []
  const seen = new Set<string>(from?.email == null ? [] : [from.email])
  for (const value of h.recipients) {
    for (const p of parseAddresses(value)) {
      if (p.email === null || seen.has(p.email)) continue
      seen.add(p.email)
      to.push(p)
    }
  }
  const iso = new Date(at).toISOString()
  const ownId = messageIds(h.messageId)[0]
  const sourceKey = ownId ?? `sha1:${stableHash([iso, from?.email ?? '', h.subject ?? '', ...to.map((p) => p.email ?? '').sort()])}`
  const gmThread = h.gmailThreadId?.trim()
  const threadKey =
    gmThread !== undefined && gmThread !== '' ? `gm:${gmThread}` : (messageIds(h.references)[0] ?? messageIds(h.inReplyTo)[0] ?? sourceKey)
  return { kind: 'email', sourceKey, at: iso, threadKey, subject: h.subject === '' ? null : h.subject, from, to, noise: noiseOf(h, from, to.length, crowdLimit) }
}

function stableHash(parts: string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex')
}

function noiseOf(h: MailHeaders, from: Participant | null, recipients: number, crowdLimit: number): Noise | null {
  if (h.listId !== null || h.listUnsubscribe !== null) return 'list'
  if (h.precedence !== null && /^(bulk|junk|list)$/i.test(h.precedence.trim())) return 'bulk'
  if (h.autoSubmitted !== null && h.autoSubmitted.trim().toLowerCase().split(/[\s;]/)[0] !== 'no') return 'automated'
  if (from?.email != null && isNoReplyAddress(from.email)) return 'no-reply'
  if (recipients > crowdLimit) return 'crowd'
  return null
}
