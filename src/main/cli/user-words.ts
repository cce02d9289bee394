/**
 * Backend messages in the CLI user's words. A refused argument comes back
 * from dispatch as "Invalid arguments for tasks.add: due: Use a date like
 * 2026-03-14" (and from a service as "to: …"); the user typed `--due`, so the
 * CLI says "--due: use a date like 2026-03-14". Method names and internal
 * field paths never reach the terminal.
 */

const FROM_DISPATCH = /^Invalid arguments for [\w.]+: ([\s\S]*)$/
const ISSUE = /^([A-Za-z_][\w]*(?:\.[\w]+)*): ([\s\S]*)$/

export function lowerFirst(message: string): string {
  // "Use a date" → "use a date", "A person" → "a person"; "ID …" or "I …" stay as they are.
  return /^(?!I\s)[A-Z](?:[a-z]|\s)/.test(message) ? `${message.charAt(0).toLowerCase()}${message.slice(1)}` : message
}

/** The user's word for a backend path: the path itself, else its longest mapped prefix. */
function wordFor(where: string, fields: Readonly<Record<string, string>>): string | undefined {
  const parts = where.split('.')
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.')
    if (Object.prototype.hasOwnProperty.call(fields, key)) return fields[key]
  }
  return undefined
}

/**
 * Rewrites a bad_request message: each "path: message" issue becomes
 * "FLAG: message" when the command maps that path, or just "message" when it
 * does not (dispatch's issues always start with a path). Other text is kept.
 */
export function inUserWords(message: string, fields: Readonly<Record<string, string>>): string {
  const dispatched = FROM_DISPATCH.exec(message)
  const issues = dispatched === null ? [message] : (dispatched[1] ?? '').split('; ')
  const named = new Set<string>()
  return issues
    .flatMap((issue) => {
      const match = ISSUE.exec(issue)
      if (match === null) return [issue]
      const [, where = '', said = ''] = match
      if (where === 'arguments') return [said]
      const word = wordFor(where, fields)
      if (word === undefined) return [dispatched === null ? issue : said]
      // One complaint per argument: "--due: use a date like 2026-03-14", not also "that date does not exist".
      if (named.has(word)) return []
      named.add(word)
      return [`${word}: ${lowerFirst(said)}`]
    })
    .join('; ')
}
