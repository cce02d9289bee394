/**
 * `kith` from a terminal: reads the command line (program.ts), opens the
 * data folder, runs the command and turns every failure into a message and
 * an exit code. Commands live in commands/, listed in registry.ts.
 */
import { Backend } from '../backend/backend'
import { resolveDataDir } from '../backend/data-dir'
import { KithError, errorMessage } from '../backend/errors'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, text, type CliIo, type CommandContext } from './common'
import { CommandLineError, readCommandLine, type CommandLine } from './program'
import { inUserWords, lowerFirst } from './user-words'

export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo }
export { USAGE, commandKeys } from './registry'

/** Whether the command line asks for JSON, read before it is parsed (a usage error may stop the parse). */
function asksForJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json')
}

/** Bad usage with --json: the same envelope as any other failure, on stdout. */
function usageEnvelope(io: CliIo, json: boolean, message: string): void {
  if (json) io.out(JSON.stringify({ ok: false, error: { code: 'bad_request', message } }, null, 2))
}

/** Runs one CLI command; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let line: CommandLine
  try {
    line = await readCommandLine(argv, io)
  } catch (err) {
    if (err instanceof CommandLineError) {
      usageEnvelope(io, asksForJson(argv), err.message)
      io.err(`${err.key === null ? 'kith' : `kith ${err.key}`}: ${err.message}\n\n${err.usage}`)
      return EXIT_USAGE
    }
    io.err(`kith: ${errorMessage(err)}`)
    return EXIT_FAILURE
  }
  if (line.kind === 'done') return line.code

  const { key, command, positionals, values } = line
  const fields = command.fields ?? {}
  let backend: Backend | undefined
  try {
    const dataDir = resolveDataDir(text(values, 'data'), env)
    // A command that starts the backend host opens the database there, not here.
    if (command.host === true) return await command.run({ dataDir, values, positionals, io })
    backend = await Backend.open({ dataDir })
    const opened = backend
    if (opened.damage.length > 0) {
      io.err('kith: Kith found damage in your data and changes nothing until it is repaired. See "kith doctor"; save what can be read with "kith export FILE", or "kith restore FILE".')
    }
    const ctx: CommandContext = {
      backend: opened,
      values,
      positionals,
      io,
      call: (method, args) => opened.call(method, args),
      person: async (ref: string, label?: string) => {
        try {
          return await opened.call('people.resolve', { ref })
        } catch (err) {
          if (!(err instanceof KithError)) throw err
          // "Invalid arguments for people.resolve: ref: name someone" → "--to: name someone"
          const said = inUserWords(err.message, { ref: label ?? 'PERSON' })
          throw new KithError(err.code, label === undefined || said.startsWith(`${label}: `) ? said : `${label}: ${lowerFirst(said)}`)
        }
      },
    }
    return await command.run(ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      usageEnvelope(io, values.json === true, err.message)
      io.err(`kith ${key}: ${err.message}\nSee: kith ${key} --help`)
      return EXIT_USAGE
    }
    const raw = err instanceof KithError ? err.toApiError() : { code: 'internal' as const, message: errorMessage(err) }
    const error = raw.code === 'bad_request' ? { ...raw, message: inUserWords(raw.message, fields) } : raw
    if (values.json === true) io.out(JSON.stringify({ ok: false, error }, null, 2))
    io.err(`kith ${key}: ${error.message.replace(/\s*\n\s*/g, ' ')}`)
    return EXIT_FAILURE
  } finally {
    await backend?.close()
  }
}
