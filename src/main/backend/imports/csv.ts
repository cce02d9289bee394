/**
 * CSV rows with the line each one starts on, read by csv-parse a slice at a
 * time so that a large file reports progress and lets other work in.
 */
import type * as csvParse from 'csv-parse'
import type * as csvParseSync from 'csv-parse/sync'
import { LazyModule } from '../lazy-module'
import { ImportFileError } from './errors'
import { pace } from './yield'

export interface CsvRow {
  /** the line the row starts on, from 1 */
  line: number
  cells: string[]
}

/** csv-parse, streaming and whole (one instance of each, so `CsvError` is the class their errors are made of). */
export const csvParser = new LazyModule<typeof csvParse>('csv-parse')
const csvParserSync = new LazyModule<typeof csvParseSync>('csv-parse/sync')

const SLICE = 256 * 1024

const QUOTE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field starts here and is never closed (a " is missing)',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field has text straight after its closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field has text straight after its closing quote',
  INVALID_OPENING_QUOTE: 'a " appears in the middle of a field that was not quoted',
  CSV_INVALID_OPENING_QUOTE: 'a " appears in the middle of a field that was not quoted',
  CSV_MAX_RECORD_SIZE: 'a single row is far too long for a contacts file',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a row has a different number of columns from the header',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'a row has a different number of columns from the header',
}

export async function readCsv(
  text: string,
  options: { maxRows: number; fromLine?: number; delimiter?: string; onProgress?: (fraction: number) => void; tooMany: () => ImportFileError },
): Promise<CsvRow[]> {
  const rows: CsvRow[] = []
  const fromLine = options.fromLine ?? 1
  let previousEnd = fromLine - 1
  // Set from the parser's callbacks.
  const state: { failure: Error | null } = { failure: null }
  const parser = csvParser.get().parse({ relax_column_count: true, info: true, skip_empty_lines: false, bom: true, from_line: fromLine, delimiter: options.delimiter ?? ',' })
  parser.on('readable', () => {
    for (let item = parser.read() as { record: string[]; info: { lines: number } } | null; item !== null; item = parser.read() as typeof item) {
      const end = item.info.lines
      // A record ends on the line it was emitted at; it started after the last one ended.
      rows.push({ line: previousEnd + 1, cells: item.record })
      previousEnd = end
      if (rows.length > options.maxRows) {
        state.failure = options.tooMany()
        parser.destroy()
        return
      }
    }
  })
  parser.on('error', (err) => {
    state.failure ??= err
  })
  const finished = new Promise<void>((resolve) => {
    parser.on('end', resolve)
    parser.on('close', resolve)
  })
  for (let at = 0; at < text.length && state.failure === null; at += SLICE) {
    parser.write(text.slice(at, at + SLICE))
    options.onProgress?.(Math.min(1, (at + SLICE) / text.length))
    await new Promise((resolve) => setImmediate(resolve))
  }
  if (state.failure === null) parser.end()
  await finished
  if (state.failure !== null) throw describeCsvError(state.failure, previousEnd + 1)
  return rows
}

/** A CSV parser failure in plain words, with the line it is on. */
export function describeCsvError(err: Error, recordStart: number): Error {
  if (err instanceof ImportFileError) return err
  if (err instanceof csvParser.get().CsvError) {
    // An unclosed quote is found at the end of the file; it was opened where its record began.
    const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? recordStart : typeof err.lines === 'number' ? err.lines : null
    // Never the parser's own words (they quote the raw text back): a plain description, or a general one.
    const problem = QUOTE_PROBLEMS[err.code] ?? 'this line cannot be read as CSV'
    return new ImportFileError(`${line === null ? '' : `Line ${line}: `}${problem}. Nothing was imported.`, line)
  }
  return err
}

/**
 * The line a file's header is on: the first of its opening lines that
 * `isHeader` accepts, else 1. Lines before it (LinkedIn's preamble) are not
 * records; reading from the header on keeps csv-parse from judging every
 * row's width against the preamble's.
 */
export function headerLine(text: string, isHeader: (cells: string[]) => boolean): number {
  return findHeaderLine(text, isHeader) ?? 1
}

/** The line of the first of a file's opening lines that `isHeader` accepts, or null when none does. */
export function findHeaderLine(text: string, isHeader: (cells: string[]) => boolean, delimiter = ','): number | null {
  let head: { record: string[]; info: { lines: number } }[]
  try {
    // With `info`, csv-parse returns { record, info } objects; its types only describe plain records.
    head = csvParserSync.get().parse(text.slice(0, 64 * 1024), { relax_column_count: true, relax_quotes: true, info: true, to_line: 25, bom: true, skip_records_with_error: true, delimiter }) as unknown as typeof head
  } catch {
    return null
  }
  let previousEnd = 0
  for (const { record, info } of head) {
    if (isHeader(record)) return previousEnd + 1
    previousEnd = info.lines
  }
  return null
}

/**
 * The rows after the header that hold something (blank rows are not
 * records), pacing the work so that a large file lets other calls in.
 */
export async function* records(rows: readonly CsvRow[], from: number, onProgress?: (fraction: number) => void): AsyncGenerator<CsvRow> {
  for (let i = from; i < rows.length; i++) {
    await pace(i - from, rows.length - from, onProgress)
    const row = rows[i]
    if (row === undefined) break
    if (row.cells.some((c) => c.trim() !== '')) yield row
  }
}

/** Finds a column by its header, whatever the case and spacing. */
export function headerIndex(header: readonly string[]): (name: string) => number {
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase().replace(/\s+/g, ' ')
    if (!index.has(key)) index.set(key, i)
  })
  return (name) => index.get(name.toLowerCase()) ?? -1
}
