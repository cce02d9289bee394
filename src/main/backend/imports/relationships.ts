/**
 * A relationship sheet: who knows whom, in bulk. Columns person_a, person_b,
 * strength (1–5) and context, with kind and confidence optional. People are
 * named by email or by their exact name.
 */
import { CONFIDENCES, RELATIONSHIP_KINDS } from '../../../shared/vocab'
import { LIMITS, email as emailSchema } from '../../../shared/schemas'
import type { CsvRow } from './csv'
import { headerIndex, records } from './csv'
import { ImportFileError } from './errors'
import { emptyResult, type ReadResult, type SheetPerson } from './read-result'

const key = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_')

export function isRelationshipHeader(cells: readonly string[]): boolean {
  const keys = cells.map(key)
  return keys.includes('person_a') && keys.includes('person_b')
}

function sheetPerson(value: string): SheetPerson {
  const text = value.trim()
  return { text, email: text.includes('@') && emailSchema.safeParse(text).success ? text : null }
}

export async function readRelationships(rows: readonly CsvRow[], onProgress?: (fraction: number) => void): Promise<ReadResult> {
  const result = emptyResult('relationships')
  const header = rows[0]?.cells ?? []
  if (!isRelationshipHeader(header)) {
    throw new ImportFileError('This is not a relationship sheet: the first line must name the columns person_a, person_b, strength and context (kind and confidence are optional).', 1)
  }
  const col = headerIndex(header.map(key))
  const at = { a: col('person_a'), b: col('person_b'), strength: col('strength'), context: col('context'), kind: col('kind'), confidence: col('confidence') }
  if (at.strength === -1) throw new ImportFileError('Line 1: the relationship sheet has no strength column (1 to 5).', 1)
  const cell = (cells: readonly string[], i: number): string => (i === -1 ? '' : (cells[i] ?? '').trim())

  for await (const row of records(rows, 1, onProgress)) {
    result.records++
    const problem = (message: string): void => {
      result.problems.push({ line: row.line, message })
    }
    const a = sheetPerson(cell(row.cells, at.a))
    const b = sheetPerson(cell(row.cells, at.b))
    if (a.text === '' || b.text === '') {
      problem(`${a.text === '' ? 'person_a' : 'person_b'} is empty`)
      continue
    }
    if (a.text.length > LIMITS.name || b.text.length > LIMITS.name) {
      problem(`a name is longer than ${LIMITS.name} characters`)
      continue
    }
    if (a.text.toLowerCase() === b.text.toLowerCase()) {
      problem(`"${a.text}" is on both sides; a relationship needs two people`)
      continue
    }
    const strengthText = cell(row.cells, at.strength)
    const strength = Number(strengthText)
    if (!/^[1-5]$/.test(strengthText) || !Number.isInteger(strength)) {
      problem(`strength must be a whole number from 1 to 5, not "${strengthText}"`)
      continue
    }
    const kindText = cell(row.cells, at.kind).toLowerCase()
    const kind = RELATIONSHIP_KINDS.find((k) => k === kindText) ?? null
    if (kindText !== '' && kind === null) {
      problem(`kind "${kindText}" is not one of ${RELATIONSHIP_KINDS.join(', ')}`)
      continue
    }
    const confidenceText = cell(row.cells, at.confidence).toLowerCase()
    const confidence = CONFIDENCES.find((c) => c === confidenceText) ?? null
    if (confidenceText !== '' && confidence === null) {
      problem(`confidence "${confidenceText}" is not one of ${CONFIDENCES.join(', ')}`)
      continue
    }
    const context = cell(row.cells, at.context)
    result.relationships.push({
      line: row.line,
      a,
      b,
      strength,
      contexts: context === '' ? [] : [context.slice(0, LIMITS.shortText)],
      kind,
      confidence,
    })
  }
  return result
}
