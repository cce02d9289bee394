/**
 * Reading the command line with commander: one commander command per Kith
 * command (two-word commands are subcommands: `kith tasks add`), each with
 * only the options it takes, and help cut from the global usage. This module
 * only reads: it names the command to run, shows help, or refuses with a
 * usage error; run.ts runs the command.
 */
import { Command as Commander, CommanderError, Option } from 'commander'
import { EXIT_OK, OPTIONS, optionShape, type CliIo, type Command, type OptionName, type OptionValues } from './common'
import { commandHelp } from './help'
import { COMMANDS, USAGE, commandKeys } from './registry'

/** What the command line asks for: a command to run, or nothing more (help was shown). */
export type CommandLine =
  | { kind: 'run'; key: string; command: Command; positionals: string[]; values: OptionValues }
  | { kind: 'done'; code: number }

/**
 * Bad usage found while reading the command line (exit 2). `key` is the
 * command it concerns ("tasks add"), or null for kith itself.
 */
export class CommandLineError extends Error {
  constructor(
    readonly key: string | null,
    message: string,
  ) {
    super(message)
  }

  /** The usage shown below the message: the command's own, else everyone's. */
  get usage(): string {
    return this.key === null ? USAGE : helpFor(this.key)
  }
}

function helpFor(key: string): string {
  return commandHelp(USAGE, key, COMMANDS.find((c) => c.name === key || c.aliases?.includes(key) === true)?.help)
}

/** The two-word commands under a first word ("orgs" → kith orgs list, kith orgs merge, …). */
function subcommands(first: string): string[] {
  return commandKeys().filter((k) => k.startsWith(`${first} `))
}

/** commander's refusal in Kith's words: "--to does not apply here.", "Unknown option '--nope'". */
function inKithWords(err: CommanderError): string {
  const said = err.message.replace(/^error: /, '')
  if (err.code === 'commander.unknownOption') {
    const [, flag = '', suggestion = ''] = /^unknown option '([^']*)'([\s\S]*)$/.exec(said) ?? []
    const name = flag.replace(/^--?/, '').replace(/=[\s\S]*$/, '')
    if (flag.startsWith('--') && name !== 'help' && Object.hasOwn(OPTIONS, name)) return `--${name} does not apply here.`
    return `Unknown option '${flag}'${suggestion.trim() === '' ? '' : ` ${suggestion.trim()}`}.`
  }
  if (err.code === 'commander.optionMissingArgument') {
    const flag = /'(--?[\w-]+)/.exec(said)?.[1] ?? 'this option'
    return `${flag} needs a value.`
  }
  return said
}

/** Throws commander's own stops as Kith's: help shown passes through, the rest become usage errors. */
function refuseAs(key: string | null): (err: CommanderError) => never {
  return (err) => {
    if (err.exitCode === 0) throw err
    throw new CommandLineError(key, inKithWords(err))
  }
}

/** How many positional arguments a command takes, as [min, max]. */
function arity(command: Command): readonly [number, number] {
  return typeof command.positionals === 'number' ? [command.positionals, command.positionals] : command.positionals
}

/** Declares a Kith option on a commander command: a flag, a value, or a value that may be repeated. */
function declare(node: Commander, command: Command, name: OptionName): Option {
  const shape = optionShape(command, name)
  const option = new Option(`${shape.short === undefined ? '' : `-${shape.short}, `}--${name}${shape.type === 'string' ? ' <value>' : ''}`)
  if (shape.type === 'string' && shape.multiple === true) {
    option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
  }
  node.addOption(option)
  return option
}

/** The options given on the command line, by Kith's names (`--no-open` given is `'no-open': true`). */
function givenValues(node: Commander, options: ReadonlyMap<OptionName, Option>): OptionValues {
  const values: OptionValues = {}
  for (const [name, option] of options) {
    const key = option.attributeName()
    if (node.getOptionValueSource(key) !== 'cli') continue
    const value: unknown = node.getOptionValue(key)
    if (option.negate) values[name] = true
    else if (typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value)) values[name] = value as string | boolean | string[]
  }
  return values
}

/**
 * `kith --help doctor` asks for doctor's help, as `kith doctor --help` does:
 * commander would read a --help before the command as kith's own.
 */
