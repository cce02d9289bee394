/**
 * LinkedIn's full data export, read entry by entry: Profile.csv (whose export
 * it is), Positions.csv (their work history), Connections.csv (through the
 * contact importer's own LinkedIn reader), Invitations.csv and messages.csv
 * (one observation each). Message and invitation text is never read into
 * anything Kith keeps. A file the export lacks is passed over; a file that
 * cannot be read is refused with its name in the message.
 */
import { KithError } from '../../../errors'
import { csvParser, describeCsvError, headerIndex, type CsvRow } from '../../csv'
import { ImportFileError } from '../../errors'
import { readLinkedin } from '../../linkedin'
import { normalizeLinkedin } from '../../person-record'
import type { ReaderOptions } from '../formats'
import type { ArchiveItem, Participant } from '../observation'
import { openExport, type ExportEntry, type ExportFile, type OpenedExport } from './entries'
import { parseInvitationTime, parseMessageTime, parseMonthYear } from './dates'

/** More recipients than this on one message make it a crowd, as for mail. */
const CROWD = 15
/** The header must be within this many rows of an entry's start. */
const HEADER_ROWS = 20

interface Context {
  label: string
  signal: AbortSignal
  /** bytes of the entries already read, and the export's size */
  done: number
  total: number
  onProgress: ReaderOptions['onProgress']
}

/** Read through a call: the signal changes while the reader waits. */
const cancelled = (ctx: Context): boolean => ctx.signal.aborted

const where = (entry: ExportEntry, ctx: Context): string => `${entry.name} in ${ctx.label}`

/** One entry's CSV rows (blank ones left out), streamed, with the line each starts on. */
async function* csvRows(entry: ExportEntry, ctx: Context): AsyncGenerator<CsvRow> {
  const stream = await entry.open()
  let read = 0
  stream.on('data', (chunk: Buffer) => {
    read += chunk.length
    const share = entry.unpackedSize === 0 ? 1 : Math.min(1, read / entry.unpackedSize)
    ctx.onProgress({ bytes: ctx.done + Math.round(share * entry.size), totalBytes: ctx.total })
  })
  const parser = stream.pipe(csvParser.get().parse({ relax_column_count: true, info: true, bom: true, skip_empty_lines: false }))
  let previousEnd = 0
  try {
    // With `info`, csv-parse yields { record, info } objects; its types only describe plain records.
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (ctx.signal.aborted) return
      const line = previousEnd + 1
      previousEnd = item.info.lines
      if (item.record.some((c) => c.trim() !== '')) yield { line, cells: item.record }
    }
  } catch (err) {
    if (err instanceof KithError) throw err
    const problem = err instanceof Error ? describeCsvError(err, previousEnd + 1).message : String(err)
    throw new KithError('bad_request', `${where(entry, ctx)}: ${problem}`)
  } finally {
    stream.destroy()
    parser.destroy()
    ctx.done += entry.size
  }
}

/** A data row, its cells looked up by column name. */
interface DataRow {
  line: number
  cell: (column: string) => string
  has: (column: string) => boolean
}

/** The rows after the entry's header; refuses an entry with no header that has `columns` near its start. */
async function* records(entry: ExportEntry, ctx: Context, columns: readonly string[]): AsyncGenerator<DataRow> {
  let col: ((name: string) => number) | null = null
  let seen = 0
  for await (const row of csvRows(entry, ctx)) {
    if (col === null) {
      const candidate = headerIndex(row.cells)
      if (columns.every((c) => candidate(c) !== -1)) col = candidate
      else if (++seen >= HEADER_ROWS) break
      continue
    }
    const index = col
    yield { line: row.line, cell: (c) => (row.cells[index(c)] ?? '').trim(), has: (c) => index(c) !== -1 }
  }
  if (col === null && !ctx.signal.aborted) {
    throw new KithError('bad_request', `${where(entry, ctx)} is not the file LinkedIn writes: no header with ${columns.join(', ')} in its first lines. Nothing was imported.`)
  }
}

/** Profile.csv: the owner, from its first row. */
async function* profile(entry: ExportEntry, ctx: Context): AsyncGenerator<ArchiveItem> {
  for await (const r of records(entry, ctx, ['first name', 'last name'])) {
    const name = [r.cell('first name'), r.cell('last name')].filter((p) => p !== '').join(' ')
    if (name === '') {
      yield { kind: 'problem', line: r.line, message: `${entry.name} line ${r.line}: the profile has no name; whose export this is was not read` }
      return
    }
    yield { kind: 'owner', name, headline: r.cell('headline') === '' ? null : r.cell('headline') }
    return
  }
}

