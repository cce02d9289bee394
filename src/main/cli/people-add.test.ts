import { describe, expect, it } from 'vitest'
import { tempDir } from '../backend/testing/temp'
import { EXIT_FAILURE, EXIT_OK, runCli } from './run'

async function kith(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {})
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('kith people add', () => {
  it('refuses someone already in Kith, naming the match and --allow-duplicate; adds them with the flag', async () => {
    const data = tempDir()
    const run = (...args: string[]) => kith(['--data', data, ...args])
    expect((await run('people', 'add', 'Ana Lima', '--company', 'Harbor Capital', '--email', 'ana@x.com')).code).toBe(EXIT_OK)

    const refused = await run('people', 'add', 'Ana Lima', '--email', 'ANA@x.com')
    expect(refused.code).toBe(EXIT_FAILURE)
    expect(refused.err).toBe(
      'kith people: Already in Kith: Ana Lima (#1, Harbor Capital) has the same name and the same email ana@x.com. If this is someone else, add them with --allow-duplicate.',
    )
    const asJson = await run('people', 'add', 'Ana Lima', '--json')
    expect(JSON.parse(asJson.out)).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('--allow-duplicate'),
        duplicates: [{ id: 1, name: 'Ana Lima', company: 'Harbor Capital', reason: 'the same name' }],
      },
    })
    expect(JSON.parse((await run('people', 'list', '--json')).out)).toMatchObject({ total: 1 })

    const added = await run('people', 'add', 'Ana Lima', '--allow-duplicate')
    expect(added).toMatchObject({ code: EXIT_OK, out: 'Added Ana Lima (#2).' })
  })
})
