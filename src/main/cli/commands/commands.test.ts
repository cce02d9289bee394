/**
 * The core loop from the command line, in-process against a temporary data
 * folder and the real backend: ask along a path, introduce two people, move
 * introductions on, edit people, tasks, organisations and the profile.

 */
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../backend/testing/temp'
import { usageLines } from '../help'
import { inUserWords } from '../user-words'
import { Backend } from '../../backend/backend'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, USAGE, commandKeys, runCli } from '../run'

interface Run {
  code: number
  out: string
  err: string
}

function cli(data: string) {
  return async (...args: string[]): Promise<Run> => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['--data', data, ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, {})
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
}

/** The JSON a command printed, after checking it succeeded. */
function json(res: Run): unknown {
  expect(res.code, res.err).toBe(EXIT_OK)
  return JSON.parse(res.out)
}

/** Me, two connectors in a chain to a target, and one person I know who knows no one else. */
async function network() {
  const kith = cli(tempDir())
  const add = async (...args: string[]) => (json(await kith('people', 'add', ...args, '--json')) as { id: number; name: string })
  const me = json(await kith('me', 'Jordan Avery', '--json')) as { id: number }
  const vera = await add('Vera Walsh', '--email', 'vera@harbor.example', '--tag', 'investor')
  const cy = await add('Cy Nakamura', '--email', 'cy@beta.example')
  const yara = await add('Yara Schmidt', '--email', 'yara@harbor.example')
  const ben = await add('Ben Okafor', '--email', 'ben@acme.example')
  for (const [a, b, s] of [['Jordan Avery', 'Vera Walsh', '4'], ['Vera Walsh', 'Cy Nakamura', '3'], ['Cy Nakamura', 'Yara Schmidt', '4'], ['Jordan Avery', 'Ben Okafor', '3']] as const) {
    expect((await kith('know', a, b, '--strength', s)).code).toBe(EXIT_OK)
  }
  return { kith, me, vera, cy, yara, ben }
}

interface Detail {
  id: number
  kind: string
  state: string
  path: { id: number; name: string }[]
  people: { id: number; name: string }[]
  details: Record<string, unknown>
  history: { state: string; on: string }[]
  tasks: { id: number; kind: string; status: string; dueOn: string; title: string }[]
  nextStates: string[]
  drafts: Record<string, unknown>
}

