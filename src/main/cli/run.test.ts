import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../backend/db/migrations'
import { fileDigest, tempDir } from '../backend/testing/temp'
import { OPENER_FILE_NAME } from './open-browser'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './run'

async function kith(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('kith CLI', () => {
  it('loads the sample network, then doctor --json reports integrity and counts as one JSON document', async () => {
    const data = tempDir()
    expect((await kith(['--data', data, 'demo'])).code).toBe(EXIT_OK)
    const doctor = await kith(['--data', data, 'doctor', '--json'])
    expect(doctor.code).toBe(EXIT_OK)
    const report = JSON.parse(doctor.out) as Record<string, unknown>
    expect(report).toMatchObject({
      ok: true,
      integrity: ['ok'],
      foreignKeyProblems: [],
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataDir: data,
      counts: { people: 200 },
    })
  })

  it('backs up and restores: the round trip brings the data back', async () => {
    const data = tempDir()
    const to = path.join(tempDir(), 'copy.sqlite')
    await kith(['--data', data, 'demo'])
    const backup = await kith(['--data', data, 'backup', '--to', to])
    expect(backup.code).toBe(EXIT_OK)
    expect(backup.out).toContain('integrity ok')

    // Lose everything, then restore.
    const raw = new Database(path.join(data, 'kith.sqlite'))
    raw.exec('DELETE FROM relationship; DELETE FROM person;')
    raw.close()
    const restore = await kith(['--data', data, 'restore', to, '--json'])
    expect(restore.code).toBe(EXIT_OK)
    expect(JSON.parse(restore.out)).toMatchObject({ counts: { people: 200 }, safetyCopy: { kind: 'pre-restore' } })
    const doctor = JSON.parse((await kith(['--data', data, 'doctor', '--json'])).out) as { counts: { people: number } }
    expect(doctor.counts.people).toBe(200)
  })

  it('imports with --dry-run and for real, lists and undoes imports, exports; an unreadable file exits 1', async () => {
    const data = tempDir()
    const fixtures = path.join(import.meta.dirname, '..', 'backend', 'imports', 'fixtures')
    await kith(['--data', data, 'me', 'Maya Lindqvist'])
    const dry = await kith(['--data', data, 'import', path.join(fixtures, 'linkedin-connections.csv'), '--dry-run', '--json'])
    expect(dry.code).toBe(EXIT_OK)
    expect(JSON.parse(dry.out)).toMatchObject({ format: 'linkedin', created: 3, updated: 0, skipped: 0, errors: [{ line: 8, message: expect.any(String) }] })
    expect(JSON.parse((await kith(['--data', data, 'imports', 'list', '--json'])).out)).toEqual([])

    const real = await kith(['--data', data, 'import', path.join(fixtures, 'apple-3.0.vcf'), '--format', 'vcard', '--json'])
    expect(JSON.parse(real.out)).toMatchObject({ format: 'vcard', created: 1, skipped: 1, errors: [] })
    const [batch] = JSON.parse((await kith(['--data', data, 'imports', 'list', '--json'])).out) as { id: number }[]

    const out = path.join(tempDir(), 'people.csv')
    expect((await kith(['--data', data, 'export', out])).code).toBe(EXIT_OK)
    expect(fs.readFileSync(out, 'utf8')).toContain('"Ifeoma Okonkwo"')
    // The address book is the owner's alone, whatever the umask.
    if (process.platform !== 'win32') expect(fs.statSync(out).mode & 0o777).toBe(0o600)

    expect((await kith(['--data', data, 'imports', 'undo', String(batch?.id)])).code).toBe(EXIT_OK)
    expect(JSON.parse((await kith(['--data', data, 'doctor', '--json'])).out)).toMatchObject({ counts: { people: 1 } })

    const bad = path.join(tempDir(), 'bad.csv')
    fs.writeFileSync(bad, 'First Name,Last Name,Connected On\n"Ana,Silva,\n')
    const refused = await kith(['--data', data, 'import', bad, '--json'])
    expect(refused.code).toBe(EXIT_FAILURE)
    expect(JSON.parse(refused.out)).toMatchObject({ created: 0, errors: [{ line: 2, message: expect.stringMatching(/never closed/) }] })
  })

  it('refuses to import while another Kith process has an import open, saying which and how to finish it', async () => {
    const data = tempDir()
    const fixtures = path.join(import.meta.dirname, '..', 'backend', 'imports', 'fixtures')
    await kith(['--data', data, 'me', 'Maya Lindqvist'])
    // The process that started this test run stands in for the app, holding a preview open.
    const held = { pid: process.ppid, jobId: 'held', fileName: 'Connections.csv', phase: 'ready', startedAt: Date.now(), expiresAt: Date.now() + 60_000 }
    fs.writeFileSync(path.join(data, 'import.lock'), JSON.stringify(held))
    const refused = await kith(['--data', data, 'import', path.join(fixtures, 'apple-3.0.vcf')])
    expect(refused.code).toBe(EXIT_FAILURE)
    expect(refused.err).toMatch(/Another import is open in this data folder: Connections\.csv, .* It is open in another Kith window or command \(process \d+\); apply it or cancel it there first/)
    expect(JSON.parse((await kith(['--data', data, 'doctor', '--json'])).out)).toMatchObject({ counts: { people: 1 } })
  })

  it.skipIf(process.platform === 'win32')('refuses to import a named pipe or a device at once, instead of waiting or filling memory', async () => {
    const data = tempDir()
    const pipe = path.join(tempDir(), 'contacts.vcf')
    await promisify(execFile)('mkfifo', [pipe])
    const fromPipe = await kith(['--data', data, 'import', pipe, '--format', 'vcard'])
    expect(fromPipe.code).toBe(EXIT_FAILURE)
    expect(fromPipe.err).toContain('contacts.vcf is a named pipe, not a file Kith can import.')
    const fromDevice = await kith(['--data', data, 'import', '/dev/zero', '--format', 'vcard'])
    expect(fromDevice.code).toBe(EXIT_FAILURE)
    expect(fromDevice.err).toMatch(/zero is a (character )?device, not a file Kith can import\./)
  })

  it('says what is wrong with bad usage and exits 2', async () => {
    const data = tempDir()
    const cases: [string[], RegExp][] = [
      [[], /no command/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['doctor', '--to', '/x'], /--to does not apply/],
      [['doctor', '--nope'], /Unknown option '--nope'/],
      [['restore'], /expected 1 argument/],
      [['serve', '--port', 'eighty'], /--port must be a number/],
    ]
    for (const [args, message] of cases) {
      const res = await kith(['--data', data, ...args])
      expect(res.code, args.join(' ')).toBe(EXIT_USAGE)
      expect(res.err, args.join(' ')).toMatch(message)
    }
  })

  it('refuses a database from a newer Kith in one line, exit 1, file unchanged', async () => {
    const data = tempDir()
    await kith(['--data', data, 'demo'])
    const file = path.join(data, 'kith.sqlite')
    const raw = new Database(file)
    raw.pragma('user_version = 99')
    raw.close()
    const before = fileDigest(file)
    const res = await kith(['--data', data, 'doctor'])
    expect(res.code).toBe(EXIT_FAILURE)
    expect(res.err.split('\n')).toHaveLength(1)
    expect(res.err).toMatch(/newer version of Kith \(schema 99/)
    expect(fileDigest(file)).toBe(before)
  })

  it('refuses a corrupt database file in one line, exit 1, file unchanged', async () => {
    const data = tempDir()
    const file = path.join(data, 'kith.sqlite')
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41))
    const before = fileDigest(file)
    const res = await kith(['--data', data, 'doctor', '--json'])
    expect(res.code).toBe(EXIT_FAILURE)
    expect(res.err).toMatch(/^kith doctor: .*not a readable database/)
    expect(JSON.parse(res.out)).toMatchObject({ ok: false, error: { code: 'db_corrupt' } })
    expect(fileDigest(file)).toBe(before)
  })

  it('on a damaged database: refuses to add, still reports with doctor --json and exports, file unchanged', async () => {
    const data = tempDir()
    await kith(['--data', data, 'demo'])
    const file = path.join(data, 'kith.sqlite')
    // Overwrite one page of the person table in the middle of the file.
    const raw = new Database(file)
    const page = (raw.prepare("SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[])[1]?.pageno ?? 3
    const size = raw.pragma('page_size', { simple: true }) as number
    raw.close()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size)
    fs.closeSync(fd)
    const before = fileDigest(file)

    const add = await kith(['--data', data, 'people', 'add', 'New Person', '--json'])
    expect(add.code).toBe(EXIT_FAILURE)
    expect(JSON.parse(add.out)).toMatchObject({ ok: false, error: { code: 'db_corrupt' } })
    const doctor = await kith(['--data', data, 'doctor', '--json'])
    expect(doctor.code).toBe(EXIT_FAILURE)
    expect(JSON.parse(doctor.out)).toMatchObject({ ok: false, dataDir: data })
    const out = path.join(tempDir(), 'saved.json')
    const exported = await kith(['--data', data, 'export', out])
    expect(exported.code).toBe(EXIT_OK)
    expect(exported.out).toMatch(/could not be read and are missing:\n {2}person: rows \d+ to \d+/)
    expect(fs.existsSync(out)).toBe(true)
    // No backup into the rotation, and a copy elsewhere never claims to be sound.
    const backup = await kith(['--data', data, 'backup'])
    expect(backup.code).toBe(EXIT_FAILURE)
    expect(backup.err).toContain('A new backup now would hold the damage too.')
    const copy = await kith(['--data', data, 'backup', '--to', path.join(tempDir(), 'for-repair.sqlite')])
    expect(copy.code).toBe(EXIT_OK)
    expect(copy.out).toContain('the copy holds the damage too')
    expect(copy.out).not.toContain('integrity ok')
    expect(fileDigest(file)).toBe(before)
  })

  it('uses KITH_DATA_DIR, and --data over it', async () => {
    const fromEnv = tempDir()
    const fromFlag = tempDir()
    await kith(['demo'], { KITH_DATA_DIR: fromEnv })
    expect(fs.existsSync(path.join(fromEnv, 'kith.sqlite'))).toBe(true)
    const res = await kith(['--data', fromFlag, 'doctor', '--json'], { KITH_DATA_DIR: fromEnv })
    expect(JSON.parse(res.out)).toMatchObject({ dataDir: fromFlag, counts: { people: 0 } })
  })

  it('records people, who knows whom, interactions and favors, naming people by name, email or id', async () => {
    const data = tempDir()
    const run = (...args: string[]) => kith(['--data', data, ...args])
    expect((await run('me', 'Jordan Avery')).code).toBe(EXIT_OK)
    expect((await run('people', 'add', 'Ana Silva', '--company', 'Acme', '--email', 'ana@acme.example', '--tag', 'design', '--need', 'seed investor')).code).toBe(EXIT_OK)
    const ben = JSON.parse((await run('people', 'add', 'Ben Okafor', '--json')).out) as { id: number }
    expect((await run('know', 'Ana Silva', String(ben.id), '--strength', '4', '--context', 'Acme 2019-21', '--kind', 'colleague')).out).toBe(
      'Recorded: Ana Silva and Ben Okafor - Close (4/5).',
    )
    expect((await run('know', 'Jordan Avery', 'ana@acme.example', '--strength', '3')).code).toBe(EXIT_OK)
    expect((await run('log', 'call', 'Ana Silva', 'Ben Okafor', '--date', '2026-11-01', '--note', 'Coffee')).out).toBe(
      'Logged a call on 2026-11-01 with Ana Silva, Ben Okafor.',
    )
    expect((await run('log', 'email', 'Ben Okafor', '--date', '2026-10-30')).out).toBe('Logged an email on 2026-10-30 with Ben Okafor.')
    expect((await run('favor', 'Ana Silva', 'Jordan Avery', '--kind', 'introduction', '--size', 'large', '--date', '2026-11-02')).code).toBe(EXIT_OK)
    const shown = JSON.parse((await run('people', 'show', 'ana silva', '--json')).out) as Record<string, unknown>
    expect(shown).toMatchObject({
      name: 'Ana Silva',
      needs: ['seed investor'],
      lastInteraction: { date: '2026-11-01', kind: 'call' },
      balance: { receivedByMe: 1, balance: -3 },
      relationships: [{ other: { name: 'Ben Okafor' }, strength: 4, contexts: ['Acme 2019-21'] }, { other: { name: 'Jordan Avery' }, strength: 3 }],
    })
    const found = JSON.parse((await run('search', 'Ana Slva', '--json')).out) as { name: string }[]
    expect(found[0]?.name).toBe('Ana Silva')
    const listed = JSON.parse((await run('people', 'list', '--tag', 'design', '--json')).out) as { total: number }
    expect(listed.total).toBe(1)
  })

  it('refuses an ambiguous or unknown name, a bad strength or kind, with exit 1 or 2 and nothing written', async () => {
    const data = tempDir()
    const run = (...args: string[]) => kith(['--data', data, ...args])
    await run('people', 'add', 'Ben Okafor', '--company', 'Acme')
    await run('people', 'add', 'Ben Okafor', '--company', 'Beta', '--allow-duplicate')
    await run('people', 'add', 'Ana Silva')
    const ambiguous = await run('know', 'Ben Okafor', 'Ana Silva', '--strength', '3')
    expect(ambiguous.code).toBe(EXIT_FAILURE)
    expect(ambiguous.err).toMatch(/could be #\d+ Ben Okafor \(Acme\), #\d+ Ben Okafor \(Beta\)/)
    const unknown = await run('log', 'call', 'Ana Slva')
    expect(unknown.err).toMatch(/No one is called "Ana Slva"\. Did you mean #\d+ Ana Silva/)
    expect((await run('know', 'Ana Silva', 'Ana Silva', '--strength', '3')).err).toMatch(/themself/)
    expect((await run('know', 'Ana Silva', '1', '--strength', '7')).err).toMatch(/--strength: choose a strength from 1 to 5/)
    expect((await run('know', 'Ana Silva', '1')).code).toBe(EXIT_USAGE)
    expect((await run('log', 'lunch', 'Ana Silva')).code).toBe(EXIT_USAGE)
    expect((await run('favor', 'Ana Silva', '1', '--kind', 'advice', '--size', 'huge')).code).toBe(EXIT_USAGE)
    const doctor = JSON.parse((await run('doctor', '--json')).out) as { counts: Record<string, number> }
    expect(doctor.counts).toEqual({ people: 3, relationships: 0, interactions: 0, favors: 0 })
  })

  it('paths --json keeps its contract on the sample network: people from me to the target, score = product of factors', async () => {
    const data = tempDir()
    await kith(['--data', data, 'demo'])
    // Tomas and Grace are people I know well: a direct tie, never a path.
    for (const known of ['Tomas Horvat', 'Grace Ferreira']) {
      const res = JSON.parse((await kith(['--data', data, 'paths', '--to', known, '--json'])).out) as { direct: { name: string }[]; paths: unknown[] }
      expect(res).toMatchObject({ direct: [{ name: known, faint: false }], paths: [] })
      // In words: no introduction needed, and no "no path within reach" sending the user looking for longer ones.
      const words = (await kith(['--data', data, 'paths', '--to', known])).out
      expect(words).toMatch(new RegExp(`You already know ${known}`))
      expect(words).not.toMatch(/No path within reach|--max-hops/)
    }
    // Yara is an acquaintance not talked with for over a year: the direct tie first, and the ways in still offered.
    const faint = JSON.parse((await kith(['--data', data, 'paths', '--to', 'Yara Schmidt', '--json'])).out) as { direct: { name: string; faint: boolean }[]; paths: { people: { name: string }[] }[] }
    expect(faint.direct).toMatchObject([{ name: 'Yara Schmidt', faint: true }])
    expect(faint.paths[0]?.people.map((p) => p.name)).toEqual(['Jordan Avery', 'Vera Walsh', 'Yara Schmidt'])
    expect((await kith(['--data', data, 'paths', '--to', 'Yara Schmidt'])).out).toMatch(/You already know Yara Schmidt \(acquaintance, 2\/5\), only faintly: .*\n1\. Jordan Avery -> Vera Walsh -> Yara Schmidt/)
    for (const query of [['--to', 'Kenji Tanaka'], ['--company', 'Harbor Capital'], ['--tag', 'seed investor', '--max-hops', '4'], ['--to', 'Maya Lindqvist', '--all']]) {
      const res = await kith(['--data', data, 'paths', ...query, '--limit', '8', '--json'])
      expect(res.code, query.join(' ')).toBe(EXIT_OK)
      const out = JSON.parse(res.out) as {
        target: { kind: string }
        direct: unknown[]
        paths: { score: number; people: { id: number; name: string }[]; factors: { label: string; value: number }[] }[]
      }
      expect(out.paths.length, query.join(' ')).toBeGreaterThan(0)
      for (const p of out.paths) {
        expect(p.people[0]?.name).toBe('Jordan Avery')
        expect(p.people.length).toBeGreaterThanOrEqual(3)
        expect(p.people.length).toBeLessThanOrEqual(query.includes('4') ? 5 : 4)
        expect(Math.abs(p.score - p.factors.reduce((a, f) => a * f.value, 1))).toBeLessThan(1e-9)
        expect(new Set(p.people.map((x) => x.id)).size).toBe(p.people.length)
      }
      const scores = out.paths.map((p) => p.score)
      expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    }
    expect((await kith(['--data', data, 'paths', '--to', 'Tomas Horvat', '--tag', 'x'])).code).toBe(EXIT_USAGE)
    expect((await kith(['--data', data, 'paths', '--to', 'Tomas Horvat', '--max-hops', '5'])).code).toBe(EXIT_USAGE)
  })

  it('lists the sample network\'s introductions and its due tasks', async () => {
    const data = tempDir()
    await kith(['--data', data, 'demo'])
    const intros = JSON.parse((await kith(['--data', data, 'intros', 'list', '--json'])).out) as { state: string; title: string }[]
    expect(new Set(intros.map((i) => i.state)).size).toBeGreaterThanOrEqual(5)
    const asked = JSON.parse((await kith(['--data', data, 'intros', 'list', '--state', 'asked', '--json'])).out) as { state: string }[]
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every((i) => i.state === 'asked')).toBe(true)
    const due = JSON.parse((await kith(['--data', data, 'tasks', '--due', '--json'])).out) as { status: string; title: string }[]
    expect(due.length).toBeGreaterThan(0)
    expect(due.every((t) => t.status === 'overdue' || t.status === 'today')).toBe(true)
    expect((await kith(['--data', data, 'tasks'])).out).toMatch(/overdue/)
    expect((await kith(['--data', data, 'intros', 'show'])).code).toBe(EXIT_USAGE)
  })

  it('suggest --json gives at least five introductions on the sample network, in any week', async () => {
    const data = tempDir()
    await kith(['--data', data, 'demo'])
    for (const week of [[], ['--week', '2027-W03'], ['--week', '2027-W20']]) {
      const out = JSON.parse((await kith(['--data', data, 'suggest', ...week, '--json'])).out) as {
        week: string
        suggestions: { a: { id: number; name: string }; b: { id: number; name: string }; score: number; reasons: { label: string; value: number }[] }[]
      }
      expect(out.week).toMatch(/^\d{4}-W\d{2}$/)
      expect(out.suggestions.length, out.week).toBeGreaterThanOrEqual(5)
      const people = out.suggestions.flatMap((s) => [s.a.id, s.b.id])
      expect(new Set(people).size).toBe(people.length)
      for (const s of out.suggestions) expect(Math.abs(s.score - s.reasons.reduce((x, r) => x * r.value, 1))).toBeLessThan(1e-9)
    }
    expect((await kith(['--data', data, 'suggest', '--week', '2027-W99'])).err).toMatch(/does not exist/)
  })

  it('runs as a real process with the documented exit codes', async () => {
    const run = promisify(execFile)
    const data = tempDir()
    const entry = path.join(import.meta.dirname, '..', 'cli.ts')
    const ok = await run(process.execPath, ['--import', 'tsx', entry, '--data', data, 'doctor', '--json'])
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true })
    const usage = await run(process.execPath, ['--import', 'tsx', entry, 'nonsense']).catch((e: unknown) => e)
    expect(usage).toMatchObject({ code: EXIT_USAGE })
  })

  it('serve gives the browser launcher a one-time sign-in address: the token is printed, never on a command line', async () => {
    const data = tempDir()
    const out: string[] = []
    const launched: string[][] = []
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    let opened = (): void => undefined
    const launchedOnce = new Promise<void>((resolve) => (opened = resolve))
    const running = runCli(['--data', data, 'serve', '--port', '0'], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      untilStopped: () => stopped,
      launch: (command, args) => {
        launched.push([command, ...args])
        opened()
      },
    })
    await launchedOnce
    try {
      const printed = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out.join('\n'))
      const [, port, token] = printed ?? []
      expect(token).toBeDefined()
      const argv = launched.flat().join(' ')
      expect(launched).toHaveLength(1)
      // Nothing secret on the command line: neither the token nor the one-time sign-in code.
      expect(argv).not.toContain(token ?? '')
      expect(argv).not.toContain('token')
      expect(argv).not.toContain('/login/')
      // The launcher gets a page in the data folder that only the user can read, which forwards to the sign-in address.
      const opener = path.join(data, OPENER_FILE_NAME)
      expect(argv).toContain(pathToFileURL(opener).href)
      if (process.platform !== 'win32') expect(fs.statSync(opener).mode & 0o777).toBe(0o600)
      const page = fs.readFileSync(opener, 'utf8')
      const login = /url=(http:\/\/[^"]+)"/.exec(page)?.[1] ?? ''
      expect(login).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port ?? ''}/login/`))
      const first = await fetch(login, { redirect: 'manual' })
      expect(first.status).toBe(303)
      expect(first.headers.get('location')).toBe(`/#token=${token ?? ''}`)
      expect((await fetch(login, { redirect: 'manual' })).status).toBe(403)
    } finally {
      stop()
      expect(await running).toBe(EXIT_OK)
    }
    // Once serve stops, the page is gone.
    expect(fs.existsSync(path.join(data, OPENER_FILE_NAME))).toBe(false)
  })
})
