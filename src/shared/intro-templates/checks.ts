import { clause, doubledPunctuation, firstName } from './wording'

/** Doubled punctuation, gaps where something is missing, placeholders left in. */
export function textProblems(text: string): string[] {
  const problems: string[] = []
  const doubled = doubledPunctuation(text)
  if (doubled.length > 0) problems.push(`Doubled punctuation (“${doubled[0] ?? ''}”): keep one mark.`)
  if (/\S[^\S\n]{2,}\S/.test(text) || /[^\S\n][.,;:!?](?=\s|$)/.test(text) || /\(\s*\)/.test(text)) {
    problems.push('A gap where something is missing (two spaces, a space before a mark, or empty brackets).')
  }
  const placeholder = /\[[^\]\n]{0,40}\]|\{\{[^}\n]{0,40}\}\}|\bundefined\b|\bNaN\b/.exec(text)
  if (placeholder !== null) problems.push(`A placeholder is left in: “${placeholder[0]}”.`)
  return problems
}

/** "Kenji has no email address: add it or send to them separately." */
export function missingEmail(name: string, others: string[] = []): string {
  const first = firstName(name)
  const who = first === '' || others.some((o) => clause(o) !== clause(name) && firstName(o) === first) ? clause(name) : first
  return `${who} has no email address: add it or send to them separately.`
}