describe('kith ask', () => {
  it('starts a request along exactly the path given, with why and offer; --json has the path and the drafts', async () => {
    const { kith, me, vera, cy, yara } = await network()
    // The score is the matching path's, from paths.find (before the ask: asking tires the connector).
    const paths = json(await kith('paths', '--to', 'Yara Schmidt', '--max-hops', '4', '--all', '--json')) as { paths: { score: number; people: { id: number }[] }[] }
    const same = paths.paths.find((p) => p.people.map((q) => q.id).join() === [me.id, vera.id, cy.id, yara.id].join())
    expect(same).toBeDefined()
    const res = await kith('ask', '--via', 'Vera Walsh,Cy Nakamura', '--to', 'Yara Schmidt', '--why', 'pricing for small teams', '--offer', 'our survey data', '--json')
    const asked = json(res) as { id: number; state: string; path: { id: number; name: string }[]; ask: unknown; blurb: unknown }
    expect(asked).toMatchObject({ id: expect.any(Number), state: 'draft' })
    expect(asked.path).toEqual([
      { id: me.id, name: 'Jordan Avery' },
      { id: vera.id, name: 'Vera Walsh' },
      { id: cy.id, name: 'Cy Nakamura' },
      { id: yara.id, name: 'Yara Schmidt' },
    ])
    expect(Object.keys(asked).sort()).toEqual(['ask', 'blurb', 'id', 'path', 'state'])

    const shown = json(await kith('intros', 'show', String(asked.id), '--json')) as Detail & { score: number | null }
    // Along a longer path, what is said of Yara waits for the ask that reaches her: the first asks Vera for Cy.
    expect(shown.details).toMatchObject({ goalWhy: 'pricing for small teams', goalOffer: 'our survey data' })
    expect(shown.details).not.toHaveProperty('why')
    expect(shown.score).toBe(same?.score)

    // The same ask again would ask Vera twice: refused, naming the one under way.
    const again = await kith('ask', '--via', 'Vera Walsh', '--to', 'Cy Nakamura')
    expect(again.code).toBe(EXIT_FAILURE)
    expect(again.err).toMatch(new RegExp(`You are already asking Vera Walsh to introduce you to Cy Nakamura \\(introduction ${asked.id}, draft\\)`))
    expect((await kith('paths', '--to', 'Yara Schmidt', '--max-hops', '4')).out).toContain(`You are asking Vera Walsh to introduce you to Cy Nakamura: introduction ${asked.id} (draft)`)
    expect(await kith('intros', 'move', String(asked.id), 'abandoned')).toMatchObject({ code: EXIT_OK })
    expect((await kith('paths', '--to', 'Yara Schmidt', '--max-hops', '4')).out).not.toContain('You are asking')
    const text = await kith('ask', '--via', 'Vera Walsh', '--via', 'Cy Nakamura', '--to', 'yara@harbor.example')
    expect(text.code).toBe(EXIT_OK)
    expect(text.out).toMatch(/Path: Jordan Avery -> Vera Walsh -> Cy Nakamura -> Yara Schmidt {2}score \d\.\d{4}/)
    expect(text.out).toMatch(/kith intros move \d+ asked/)
  })

  it('refuses what is not a path, naming the missing link, with exit 1 and nothing started', async () => {
    const { kith } = await network()
    const skipped = await kith('ask', '--via', 'Vera Walsh', '--to', 'Yara Schmidt')
    expect(skipped.code).toBe(EXIT_FAILURE)
    expect(skipped.err).toMatch(/you -> Vera Walsh -> Yara Schmidt is not a path: Vera Walsh and Yara Schmidt are not known to know each other/)
    expect(skipped.err).toMatch(/kith know "Vera Walsh" "Yara Schmidt" --strength 1-5/)
    const stranger = await kith('ask', '--via', 'Cy Nakamura', '--to', 'Yara Schmidt')
    expect(stranger.err).toMatch(/you and Cy Nakamura are not known to know each other/)
    expect(stranger.err).not.toMatch(/introductions\.request|Invalid arguments/)
    expect((json(await kith('intros', 'list', '--json')) as unknown[])).toEqual([])

    const twice = await kith('ask', '--via', 'Vera Walsh,Vera Walsh', '--to', 'Yara Schmidt')
    expect(twice.err).toMatch(/--via: Vera Walsh would appear twice/)
    expect((await kith('ask', '--via', 'Vera Walsh', '--to', 'Jordan Avery')).err).toMatch(/--to: that is you/)
    expect((await kith('ask', '--via', 'Vera Wlsh', '--to', 'Yara Schmidt')).err).toMatch(/--via: no one is called "Vera Wlsh"/)
    const missing = await kith('ask', '--to', 'Yara Schmidt')
    expect(missing.code).toBe(EXIT_USAGE)
    expect(missing.err).toMatch(/--via is required/)
  })

  it('needs to know who you are', async () => {
    const kith = cli(tempDir())
    await kith('people', 'add', 'Vera Walsh')
    await kith('people', 'add', 'Yara Schmidt')
    const res = await kith('ask', '--via', 'Vera Walsh', '--to', 'Yara Schmidt')
    expect(res.code).toBe(EXIT_FAILURE)
    expect(res.err).toMatch(/kith me NAME/)
  })

  it('prints the drafted note to the connector and the blurb', async () => {
    const { kith } = await network()
    const asked = (json(
      await kith('ask', '--via', 'Vera Walsh,Cy Nakamura', '--to', 'Yara Schmidt', '--why', 'pricing', '--json'),
    ) as { id: number; ask: { to: string[]; subject: string; body: string } | null; blurb: string | null })
    expect(asked.ask).toMatchObject({ to: ['vera@harbor.example'], subject: expect.any(String), body: expect.stringContaining('Yara') })
    expect(asked.blurb).toEqual(expect.stringMatching(/\S/))
    await kith('intros', 'move', String(asked.id), 'abandoned')
    const text = await kith('ask', '--via', 'Vera Walsh,Cy Nakamura', '--to', 'Yara Schmidt')
    // What the page shows before asking: Vera is close, but no talk is logged.
    expect(text.out).toMatch(/\nBefore you ask:\n {2}Caution: Vera Walsh: [a-z ]+ \(4\/5\), and you never logged talking\./)
    expect(text.out).toMatch(/Note to Vera Walsh/)
    expect(text.out).toMatch(/Blurb for Vera Walsh to forward/)
  })
})

