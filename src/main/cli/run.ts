import { spawn } from 'node:child_process'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { ApiResponse } from '../../shared/api'
import type { ArgsIn, MethodName, Result } from '../../shared/contract'
import type { BackupInfo, DoctorReport, RestoreResult, DemoSummary, TableCounts } from '../../shared/types'
import { Backend } from '../backend/backend'
import { resolveDataDir } from '../backend/data-dir'
import { KithError, errorMessage } from '../backend/errors'
import { findRendererDir, startServer } from '../serve'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilStopped?(): Promise<void>
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

const USAGE = `Usage: kith [--data DIR] <command> [options]

Commands:
  doctor [--json]              check the database: integrity, foreign keys, schema, counts
  backup [--to FILE] [--json]  copy the database (online backup, then an integrity check)
  restore FILE [--json]        replace the data with a backup (a copy of the current data is kept)
  demo [--json]                load the sample network into an empty database
  serve [--port N] [--no-open] browser mode on 127.0.0.1

Options:
  --data DIR   the data folder (default: KITH_DATA_DIR, else the desktop app's folder)
  --json       print one JSON document on stdout
  --help       show this help`

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  to: { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options']

type OptionName = keyof typeof OPTIONS

interface Command {
  options: readonly OptionName[]
  positionals: number
  run(ctx: CommandContext): Promise<number>
}

interface CommandContext {
  backend: Backend
  values: Partial<Record<OptionName, string | boolean>>
  positionals: string[]
  io: CliIo
  call<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>>
}

class UsageError extends Error {}

function countsLine(counts: TableCounts): string {
  return `${counts.people} people, ${counts.relationships} relationships`
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function emit(ctx: CommandContext, json: unknown, text: string): void {
  ctx.io.out(ctx.values.json === true ? JSON.stringify(json, null, 2) : text)
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No browser opener here: the printed URL is enough.
  }
}

const COMMANDS: Record<string, Command> = {
  doctor: {
    options: ['json'],
    positionals: 0,
    async run(ctx) {
      const report: DoctorReport = await ctx.call('doctor', {})
      const lines = [
        `Data folder:    ${report.dataDir}`,
        `Database:       ${report.dbPath}`,
        `Schema:         ${report.schemaVersion} (this Kith: ${report.appSchemaVersion})`,
        `SQLite:         ${report.sqliteVersion}, journal ${report.journalMode}`,
        `Integrity:      ${report.integrity.join('; ')}`,
        `Foreign keys:   ${report.foreignKeyProblems.length === 0 ? 'ok' : `${report.foreignKeyProblems.length} problems`}`,
        `Contents:       ${countsLine(report.counts)}`,
        report.ok ? 'All good.' : 'Problems found: restore a backup with "kith restore FILE".',
      ]
      emit(ctx, report, lines.join('\n'))
      return report.ok ? EXIT_OK : EXIT_FAILURE
    },
  },
  backup: {
    options: ['json', 'to'],
    positionals: 0,
    async run(ctx) {
      const to = typeof ctx.values.to === 'string' ? path.resolve(ctx.values.to) : undefined
      const info: BackupInfo = await ctx.call('backup.create', to === undefined ? {} : { to })
      emit(ctx, info, `Backed up to ${info.file} (${formatBytes(info.bytes)}, integrity ok).`)
      return EXIT_OK
    },
  },
  restore: {
    options: ['json'],
    positionals: 1,
    async run(ctx) {
      const file = path.resolve(ctx.positionals[0] ?? '')
      const result: RestoreResult = await ctx.call('backup.restore', { file })
      emit(
        ctx,
        result,
        `Restored ${result.restoredFrom}: ${countsLine(result.counts)}.\n` +
          `The data it replaced is kept at ${result.safetyCopy.file}.`,
      )
      return EXIT_OK
    },
  },
  demo: {
    options: ['json'],
    positionals: 0,
    async run(ctx) {
      const summary: DemoSummary = await ctx.call('demo.load', {})
      emit(ctx, summary, `Loaded the sample network: ${countsLine(summary.counts)}.`)
      return EXIT_OK
    },
  },
  serve: {
    options: ['port', 'no-open'],
    positionals: 0,
    async run(ctx) {
      const portText = typeof ctx.values.port === 'string' ? ctx.values.port : '0'
      const port = Number(portText)
      if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}".`)
      const staticDir = findRendererDir()
      if (staticDir === null) {
        throw new KithError('not_found', 'The renderer is not built: run "npm run build" (npm run serve does it for you).')
      }
      const server = await startServer({ backend: ctx.backend, staticDir, port })
      ctx.io.out(`Kith browser mode: ${server.url}`)
      ctx.io.out(`Data folder: ${ctx.backend.dataDir}. Press Ctrl+C to stop.`)
      if (ctx.values['no-open'] !== true) openBrowser(server.url)
      await (ctx.io.untilStopped?.() ?? new Promise<void>(() => undefined))
      await server.close()
      return EXIT_OK
    },
  },
}

function unwrap(res: ApiResponse<unknown>): unknown {
  if (!res.ok) throw new KithError(res.error.code, res.error.message)
  return res.data
}

/** Runs one CLI command; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    io.err(`kith: ${errorMessage(err)}\n\n${USAGE}`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  const [name, ...rest] = positionals
  if (values.help === true || name === 'help') {
    io.out(USAGE)
    return EXIT_OK
  }
  if (name === undefined) {
    io.err(`kith: no command given.\n\n${USAGE}`)
    return EXIT_USAGE
  }
  const command = COMMANDS[name]
  if (command === undefined || !Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
    io.err(`kith: unknown command "${name}".\n\n${USAGE}`)
    return EXIT_USAGE
  }
  const given = (Object.keys(values) as OptionName[]).filter((o) => o !== 'data' && o !== 'help')
  const stray = given.find((o) => !command.options.includes(o))
  if (stray !== undefined) {
    io.err(`kith ${name}: --${stray} does not apply here.\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (rest.length !== command.positionals) {
    io.err(`kith ${name}: expected ${command.positionals} argument(s), got ${rest.length}.\n\n${USAGE}`)
    return EXIT_USAGE
  }

  let backend: Backend | undefined
  try {
    backend = await Backend.open({ dataDir: resolveDataDir(values.data, env) })
    const opened = backend
    const ctx: CommandContext = {
      backend: opened,
      values,
      positionals: rest,
      io,
      call: async <M extends MethodName>(method: M, args: ArgsIn<M>) =>
        unwrap(await opened.dispatch(method, args)) as Result<M>,
    }
    return await command.run(ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`kith ${name}: ${err.message}`)
      return EXIT_USAGE
    }
    const error = err instanceof KithError ? err.toApiError() : { code: 'internal', message: errorMessage(err) }
    if (values.json === true) io.out(JSON.stringify({ ok: false, error }, null, 2))
    io.err(`kith ${name}: ${error.message.replace(/\s*\n\s*/g, ' ')}`)
    return EXIT_FAILURE
  } finally {
    await backend?.close()
  }
}
