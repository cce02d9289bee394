/**
 * LinkedIn's Connections.csv: a preamble in newer exports (a "Notes:" line,
 * a quoted warning, a blank line), then First Name, Last Name, URL (missing
 * in older exports), Email Address, Company, Position, Connected On.
 */
import type { CsvRow } from './csv'
import { headerIndex, records } from './csv'
import { ImportFileError } from './errors'
import { parseDayMonthYear, toImportedPerson } from './person-record'
import { emptyResult, type ReadResult } from './read-result'

export function isLinkedinHeader(cells: readonly string[]): boolean {
  const col = headerIndex(cells)
  return col('first name') !== -1 && col('last name') !== -1 && (col('connected on') !== -1 || col('position') !== -1)
}

export async function readLinkedin(rows: readonly CsvRow[], onProgress?: (fraction: number) => void): Promise<ReadResult> {
  const result = emptyResult('linkedin')
  const headerAt = rows.slice(0, 20).findIndex((r) => isLinkedinHeader(r.cells))
  if (headerAt === -1) {
    throw new ImportFileError('This is not a LinkedIn connections file: no header with First Name, Last Name and Connected On in its first lines.', 1)
  }
  const col = headerIndex(rows[headerAt]?.cells ?? [])
  const first = col('first name')
  const last = col('last name')
  const url = col('url')
  const email = col('email address')
  const company = col('company')
  const position = col('position')
  const connected = col('connected on')
  const cell = (cells: readonly string[], i: number): string => (i === -1 ? '' : (cells[i] ?? '').trim())

  for await (const row of records(rows, headerAt + 1, onProgress)) {
    result.records++
    const connectedOn = cell(row.cells, connected)
    const since = connectedOn === '' ? null : parseDayMonthYear(connectedOn)
    if (connectedOn !== '' && since === null) result.warnings.push({ line: row.line, message: `"Connected On" is not a date: "${connectedOn}"; left out` })
    const person = toImportedPerson(
      {
        line: row.line,
        name: [cell(row.cells, first), cell(row.cells, last)].filter((p) => p !== '').join(' '),
        emails: [cell(row.cells, email)],
        company: cell(row.cells, company),
        title: cell(row.cells, position),
        urls: [cell(row.cells, url)],
        since,
      },
      result.problems,
      result.warnings,
    )
    if (person !== null) result.people.push(person)
  }
  return result
}