describe('kith paths', () => {
  it('shows what to weigh before asking under each way: a connector who said no is a stop', async () => {
    const { kith, cy } = await network()
    const asked = json(await kith('ask', '--via', 'Vera Walsh', '--to', 'Cy Nakamura', '--json')) as { id: number }
    expect((await kith('intros', 'move', String(asked.id), 'asked', '--confirm')).code).toBe(EXIT_OK)
    // Asked and not yet answered: the way under way, its timing not held against it.
    const under = (await kith('paths', '--to', 'Cy Nakamura')).out
    expect(under).toMatch(/1\. Jordan Avery -> Vera Walsh -> Cy Nakamura {2}score [\d.]+\n/)
    expect(under).toContain(`You are asking Vera Walsh to introduce you to Cy Nakamura: introduction ${asked.id} (asked)`)
    expect(under).not.toMatch(/ask through Vera Walsh|You asked Vera Walsh/)
    expect((await kith('intros', 'move', String(asked.id), 'declined')).code).toBe(EXIT_OK)
    const after = (await kith('paths', '--to', String(cy.id))).out
    expect(after).toMatch(/x0\.50 {2}1 introduction ask through Vera Walsh in the last 90 days\n/)
    expect(after).toMatch(/\n {5}STOP: Vera Walsh declined to introduce you to Cy Nakamura when you asked (today|\d+ days? ago)\.$/m)
  })
})