/** Positions.csv: the owner's jobs. */
async function* positions(entry: ExportEntry, ctx: Context): AsyncGenerator<ArchiveItem> {
  for await (const r of records(entry, ctx, ['company name', 'started on'])) {
    const company = r.cell('company name')
    if (company === '') {
      yield { kind: 'problem', line: r.line, message: `${entry.name} line ${r.line}: a job with no company name; left out` }
      continue
    }
    const [started, finished] = [r.cell('started on'), r.cell('finished on')]
    const startDate = started === '' ? null : parseMonthYear(started, 'start')
    const endDate = finished === '' ? null : parseMonthYear(finished, 'end')
    if ((started !== '' && startDate === null) || (finished !== '' && endDate === null)) {
      yield { kind: 'problem', line: r.line, message: `${entry.name} line ${r.line}: "${started === '' ? finished : startDate === null ? started : finished}" is not a month Kith can read; the job at ${company} was left out` }
      continue
    }
    if (startDate !== null && endDate !== null && startDate > endDate) {
      yield { kind: 'problem', line: r.line, message: `${entry.name} line ${r.line}: the job at ${company} ends before it starts; left out` }
      continue
    }
    yield { kind: 'position', company, title: r.cell('title') === '' ? null : r.cell('title'), startDate, endDate }
  }
}

/** Connections.csv, through the contact importer's LinkedIn reader (preamble and all). */
async function* connections(entry: ExportEntry, ctx: Context): AsyncGenerator<ArchiveItem> {
  const rows: CsvRow[] = []
  for await (const row of csvRows(entry, ctx)) rows.push(row)
  if (ctx.signal.aborted) return
  let result
  try {
    result = await readLinkedin(rows)
  } catch (err) {
    if (err instanceof ImportFileError) throw new KithError('bad_request', `${where(entry, ctx)}: ${err.message}`)
    throw err
  }
  for (const p of [...result.problems, ...result.warnings].sort((a, b) => a.line - b.line)) yield { kind: 'problem', line: p.line, message: `${entry.name} line ${p.line}: ${p.message}` }
  for (const p of result.people) {
    if (cancelled(ctx)) return
    yield { kind: 'connection', line: p.line, name: p.name, email: p.emails[0] ?? null, linkedinUrl: p.linkedinUrl, company: p.company, title: p.title }
  }
}

/** The owner on a message or invitation: known by profile address when the export gives it. */
function me(owner: string | null, url: string | null): Participant {
  return { email: null, name: owner, linkedinUrl: url, me: true }
}

/** Invitations.csv: each one sent or received is one message with that person. */
async function* invitations(entry: ExportEntry, ctx: Context, owner: string | null, myUrl: string | null): AsyncGenerator<ArchiveItem> {
  for await (const r of records(entry, ctx, ['from', 'to', 'sent at', 'direction'])) {
    const outgoing = r.cell('direction').toUpperCase() === 'OUTGOING'
    const otherUrl = r.cell(outgoing ? 'inviteeprofileurl' : 'inviterprofileurl')
    const other: Participant = { email: null, name: r.cell(outgoing ? 'to' : 'from') || null, linkedinUrl: otherUrl === '' ? null : otherUrl }
    const at = parseInvitationTime(r.cell('sent at'))
    if (at === null) {
      yield { kind: 'problem', line: r.line, message: `${entry.name} line ${r.line}: "${r.cell('sent at')}" is not a time Kith can read; the invitation was left out` }
      continue
    }
    const key = normalizeLinkedin(otherUrl) ?? (other.name ?? '').toLowerCase()
    yield {
      kind: 'message',
      sourceKey: `linkedin-invitation:${outgoing ? 'out' : 'in'}:${key}:${at}`,
      at,
      threadKey: `linkedin-invitation:${key}`,
      subject: 'LinkedIn invitation',
      from: outgoing ? me(owner, myUrl) : other,
      to: [outgoing ? other : me(owner, myUrl)],
      noise: null,
    }
  }
}

const MESSAGE_COLUMNS = ['conversation id', 'from', 'sender profile url', 'date'] as const

/** Profile addresses on a message row: the sender's and the recipients'. */
function urlsOf(r: DataRow): { sender: string; recipients: string[] } {
  return { sender: r.cell('sender profile url'), recipients: r.cell('recipient profile urls').split(/[,;\s]+/).filter((u) => u !== '') }
}

/**
 * The owner's profile address: the one that sends as the owner's name, or,
 * when no message does, the one on the most conversations.
 */
