/**
 * Google Contacts CSV, current ("First Name, Middle Name, Last Name, …,
 * Labels, E-mail 1 - Value, …") and legacy ("Name, Given Name, …, Group
 * Membership, E-mail 1 - Type, E-mail 1 - Value, …"). Numbered groups repeat
 * as the data needs; one cell can hold several values joined by " ::: ".
 */
import type { CsvRow } from './csv'
import { headerIndex, records } from './csv'
import { ImportFileError } from './errors'
import { combinedName, toImportedPerson } from './person-record'
import { emptyResult, type ReadResult } from './read-result'

export function isGoogleHeader(cells: readonly string[]): boolean {
  const col = headerIndex(cells)
  const current = col('first name') !== -1 && (col('labels') !== -1 || col('organization name') !== -1 || col('file as') !== -1)
  const legacy = col('given name') !== -1 && col('family name') !== -1
  return current || legacy || cells.some((c) => /^e-mail \d+ - value$/i.test(c.trim()))
}

/** " ::: " joins several values in one cell; "* " marks the primary one. */
function values(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(' ::: ')
    .map((v) => v.replace(/^\*\s*/, '').trim())
    .filter((v) => v !== '')
}

export async function readGoogle(rows: readonly CsvRow[], onProgress?: (fraction: number) => void): Promise<ReadResult> {
  const result = emptyResult('google')
  const header = rows[0]?.cells ?? []
  if (!isGoogleHeader(header)) {
    throw new ImportFileError('This is not a Google Contacts file: the first line is not a Google header (First Name … or Name, Given Name …).', 1)
  }
  const col = headerIndex(header)
  const numbered = (pattern: RegExp): number[] => header.flatMap((h, i) => (pattern.test(h.trim()) ? [i] : []))
  const emailCols = numbered(/^e-mail \d+ - value$/i)
  const phoneCols = numbered(/^phone \d+ - value$/i)
  const websiteCols = numbered(/^website \d+ - value$/i)
  const first = (...names: string[]): number => names.map(col).find((i) => i !== -1) ?? -1
  const at = {
    name: col('name'),
    given: first('first name', 'given name'),
    middle: first('middle name', 'additional name'),
    family: first('last name', 'family name'),
    prefix: col('name prefix'),
    suffix: col('name suffix'),
    nickname: col('nickname'),
    fileAs: col('file as'),
    company: first('organization name', 'organization 1 - name'),
    title: first('organization title', 'organization 1 - title'),
    birthday: col('birthday'),
    notes: col('notes'),
    labels: first('labels', 'group membership'),
    city: first('address 1 - city'),
    region: first('address 1 - region'),
    country: first('address 1 - country'),
    formatted: first('address 1 - formatted'),
  }
  const cell = (cells: readonly string[], i: number): string => (i === -1 ? '' : (cells[i] ?? '').trim())

  for await (const row of records(rows, 1, onProgress)) {
    result.records++
    const c = (i: number): string => cell(row.cells, i)
    const parts = [c(at.prefix), c(at.given), c(at.middle), c(at.family), c(at.suffix)].filter((p) => p !== '')
    // A combined name (legacy "Name", "File As") may be written last name first; a nickname is taken as it is.
    const combined = c(at.name) || (c(at.nickname) === '' ? c(at.fileAs) : '')
    const name = parts.length > 0 ? parts.join(' ') : combined !== '' ? combinedName(combined, row.line, result.warnings) : c(at.nickname)
    const place = [c(at.city), c(at.region), c(at.country)].filter((p) => p !== '')
    const location = place.length > 0 ? place.join(', ') : c(at.formatted).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join(', ')
    const person = toImportedPerson(
      {
        line: row.line,
        name,
        emails: emailCols.flatMap((i) => values(row.cells[i])),
        phones: phoneCols.flatMap((i) => values(row.cells[i])),
        aliases: values(c(at.nickname)),
        company: c(at.company),
        title: c(at.title),
        location,
        notes: c(at.notes),
        urls: websiteCols.flatMap((i) => values(row.cells[i])),
        birthday: c(at.birthday),
        // System labels (* myContacts, * starred) are left out with the other sources' system groups.
        tags: values(c(at.labels)),
      },
      result.problems,
      result.warnings,
      result.groupsLeftOut,
    )
    if (person !== null) result.people.push(person)
  }
  return result
}