describe('a request that ends without an introduction', () => {
  it('prints the other ways left, each with the command that asks it, and that command works as printed', async () => {
    const { kith, cy, ben } = await network()
    expect((await kith('know', 'Ben Okafor', String(cy.id), '--strength', '3')).code).toBe(EXIT_OK)
    // A namesake of Ben's: a name alone would not say which Ben; the way names him with his id (he has no company), and so does the printed command.
    expect((await kith('people', 'add', 'Ben Okafor', '--email', 'ben@elsewhere.example', '--allow-duplicate')).code).toBe(EXIT_OK)
    const asked = json(await kith('ask', '--via', 'Vera Walsh', '--to', 'Cy Nakamura', '--json')) as { id: number }
    await kith('intros', 'move', String(asked.id), 'asked', '--confirm')
    const declined = await kith('intros', 'move', String(asked.id), 'declined')
    expect(declined.out).toContain(
      `\nVera Walsh said no. Thank Vera Walsh for considering it before you ask someone else. One other way to Cy Nakamura is left:\n  Ben Okafor (#${ben.id}) -> Cy Nakamura  score `,
    )
    expect(declined.out).toContain(`(kith ask --via ${ben.id} --to ${cy.id})\n`)
    expect(declined.out).not.toMatch(/Vera Walsh -> Cy/)
    // Its drafts are there to read, without the checker's warnings: nothing is left to fix in them.
    const shown = (await kith('intros', 'show', String(asked.id))).out
    expect(shown).toContain('One other way to Cy Nakamura is left:')
    expect(shown).toContain('Note to Vera Walsh')
    expect(shown).not.toMatch(/^ {4}! /m)

    const printed = /\(kith (ask --via \S+ --to \S+)\)/.exec(declined.out)?.[1] ?? ''
    const next = await kith(...printed.split(' '))
    expect(next.code).toBe(EXIT_OK)
    expect(next.out).toMatch(/Ask Ben Okafor to introduce you to Cy Nakamura/)
    // Now under way: named as such, not offered twice.
    expect((await kith('intros', 'show', String(asked.id))).out).toMatch(/Ben Okafor \(#\d+\) -> Cy Nakamura {2}score [\d.]+ {2}\(draft: kith intros show \d+\)/)
  })

  it('says how to look further when no way is left within three steps', async () => {
    const { kith, cy } = await network()
    const asked = json(await kith('ask', '--via', 'Vera Walsh', '--to', 'Cy Nakamura', '--json')) as { id: number }
    const given = await kith('intros', 'move', String(asked.id), 'abandoned')
    expect(given.out).toContain(`You gave this request up. Kith knows no other way to Cy Nakamura within three steps. To look further: kith paths --to ${cy.id} --max-hops 4`)
  })
})

describe('someone archived, named by name', () => {
  it('is found, as by their id, and the command says they are archived', async () => {
    const data = tempDir()
    const kith = cli(data)
    await kith('me', 'Maya Chen')
    const ken = json(await kith('people', 'add', 'Ken Ito', '--json')) as { id: number }
    await kith('people', 'add', 'Rachel Stone')
    await kith('know', 'Maya Chen', 'Ken Ito', '--strength', '5')
    await kith('know', 'Ken Ito', 'Rachel Stone', '--strength', '4')
    const backend = await Backend.open({ dataDir: data })
    await backend.call('people.archive', { id: ken.id })
    await backend.close()
    for (const args of [['paths', '--to', 'Ken Ito'], ['ask', '--via', 'Ken Ito', '--to', 'Rachel Stone']]) {
      const res = await kith(...args)
      expect(res.err, args.join(' ')).toMatch(/Ken Ito is archived/)
      expect(res.err).not.toMatch(/No one is called/)
    }
    expect((await kith('people', 'show', 'ken ito')).out).toMatch(/^Ken Ito {2}#\d+/)
  })
})

describe('kith introduce and kith intros', () => {
  it('introduce A B --json gives the introduction, its people and the opt-ins', async () => {
    const { kith, vera, ben } = await network()
    const made = (json(
      await kith('introduce', 'Vera Walsh', 'Ben Okafor', '--context', 'both hire designers', '--json'),
    ) as { id: number; state: string; people: { id: number; name: string; email: string | null }[]; optIns: unknown })
    expect(made).toMatchObject({ state: 'draft', people: [{ id: vera.id, email: 'vera@harbor.example' }, { id: ben.id, name: 'Ben Okafor' }] })
    expect(made).toHaveProperty('optIns')
    expect((json(await kith('intros', 'show', String(made.id), '--json')) as Detail).details).toMatchObject({ context: 'both hire designers' })
    expect((await kith('introduce', 'Ben Okafor', 'ben@acme.example')).err).toMatch(/B: choose someone other than Ben Okafor/)
    expect((await kith('introduce', 'Jordan Avery', 'Ben Okafor')).code).toBe(EXIT_FAILURE)
  })

  it('introduce stops to ask first about someone I do not know, and --confirm starts it anyway', async () => {
    const { kith } = await network()
    const stopped = await kith('introduce', 'Yara Schmidt', 'Ben Okafor')
    expect(stopped.code).toBe(EXIT_FAILURE)
    expect(stopped.err).toMatch(/Confirm before starting: You do not know Yara Schmidt in Kith: .* Add --confirm to start it anyway\./)
    expect((await kith('intros', 'list', '--json')).out.trim()).toBe('[]')
    expect((await kith('introduce', 'Yara Schmidt', 'Ben Okafor', '--confirm')).out).toMatch(/^Started #\d+: Introduce Yara Schmidt and Ben Okafor/)
  })

  it('introduce --json carries both opt-in drafts', async () => {
    const { kith } = await network()
    const made = (json(
      await kith('introduce', 'Vera Walsh', 'Ben Okafor', '--json'),
    ) as { optIns: { a: { to: string[]; body: string }; b: { to: string[]; body: string } } | null })
    expect(made.optIns?.a.to).toEqual(['vera@harbor.example'])
    expect(made.optIns?.b.to).toEqual(['ben@acme.example'])
  })

  it('moves an introduction on with dates, in words or ids; a refused move says what is possible', async () => {
    const { kith } = await network()
    const { id } = json(await kith('ask', '--via', 'Vera Walsh,Cy Nakamura', '--to', 'Yara Schmidt', '--json')) as { id: number }
    const ref = String(id)

    const early = await kith('intros', 'move', ref, 'agreed')
    expect(early.code).toBe(EXIT_FAILURE)
    expect(early.err).toMatch(/is Draft and cannot become Agreed\. From Draft, #\d+ can become Asked or Abandoned/)
    const nonsense = await kith('intros', 'move', ref, 'frobnicated')
    expect(nonsense.code).toBe(EXIT_USAGE)
    expect(nonsense.err).toMatch(/STATE: "frobnicated" is not a state of a request/)

    expect((json(await kith('intros', 'move', ref, 'asked', '--date', '2026-03-14', '--json')) as Detail).state).toBe('asked')
    expect((json(await kith('intros', 'move', ref, 'No reply', '--date', '2026-03-21', '--json')) as Detail).state).toBe('no_reply')
    expect((await kith('intros', 'move', ref, 'agreed', '--date', '2026-13-01')).err).toMatch(/--date: that date does not exist/)
    await kith('intros', 'move', ref, 'agreed', '--date', '2026-03-23')
    const introduced = json(await kith('intros', 'move', ref, 'introduced', '--date', '2026-03-25', '--json')) as Detail
    expect(introduced.history).toEqual([
      { state: 'draft', on: expect.any(String) },
      { state: 'asked', on: '2026-03-14' },
      { state: 'no_reply', on: '2026-03-21' },
      { state: 'agreed', on: '2026-03-23' },
      { state: 'introduced', on: '2026-03-25' },
    ])
    expect(introduced.tasks.map((t) => [t.kind, t.dueOn])).toContainEqual(['thank_connector', '2026-03-25'])

    const shown = await kith('intros', 'show', ref)
    expect(shown.out).toMatch(/History:\n.*\n {2}2026-03-14 {2}Asked/)
    expect(shown.out).toMatch(/Can move to: Meeting scheduled \(scheduled\), Loop closed \(closed\), Abandoned/)
    expect(shown.out).toMatch(/Thank Vera Walsh for introducing you to Cy Nakamura/)
    expect((await kith('intros', 'show', 'nine')).err).toMatch(/ID: "nine" is not an id/)
  })

  it('records opt-in answers; sending an introduction before both said yes needs --confirm', async () => {
    const { kith } = await network()
    const { id } = json(await kith('introduce', 'Vera Walsh', 'Ben Okafor', '--json')) as { id: number }
    expect((await kith('intros', 'answer', String(id), 'Vera Walsh', 'yes')).out).toBe(`Vera Walsh: yes. #${id} is Asking both sides.`)
    expect((await kith('intros', 'answer', String(id), 'Cy Nakamura', 'yes')).err).toMatch(/PERSON: Cy Nakamura is not part of/)
    expect((await kith('intros', 'answer', String(id), 'B', 'maybe')).code).toBe(EXIT_USAGE)
    expect((json(await kith('intros', 'answer', String(id), 'b', 'none', '--json')) as Detail).state).toBe('asking')
    // One yes is not two: "both said yes" is not a move.
    const early = await kith('intros', 'move', String(id), 'ready')
    expect(early.code).toBe(EXIT_FAILURE)
    expect(early.err).toContain(`"Both said yes" follows the answers: record each one with kith intros answer ${id} PERSON yes|no`)
    const refused = await kith('intros', 'move', String(id), 'introduced')
    expect(refused.code).toBe(EXIT_FAILURE)
    expect(refused.err).toMatch(/Ben Okafor has not said yes.*Add --confirm to send it anyway/)
    expect((json(await kith('intros', 'move', String(id), 'introduced', '--confirm', '--json')) as Detail).state).toBe('introduced')
  })

  it('intros undo takes the last move back, with the tasks it added', async () => {
    const { kith } = await network()
    const { id } = json(await kith('ask', '--via', 'Vera Walsh,Cy Nakamura', '--to', 'Yara Schmidt', '--json')) as { id: number }
    for (const state of ['asked', 'agreed', 'introduced']) await kith('intros', 'move', String(id), state)
    const undone = json(await kith('intros', 'undo', String(id), '--json')) as Detail
    expect(undone.state).toBe('agreed')
    expect(undone.tasks.filter((t) => t.status !== 'done')).toEqual([])
    expect((await kith('intros', 'undo', String(id))).out).toMatch(/it is Asked again/)
  })
})

describe('kith people edit', () => {
  it('adds tags and emails to what the person has, removes tags, replaces fields', async () => {
    const { kith } = await network()
    const edited = (json(
      await kith('people', 'edit', 'Vera Walsh', '--tag', 'fintech', '--tag', 'INVESTOR', '--email', 'vera@home.example', '--company', 'Harbor Capital', '--linkedin', 'https://www.linkedin.com/in/vera', '--json'),
    ) as { tags: string[]; emails: string[]; company: string | null; linkedinUrl: string | null })
    expect(edited).toMatchObject({ tags: ['investor', 'fintech'], emails: ['vera@harbor.example', 'vera@home.example'], company: 'Harbor Capital', linkedinUrl: 'https://www.linkedin.com/in/vera' })
    const untagged = await kith('people', 'edit', 'Vera Walsh', '--untag', 'Investor', '--company', '')
    expect(untagged.out).toBe('Updated Vera Walsh (#2): company, tags.\n  Tags: fintech')
    expect((json(await kith('people', 'show', 'Vera Walsh', '--json')) as { tags: string[]; company: string | null })).toMatchObject({ tags: ['fintech'], company: null })
    expect((json(await kith('people', 'list', '--tag', 'fintech', '--json')) as { total: number }).total).toBe(1)
  })

  it('says what is wrong in the words of the flags', async () => {
    const { kith } = await network()
    const bad = await kith('people', 'edit', 'Vera Walsh', '--email', 'not-an-email')
    expect(bad.code).toBe(EXIT_FAILURE)
    expect(bad.err).toBe('kith people edit: --email: enter an email address like ana@example.com')
    expect((await kith('people', 'edit', 'Vera Walsh', '--untag', 'golf')).err).toMatch(/--untag: Vera Walsh has no tag "golf"/)
    expect((await kith('people', 'edit', 'Vera Walsh', '--name', '')).err).toMatch(/--name: enter a name/)
    expect((await kith('people', 'edit', 'Vera Walsh')).code).toBe(EXIT_USAGE)
    expect((await kith('people', 'edit', 'Vera Walsh', '--sort', 'name')).err).toMatch(/--sort does not apply here/)
  })
})

describe('kith tasks', () => {
  it('lists, and marks done, the follow-ups an introduction set; "tasks list" is "tasks"', async () => {
    const { kith } = await network()
    const { id } = json(await kith('ask', '--via', 'Vera Walsh,Cy Nakamura', '--to', 'Yara Schmidt', '--json')) as { id: number }
    for (const state of ['asked', 'agreed', 'introduced']) expect((await kith('intros', 'move', String(id), state)).code).toBe(EXIT_OK)
    const tasks = json(await kith('tasks', '--json')) as { id: number; title: string; status: string }[]
    expect(tasks.length).toBe(4)
    expect((json(await kith('tasks', 'list', '--json')) as unknown[])).toEqual(tasks)
    const [first] = tasks
    const done = json(await kith('tasks', 'done', String(first?.id), '--json')) as { id: number; status: string }
    expect(done).toMatchObject({ id: first?.id, status: 'done' })
    expect((json(await kith('tasks', '--json')) as unknown[])).toHaveLength(3)
    expect((await kith('tasks', 'done', '99999')).code).toBe(EXIT_FAILURE)
    expect((await kith('tasks', 'frob')).err).toMatch(/"frob" is not one of kith tasks list, kith tasks add, kith tasks done/)
  })

  it('tasks add names --due, TITLE and PERSON when they are wrong', async () => {
    const { kith } = await network()
    const due = await kith('tasks', 'add', 'Vera Walsh', 'Send the deck', '--due', '14/03/2026')
    expect(due.code).toBe(EXIT_FAILURE)
    expect(due.err).toBe('kith tasks add: --due: use a date like 2026-03-14')
    // --json keeps the refused argument's path beside the message, as every door does.
    const issues = [{ path: ['due'], message: 'Use a date like 2026-03-14' }, { path: ['due'], message: 'That date does not exist' }]
    expect(JSON.parse((await kith('tasks', 'add', 'Vera Walsh', 'Send the deck', '--due', '14/03/2026', '--json')).out)).toEqual({
      ok: false,
      error: { code: 'bad_request', message: '--due: use a date like 2026-03-14', issues },
    })
    expect((await kith('tasks', 'add', 'Vera Walsh', ' ', '--due', '2026-03-14')).err).toMatch(/TITLE: enter what to do/)
    expect((await kith('tasks', 'add', 'Vera Wlsh', 'Send the deck', '--due', '2026-03-14')).err).toMatch(/PERSON: no one is called "Vera Wlsh"/)
    expect((await kith('tasks', 'add', 'Vera Walsh', 'Send the deck')).code).toBe(EXIT_USAGE)
    expect((await kith('tasks', 'add', 'Vera Walsh', 'Send the deck', '--due', '2026-03-14', '--intro', 'x')).err).toMatch(/--intro: "x" is not an id/)
  })

  it('tasks add adds a follow-up; tasks done ticks it off', async () => {
    const { kith, vera } = await network()
    // A week from today (the CLI runs on the real clock).
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    const added = (json(
      await kith('tasks', 'add', 'Vera Walsh', 'Send the deck', '--due', due, '--json'),
    ) as { id: number; title: string; dueOn: string; person: { id: number } })
    expect(added).toMatchObject({ title: 'Send the deck', dueOn: due, person: { id: vera.id } })
    expect((json(await kith('tasks', '--json')) as { id: number }[]).map((t) => t.id)).toContain(added.id)
    expect((await kith('tasks', 'done', String(added.id))).out).toBe(`Done: #${added.id} Send the deck`)
    expect((json(await kith('tasks', '--json')) as { id: number }[]).map((t) => t.id)).not.toContain(added.id)
  })
})

describe('kith profile', () => {
  it('profile set merges with the current profile; profile shows it', async () => {
    const kith = cli(tempDir())
    json(await kith('profile', 'set', '--name', 'Jordan Avery', '--role', 'Founder', '--org', 'Kith Labs', '--json'))
    json(await kith('profile', 'set', '--sign-off', 'Best, Jordan', '--json'))
    expect(json(await kith('profile', '--json'))).toEqual({
      fullName: 'Jordan Avery',
      role: 'Founder',
      organisation: 'Kith Labs',
      credibility: '',
      signOff: 'Best, Jordan',
    })
    expect((await kith('profile')).out).toMatch(/Sign-off: +Best, Jordan/)
  })

  it('profile set with nothing to set is bad usage', async () => {
    const kith = cli(tempDir())
    expect((await kith('profile', 'set')).code).toBe(EXIT_USAGE)
  })
})

describe('kith orgs', () => {
  it('lists organisations, merges one into another by name, and undoes the merge', async () => {
    const kith = cli(tempDir())
    await kith('people', 'add', 'Ana Silva', '--company', 'Harbor Capital')
    await kith('people', 'add', 'Ben Okafor', '--company', 'Harbour Capital Partners')
    const orgs = json(await kith('orgs', 'list', '--json')) as { id: number; name: string }[]
    expect(orgs.map((o) => o.name).sort()).toEqual(['Harbor Capital', 'Harbour Capital Partners'])
    expect((json(await kith('orgs', 'list', 'partners', '--json')) as unknown[])).toHaveLength(1)
    const merged = json(await kith('orgs', 'merge', 'harbor capital', 'Harbour Capital Partners', '--json')) as { id: number; kept: { name: string }; mergedName: string }
    expect(merged).toMatchObject({ kept: { name: 'Harbor Capital' }, mergedName: 'Harbour Capital Partners' })
    expect((json(await kith('orgs', 'list', '--json')) as { aliases: string[] }[])).toMatchObject([{ aliases: ['Harbour Capital Partners'] }])
    expect((await kith('orgs', 'merges', '--json')).out).toMatch(/Harbour Capital Partners/)
    expect((await kith('orgs', 'merge', 'Harbor Capital', 'Nowhere Ltd')).err).toMatch(/MERGE: no organisation is called "Nowhere Ltd"/)
    expect((json(await kith('orgs', 'undo', String(merged.id), '--json')) as { undoneAt: string | null }).undoneAt).not.toBeNull()
    expect((json(await kith('orgs', 'list', '--json')) as unknown[])).toHaveLength(2)
  })

  it('orgs alone asks which orgs command', async () => {
    const kith = cli(tempDir())
    const res = await kith('orgs')
    expect(res.code).toBe(EXIT_USAGE)
    expect(res.err).toMatch(/choose one of kith orgs list, kith orgs merge, kith orgs merges, kith orgs undo/)
  })
})

describe('kith help', () => {
  it('the global --help lists every command', async () => {
    const res = await cli(tempDir())('--help')
    expect(res.code).toBe(EXIT_OK)
    for (const key of commandKeys()) expect(usageLines(res.out, key), key).not.toBeNull()
    expect(usageLines(USAGE, 'no such')).toBeNull()
  })

  it('COMMAND --help and help COMMAND print that command\'s own usage', async () => {
    const kith = cli(tempDir())
    const ask = await kith('ask', '--help')
    expect(ask.code).toBe(EXIT_OK)
    expect(ask.out).toMatch(/^Usage: kith ask/)
    expect(ask.out).toMatch(/ask --via C1\[,C2\] --to TARGET/)
    expect(ask.out).not.toMatch(/introduce A B|doctor/)
    expect((await kith('help', 'ask')).out).toBe(ask.out)

    const edit = await kith('people', 'edit', '--help')
    expect(edit.out).toMatch(/people edit PERSON/)
    expect(edit.out).toMatch(/--untag T\n.*removes tag T/)
    expect(edit.out).not.toMatch(/people add/)
    expect((await kith('help', 'people')).out).toMatch(/people add[\s\S]*people list[\s\S]*people show[\s\S]*people edit/)

    const tasks = await kith('tasks', '--help')
    expect(tasks.out).toMatch(/tasks \[list\] \[--due\][\s\S]*tasks add PERSON TITLE --due YYYY-MM-DD[\s\S]*tasks done ID/)
    expect((await kith('tasks', 'add', '--help')).out).not.toMatch(/^ {2}tasks done/m)
    expect((await kith('intros', 'move', '--help')).out).toMatch(/No reply \(no_reply\)/)
    expect((await kith('help', 'orgs')).out).toMatch(/orgs merge KEEP MERGE/)
    expect((await kith('profile', 'set', '-h')).out).toMatch(/--sign-off/)
    expect((await kith('help', 'frobnicate')).code).toBe(EXIT_USAGE)
  })

  it('bad usage prints the command\'s usage, not everyone\'s', async () => {
    const res = await cli(tempDir())('intros', 'move', '1')
    expect(res.code).toBe(EXIT_USAGE)
    expect(res.err).toMatch(/expected 2 argument\(s\), got 1\.\n\nUsage: kith intros move/)
    expect(res.err).not.toMatch(/doctor/)
  })
})

describe('backend messages in the user\'s words', () => {
  it('maps field paths onto flags, drops unmapped paths and the method name', () => {
    const fields = { due: '--due', personId: 'PERSON', 'patch.emails': '--email' }
    expect(inUserWords('Invalid arguments for tasks.add: due: Use a date like 2026-03-14', fields)).toBe('--due: use a date like 2026-03-14')
    expect(inUserWords('Invalid arguments for people.update: patch.emails.1: Enter an email address', fields)).toBe('--email: enter an email address')
    expect(inUserWords('Invalid arguments for tasks.add: personId: must be a person id; title: Enter what to do', fields)).toBe(
      'PERSON: must be a person id; Enter what to do',
    )
    expect(inUserWords('Invalid arguments for paths.find: arguments: give exactly one of to, company or tag', fields)).toBe('give exactly one of to, company or tag')
    expect(inUserWords('due: ID 3 is late', fields)).toBe('--due: ID 3 is late')
    expect(inUserWords('Note: left as it was', fields)).toBe('Note: left as it was')
  })
})

describe('words from the command line are checked against the shared lists', () => {
  it('refuses a kind or confidence Kith does not know as bad usage naming the choices, and takes a known one', async () => {
    const { kith } = await network()
    const badKind = await kith('log', 'lunch', 'Ben Okafor')
    expect(badKind.code).toBe(EXIT_USAGE)
    expect(badKind.err).toContain('KIND must be one of meeting, call, email, message, event, other, not "lunch".')
    const badConfidence = await kith('know', 'Ben Okafor', 'Vera Walsh', '--strength', '2', '--confidence', 'rumoured')
    expect(badConfidence.code).toBe(EXIT_USAGE)
    expect(badConfidence.err).toContain('--confidence must be one of firsthand, believed, inferred, not "rumoured".')
    const logged = json(await kith('log', 'call', 'Ben Okafor', '--json')) as { kind: string }
    expect(logged.kind).toBe('call')
    const known = await kith('know', 'Ben Okafor', 'Vera Walsh', '--strength', '2', '--confidence', 'believed')
    expect(known.code, known.err).toBe(EXIT_OK)
    expect(known.out).toBe('Recorded: Vera Walsh and Ben Okafor - Acquaintance (2/5).')
  })
})
