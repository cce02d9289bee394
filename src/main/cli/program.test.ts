/** Reading the command line: usage errors (with and without --json), options, help. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../backend/testing/temp'
import { EXIT_OK, EXIT_USAGE, runCli } from './run'

async function kith(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {})
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('kith usage errors', () => {
  it('with --json, a usage error prints the error envelope on stdout, still exits 2 and explains on stderr', async () => {
    const data = tempDir()
    const cases: [string[], RegExp][] = [
      [['restore', '--json'], /^expected 1 argument\(s\), got 0\.$/],
      [['doctor', '--nope', '--json'], /^Unknown option '--nope'/],
      [['doctor', '--to', 'x', '--json'], /^--to does not apply here\.$/],
      [['frobnicate', '--json'], /^unknown command "frobnicate"\.$/],
      // Found while running: the command has read its options, then refuses them.
      [['know', 'Ana', 'Ben', '--json'], /^--strength is required\.$/],
    ]
    for (const [args, message] of cases) {
      const res = await kith('--data', data, ...args)
      expect(res.code, args.join(' ')).toBe(EXIT_USAGE)
      const printed = JSON.parse(res.out) as { ok: boolean; error: { code: string; message: string } }
      expect(printed, args.join(' ')).toMatchObject({ ok: false, error: { code: 'bad_request' } })
      expect(printed.error.message, args.join(' ')).toMatch(message)
      expect(res.err, args.join(' ')).toContain(printed.error.message)
    }
  })

  it('without --json, a usage error prints nothing on stdout', async () => {
    const res = await kith('--data', tempDir(), 'restore')
    expect(res).toMatchObject({ code: EXIT_USAGE, out: '' })
  })

  it('names an unknown option, with the command and its usage', async () => {
    const res = await kith('--data', tempDir(), 'tasks', 'add', 'Ana', 'Call her', '--due', '2026-03-14', '--dew', 'x')
    expect(res.code).toBe(EXIT_USAGE)
    expect(res.err).toMatch(/^kith tasks add: Unknown option '--dew'/)
    expect(res.err).toMatch(/\n\nUsage: kith tasks add/)
  })

  it('an option that needs a value and has none is bad usage naming the option', async () => {
    const res = await kith('--data', tempDir(), 'paths', '--to')
    expect(res.code).toBe(EXIT_USAGE)
    expect(res.err).toMatch(/^kith paths: --to needs a value\./)
  })

  it('--json on a command that prints no JSON does not apply, before or after the command', async () => {
    for (const args of [['--json', 'serve'], ['serve', '--json']]) {
      const res = await kith('--data', tempDir(), ...args)
      expect(res.code, args.join(' ')).toBe(EXIT_USAGE)
      expect(res.err, args.join(' ')).toMatch(/^kith serve: --json does not apply here\./)
    }
  })
})

describe('kith options and help', () => {
  it('reads --data and --json after the command too', async () => {
    const data = tempDir()
    const res = await kith('doctor', '--data', data, '--json')
    expect(res.code).toBe(EXIT_OK)
    expect(JSON.parse(res.out)).toMatchObject({ dataDir: data })
    expect(JSON.parse((await kith('--json', '--data', data, 'doctor')).out)).toMatchObject({ dataDir: path.resolve(data) })
  })

  it('help for a two-word command is that command\'s, however it is asked for', async () => {
    const asked = await kith('help', 'tasks', 'add')
    expect(asked.code).toBe(EXIT_OK)
    expect(asked.out).toMatch(/^Usage: kith tasks add/)
    expect(asked.out).toMatch(/--intro ID ties it to an\nintroduction/)
    expect((await kith('tasks', 'add', '--help')).out).toBe(asked.out)
    expect((await kith('tasks', 'add', '-h')).out).toBe(asked.out)
    const group = await kith('intros', '--help')
    expect(group.out).toMatch(/intros list[\s\S]*intros show[\s\S]*intros move[\s\S]*intros answer[\s\S]*intros undo/)
    expect(group.out).not.toMatch(/orgs list/)
  })

  it('a repeated option keeps every value; a flag given on a command that reads it as a value takes one', async () => {
    const data = tempDir()
    const added = await kith('--data', data, 'people', 'add', 'Ana Silva', '--tag', 'design', '--tag', 'seed', '--json')
    expect(JSON.parse(added.out)).toMatchObject({ tags: ['design', 'seed'] })
    expect((await kith('--data', data, 'tasks', 'add', 'Ana Silva', 'Call', '--due')).err).toMatch(/--due needs a value/)
    expect((await kith('--data', data, 'tasks', '--due', '--json')).code).toBe(EXIT_OK)
  })
})

describe('kith --help before the command', () => {
  it('shows that command\'s help, as after it', async () => {
    const before = await kith('--data', tempDir(), '--help', 'tasks', 'add')
    expect(before.code).toBe(EXIT_OK)
    expect(before.out).toMatch(/^Usage: kith tasks add/)
    expect((await kith('tasks', 'add', '--help')).out).toBe(before.out)
    expect((await kith('--help')).out).toMatch(/^Usage: kith \[--data DIR\] <command>/)
  })
})