function helpAfterCommand(argv: readonly string[]): string[] {
  const args = [...argv]
  const help = args.findIndex((a) => a === '--help' || a === '-h')
  let i = 0
  while (i < args.length && args[i]?.startsWith('-') === true && args[i] !== '--') i += args[i] === '--data' ? 2 : 1
  if (help === -1 || i >= args.length || args[i] === '--' || help > i) return args
  args.splice(help, 1)
  return [...args, '--help']
}

/**
 * Reads the command line. Resolves with the command to run, or `done` once
 * help is shown; rejects with a CommandLineError for bad usage.
 */
export async function readCommandLine(argv: readonly string[], io: CliIo): Promise<CommandLine> {
  let chosen: CommandLine | undefined
  const program = new Commander('kith')
    .enablePositionalOptions()
    .helpCommand(false)
    .configureOutput({
      // Help goes to stdout, one block; commander's own error lines are replaced by Kith's.
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      outputError: () => undefined,
    })
    .configureHelp({ formatHelp: () => USAGE })
    .exitOverride(refuseAs(null))
    .option('--data <value>')
    .option('--json')
    .argument('[words...]')
    .action((words: string[]) => {
      const [first] = words
      throw new CommandLineError(null, first === undefined ? 'no command given.' : `unknown command "${first}".`)
    })

  // kith help [COMMAND [SUBCOMMAND]]: the help of the deepest command the words name.
  program
    .command('help')
    .argument('[words...]')
    .configureHelp({ formatHelp: () => USAGE })
    .exitOverride(refuseAs(null))
    .action((words: string[]) => {
      let node = program
      for (const word of words) {
        const next = node.commands.find((c) => c.name() === word && c.name() !== 'help')
        if (next === undefined) break
        node = next
      }
      if (node === program && words.length > 0) throw new CommandLineError(null, `unknown command "${words[0] ?? ''}".`)
      node.outputHelp()
      chosen = { kind: 'done', code: EXIT_OK }
    })

  // One commander command per word; a command may also have subcommands ("people" and "people edit").
  const nodes = new Map<string, { node: Commander; command?: Command }>()
  for (const command of COMMANDS) {
    for (const key of [command.name, ...(command.aliases ?? [])]) {
      const words = key.split(' ')
      words.forEach((word, i) => {
        const at = words.slice(0, i + 1).join(' ')
        if (nodes.has(at)) return
        const parent = i === 0 ? program : nodes.get(words.slice(0, i).join(' '))?.node
        if (parent === undefined) return
        const node = parent.command(word).argument('[words...]').configureHelp({ formatHelp: () => helpFor(at) }).exitOverride(refuseAs(at))
        nodes.set(at, { node })
      })
      const entry = nodes.get(key)
      if (entry !== undefined) entry.command = command
    }
  }

  for (const [key, { node, command }] of nodes) {
    if (command === undefined) {
      // A word that only groups others ("orgs"): say which there are.
      node.action((words: string[]) => {
        const choose = `choose one of ${subcommands(key).map((s) => `kith ${s}`).join(', ')}.`
        throw new CommandLineError(key, words[0] === undefined ? choose : `"${words[0]}" is not one of them; ${choose}`)
      })
      continue
    }
    node.option('--data <value>')
    const options = new Map<OptionName, Option>(command.options.map((name) => [name, declare(node, command, name)]))
    node.action((words: string[]) => {
      const [min, max] = arity(command)
      if (words.length < min || words.length > max) {
        const expected = min === max ? `${min}` : `${min} to ${max}`
        const subs = subcommands(key)
        const hint = max === 0 && subs.length > 0 && !key.includes(' ') ? ` ("${words[0] ?? ''}" is not one of ${subs.map((s) => `kith ${s}`).join(', ')})` : ''
        throw new CommandLineError(key, `expected ${expected} argument(s), got ${words.length}${hint}.`)
      }
      const values = givenValues(node, options)
      const data: unknown = node.getOptionValue('data') ?? program.getOptionValue('data')
      if (typeof data === 'string') values.data = data
      if (program.getOptionValue('json') === true) {
        if (!command.options.includes('json')) throw new CommandLineError(key, '--json does not apply here.')
        values.json = true
      }
      chosen = { kind: 'run', key, command, positionals: words, values }
    })
  }

  try {
    await program.parseAsync(helpAfterCommand(argv), { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return { kind: 'done', code: EXIT_OK }
    throw err
  }
  if (chosen === undefined) throw new CommandLineError(null, 'no command given.')
  return chosen
}
