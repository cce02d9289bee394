/**
 * Per-command help, cut from the one global usage text so the two never
 * disagree: `kith tasks --help` shows the usage lines that start with
 * "tasks", then what the command adds about itself.
 */

/** The command entries of the usage: a line "  words …" and the more-indented lines that continue it. */
function entries(usage: string): string[][] {
  const found: string[][] = []
  let inCommands = false
  for (const line of usage.split('\n')) {
    if (/^\S/.test(line)) {
      inCommands = line.startsWith('Commands:')
      continue
    }
    if (!inCommands || line.trim() === '') continue
    if (/^ {2}\S/.test(line)) found.push([line])
    else found.at(-1)?.push(line)
  }
  return found
}

/** Whether an entry's first line starts with these words ("[list]" matches "list"). */
function startsWith(entry: readonly string[], words: readonly string[]): boolean {
  const said = (entry[0] ?? '').trim().split(/\s+/)
  return words.every((w, i) => said[i] === w || said[i] === `[${w}]`)
}

/** The usage lines of one command ("tasks", "people edit"), or null when the usage has none. */
export function usageLines(usage: string, key: string): string | null {
  const words = key.split(' ')
  const mine = entries(usage).filter((e) => startsWith(e, words))
  return mine.length === 0 ? null : mine.map((e) => e.join('\n')).join('\n')
}

export function commandHelp(usage: string, key: string, extra: string | undefined): string {
  const lines = usageLines(usage, key) ?? `  ${key}`
  const parts = [`Usage: kith ${key} …\n\n${lines}`]
  if (extra !== undefined && extra.trim() !== '') parts.push(extra.trim())
  parts.push('Every command takes --data DIR (the data folder), --json (one JSON document on stdout) and --help.\nPeople are named by id, exact name, alias or email.')
  return parts.join('\n\n')
}