async function findMyUrl(entry: ExportEntry, ctx: Context, owner: string | null): Promise<string | null> {
  const asOwner = new Map<string, number>()
  const conversations = new Map<string, Set<string>>()
  const name = owner?.toLowerCase()
  for await (const r of records(entry, ctx, MESSAGE_COLUMNS)) {
    const { sender, recipients } = urlsOf(r)
    const convo = r.cell('conversation id')
    for (const u of [sender, ...recipients]) {
      const key = normalizeLinkedin(u)
      if (key === null) continue
      let set = conversations.get(key)
      if (set === undefined) conversations.set(key, (set = new Set()))
      set.add(convo)
    }
    const senderKey = normalizeLinkedin(sender)
    if (senderKey !== null && name !== undefined && r.cell('from').toLowerCase() === name) asOwner.set(senderKey, (asOwner.get(senderKey) ?? 0) + 1)
  }
  const most = (m: Map<string, number>): string | null => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  return most(asOwner) ?? most(new Map([...conversations].map(([k, v]) => [k, v.size])))
}

/** messages.csv: one observation per message (drafts left out). */
async function* messages(entry: ExportEntry, ctx: Context, owner: string | null, myUrl: string | null): AsyncGenerator<ArchiveItem> {
  const isMe = (url: string): boolean => myUrl !== null && normalizeLinkedin(url) === myUrl
  for await (const r of records(entry, ctx, MESSAGE_COLUMNS)) {
    if (/^(yes|true)$/i.test(r.cell('is message draft'))) continue
    const at = parseMessageTime(r.cell('date'))
    const convo = r.cell('conversation id')
    const { sender, recipients } = urlsOf(r)
    const names = r.cell('to').split(',').map((n) => n.trim())
    const person = (url: string, name: string | null): Participant => (isMe(url) ? me(owner, url) : { email: null, name, linkedinUrl: url })
    yield {
      kind: 'message',
      sourceKey: `linkedin:${convo}|${at ?? r.cell('date')}|${normalizeLinkedin(sender) ?? r.cell('from')}`,
      // An unreadable date is reported by the learning step, with the key.
      at: at ?? r.cell('date'),
      threadKey: `linkedin:${convo}`,
      subject: r.cell('subject') || r.cell('conversation title') || null,
      from: sender === '' ? { email: null, name: r.cell('from') || null, linkedinUrl: null } : person(sender, r.cell('from') || null),
      to: recipients.map((u, i) => person(u, names.length === recipients.length ? (names[i] ?? null) : null)),
      // Sponsored messages come from "LinkedIn Member" with no profile.
      noise: sender === '' ? 'automated' : recipients.length > CROWD ? 'crowd' : null,
    }
  }
}

/** Reads LinkedIn's export at `exportPath` (a zip or its unpacked folder). */
export async function* readLinkedinExport(exportPath: string, options: ReaderOptions, label: string): AsyncGenerator<ArchiveItem> {
  const opened: OpenedExport = await openExport(exportPath, label)
  const ctx: Context = { label, signal: options.signal, done: 0, total: opened.totalBytes, onProgress: options.onProgress }
  const entry = (f: ExportFile): ExportEntry | undefined => (ctx.signal.aborted ? undefined : opened.entries.get(f))
  try {
    if (opened.entries.size === 0) throw new KithError('bad_request', `${label} holds none of the files of a LinkedIn export (Connections.csv, messages.csv, Invitations.csv, Positions.csv, Profile.csv).`)
    let owner: string | null = null
    const p = entry('profile.csv')
    if (p !== undefined) {
      for await (const item of profile(p, ctx)) {
        if (item.kind === 'owner') owner = item.name
        yield item
      }
    }
    const jobs = entry('positions.csv')
    if (jobs !== undefined) yield* positions(jobs, ctx)
    const c = entry('connections.csv')
    if (c !== undefined) yield* connections(c, ctx)
    const m = entry('messages.csv')
    let myUrl: string | null = null
    if (m !== undefined) {
      const first = await checkMessages(m, ctx)
      if (first !== null) yield first
      else {
        myUrl = await findMyUrl(m, { ...ctx, onProgress: () => undefined }, owner)
        if (myUrl === null) yield { kind: 'problem', line: 0, message: `${m.name}: Kith could not tell which profile is yours, so no message counts as sent or received` }
      }
    }
    const inv = entry('invitations.csv')
    if (inv !== undefined) yield* invitations(inv, ctx, owner, myUrl)
    if (m !== undefined && myUrl !== null) yield* messages(m, ctx, owner, myUrl)
    options.onProgress({ bytes: ctx.total, totalBytes: ctx.total })
  } finally {
    opened.close()
  }
}

/** A note for an older messages file that names no profiles (its messages cannot be told apart by person), else null. */
async function checkMessages(entry: ExportEntry, ctx: Context): Promise<ArchiveItem | null> {
  for await (const row of csvRows(entry, { ...ctx, onProgress: () => undefined, done: 0 })) {
    const col = headerIndex(row.cells)
    if (col('conversation id') !== -1) return null
    if (col('direction') !== -1 && col('from') !== -1) {
      return { kind: 'problem', line: row.line, message: `${entry.name} is the older kind, without profile addresses: its messages were not read` }
    }
    return null
  }
  return null
}
