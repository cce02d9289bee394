/**
 * `kith review` and `kith import PATH` for archives, in-process against a data
 * folder where an archive import (observations made by hand, through the same
 * job entry point the readers use) has left people, estimates and a tie.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArchiveFormat, ArchiveJobStatus, ReviewList } from '../../../shared/imports'
import { Backend } from '../../backend/backend'
import { ok } from '../../backend/testing/call'
import { importArchive, obs, who } from '../../backend/testing/observations'
import { tempDir } from '../../backend/testing/temp'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from '../run'
import { progressLine } from './import-archive'

function cli(data: string) {
  return async (...args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['--data', data, ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, {})
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
}

const ME = who('me@home.org', 'Me')
const ANA = who('ana@acme.com', 'Ana Silva')
const BEN = who('ben@initech.com', 'Ben Okafor')

async function learnedFolder(): Promise<string> {
  const data = tempDir()
  const backend = await Backend.open({ dataDir: data })
  await ok(backend, 'me.set', { name: 'Me' })
  const today = backend.today()
  await importArchive(
    backend,
    [
      obs(ME, [ANA], today),
      obs(ANA, [ME], today),
      obs(ME, [BEN], today),
      obs(BEN, [ME], today),
      obs(ANA, [BEN], today, { thread: 'x1' }),
      obs(BEN, [ANA], today, { thread: 'x2' }),
    ],
    { myAddresses: ['me@home.org'] },
  )
  await backend.close()
  return data
}

describe('kith review', () => {
  it('lists what was learned, grouped; accepts a tie by id and rejects a new person; --all accepts the rest', async () => {
    const kith = cli(await learnedFolder())
    const listed = await kith('review', 'list')
    expect(listed.code).toBe(EXIT_OK)
    expect(listed.out).toMatch(/^New people \(2\):\n {2}#\d+ +Ana Silva \[strength \d\]: 2 messages both ways/)
    expect(listed.out).toMatch(/Proposed ties between others \(1\):\n {2}#\d+ +Ana Silva and Ben Okafor \[strength 2, other\]: on 2 threads together, last \d{4}-\d\d-\d\d/)

    const list = JSON.parse((await kith('review', '--json')).out) as ReviewList
    const [tie] = list.ties
    const ben = list.people.find((p) => p.person.name === 'Ben Okafor')
    if (tie === undefined || ben === undefined) throw new Error('nothing learned')
    expect((await kith('review', 'accept', String(tie.id))).out).toBe('1 item accepted, 1 relationship added.')
    // Ben is deleted, and with him the tie that was accepted and his tie to me.
    expect((await kith('review', 'reject', String(ben.id))).out).toBe('1 item rejected, 1 person deleted, 2 relationships with them deleted.')
    expect((await kith('review', 'accept', '--all', '--json')).out).toMatch(/"accepted": 1/)
    expect((await kith('review')).out).toBe('Nothing to review.')
  })

  it('refuses accept with both --all and ids, or neither, and an id that is not a number, with exit 2', async () => {
    const kith = cli(await learnedFolder())
    for (const args of [['review', 'accept'], ['review', 'accept', '--all', '3'], ['review', 'reject', 'ana']]) {
      const res = await kith(...args)
      expect(res.code, args.join(' ')).toBe(EXIT_USAGE)
    }
    expect((await kith('review', 'reject', '999999')).code).toBe(1)
  })
})

describe('kith import PATH for an archive', () => {
  it('says messages while a mailbox is read and meetings while a calendar is', () => {
    const status = (format: ArchiveFormat, messages: number): ArchiveJobStatus => ({
      jobId: 'j1',
      format,
      phase: 'reading',
      progress: { bytes: 2048, totalBytes: 8192, messages, people: 3 },
      preview: null,
      result: null,
      error: null,
    })
    expect(progressLine(status('ics', 1204))).toMatch(/^Reading: 1,204 meetings \(.+ of .+\), 3 people so far$/)
    expect(progressLine(status('ics', 1))).toMatch(/^Reading: 1 meeting \(/)
    expect(progressLine(status('mbox', 1204))).toMatch(/^Reading: 1,204 messages \(/)
  })

  it('refuses --my-address that is not an address, and --my-address or --strength on what is not an archive of that kind', async () => {
    const data = tempDir()
    const kith = cli(data)
    const mbox = path.join(data, 'All mail.mbox')
    fs.writeFileSync(mbox, 'From someone@example.com Sat Jan  3 01:05:34 2026\nFrom: a@b.org\n\nhi\n')
    const contacts = path.join(data, 'Connections.csv')
    fs.writeFileSync(contacts, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Silva,,ana@acme.com,Acme,CTO,12 Mar 2024\n')

    const bad = await kith('import', mbox, '--my-address', 'not an address')
    expect([bad.code, bad.err]).toEqual([EXIT_USAGE, expect.stringContaining('"not an address" is not an email address')])
    expect((await kith('import', mbox, '--strength', '3')).code).toBe(EXIT_USAGE)
    expect((await kith('import', contacts, '--my-address', 'me@home.org')).code).toBe(EXIT_USAGE)
    // A contacts file still goes the way it always did.
    expect((await kith('import', contacts, '--dry-run')).out).toMatch(/^Would import Connections.csv/)
  })

  it('answers every refusal of an archive path with --json in the same shape as a file it could not read', async () => {
    const data = tempDir()
    const kith = cli(data)
    const folder = path.join(tempDir(), 'Notes')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'todo.txt'), 'milk\n')
    for (const [what, refused] of [
      ['a folder that is no archive', await kith('import', folder, '--json')],
      ['nothing there', await kith('import', path.join(folder, 'gone.mbox'), '--json')],
    ] as const) {
      expect(refused.code, what).toBe(EXIT_FAILURE)
      const printed = JSON.parse(refused.out) as unknown
      expect(printed, what).toEqual({ format: null, errors: [{ line: 0, message: expect.any(String) }] })
      expect(refused.err, what).toMatch(/^kith import: /)
    }
    expect(JSON.parse((await kith('import', folder, '--json')).out)).toMatchObject({ errors: [{ message: 'Notes is a folder, not a file Kith can import.' }] })
    // Without --json the refusal is only said on stderr.
    const plain = await kith('import', folder)
    expect([plain.code, plain.out, plain.err]).toEqual([EXIT_FAILURE, '', 'kith import: Notes is a folder, not a file Kith can import.'])
  })

  it('never brings back a rejected person or tie when the same mbox is imported again', async () => {
    const kith = cli(tempDir())
    const mbox = path.join(import.meta.dirname, '..', '..', 'backend', 'imports', 'archive', 'fixtures', 'warm-intro.mbox')
    expect((await kith('me', 'Sam Rivera')).code).toBe(EXIT_OK)
    expect((await kith('import', mbox, '--my-address', 'me@home.org')).code).toBe(EXIT_OK)
    const list = JSON.parse((await kith('review', '--json')).out) as ReviewList
    const tie = list.ties.find((t) => [t.person.name, t.other?.name].sort().join(' and ') === 'Alice Archer and Dan Diaz')
    const dan = list.people.find((p) => p.person.name === 'Dan Diaz')
    if (tie === undefined || dan === undefined) throw new Error('the import proposed no Dan, or no tie between Alice and Dan')
    expect((await kith('review', 'reject', String(tie.id))).code).toBe(EXIT_OK)
    expect((await kith('review', 'reject', String(dan.id))).code).toBe(EXIT_OK)

    const again = await kith('import', mbox, '--my-address', 'me@home.org', '--json')
    expect(again.code).toBe(EXIT_OK)
    const printed = JSON.parse(again.out) as { people: { created: { name: string }[]; heardFrom: { name: string; rejected: boolean }[] }; ties: { a: string; b: string }[] }
    expect(printed.people.created).toEqual([])
    expect(printed.people.heardFrom.map((h) => [h.name, h.rejected])).toEqual([['Dan Diaz', true]])
    expect(printed.ties.map((t) => [t.a, t.b].sort().join(' and '))).not.toContain('Alice Archer and Dan Diaz')
    const after = JSON.parse((await kith('review', '--json')).out) as ReviewList
    expect(after.people.map((p) => p.person.name)).not.toContain('Dan Diaz')
    expect(after.ties.map((t) => [t.person.name, t.other?.name].sort().join(' and '))).not.toContain('Alice Archer and Dan Diaz')
    expect((await kith('import', mbox, '--my-address', 'me@home.org', '--dry-run')).out).toContain('Heard from, not added again (you rejected them before):\n  Dan Diaz <dan@example.org>')
  }, 60_000)

  it('learns from a real mbox and .ics end to end: --dry-run --json shows the preview, then the import adds people and interactions', async () => {
    const data = tempDir()
    const kith = cli(data)
    const fixtures = path.join(import.meta.dirname, '..', '..', 'backend', 'imports', 'archive', 'fixtures')
    expect((await kith('me', 'Maya Lindqvist')).code).toBe(EXIT_OK)
    const dry = await kith('import', path.join(fixtures, 'gmail.mbox'), '--my-address', 'maya@example.com', '--dry-run', '--json')
    expect(dry.code).toBe(EXIT_OK)
    const preview = JSON.parse(dry.out) as { format: string; messages: number; people: { created: { name: string }[] }; ignored: Record<string, number> }
    expect(preview.format).toBe('mbox')
    expect(preview.messages).toBe(11)
    expect(preview.people.created.map((p) => p.name).sort()).toEqual(['Ana Silva', 'Kenji Sato'])
    expect(preview.ignored).toMatchObject({ list: 1, bulk: 1, automated: 1, 'no-reply': 1, crowd: 1 })
    expect(JSON.parse(dry.out)).toMatchObject({ ownAddresses: { known: ['maya@example.com'], proposed: [] } })
    // Without my address, the sender of the mail Gmail labelled Sent is proposed as mine, in both outputs.
    const blind = await kith('import', path.join(fixtures, 'gmail.mbox'), '--dry-run', '--json')
    expect(JSON.parse(blind.out)).toMatchObject({ ownAddresses: { known: [], proposed: [{ email: 'maya@example.com', reason: 'sent-label' }] } })
    const blindText = (await kith('import', path.join(fixtures, 'gmail.mbox'), '--dry-run')).out
    expect(blindText).toMatch(/add them with --my-address[^\n]*\n {2}maya@example\.com \(Maya Lindqvist\): \d+ sent/)
    // The note the page shows too names no command-line flag; the CLI adds its own hint after it.
    const blindNotes = (JSON.parse(blind.out) as { notes: string[] }).notes
    expect(blindNotes).toContain('Kith does not know your own addresses yet, so no message counts as sent or received. Say which addresses are yours, or confirm the ones Kith proposes.')
    expect(blindNotes.join(' ')).not.toContain('--my-address')
    // A dry run writes nothing.
    expect(JSON.parse((await kith('review', 'list', '--json')).out)).toEqual({ people: [], ties: [], strengths: [] })

    // A calendar's summary counts meetings, in the heading and in the note about addresses.
    const calendarText = await kith('import', path.join(fixtures, 'google.ics'), '--dry-run')
    expect(calendarText.out).toMatch(/^Would learn from google\.ics \(Calendar \(\.ics\), \d+ meetings?\):\n/)
    expect(calendarText.out).toContain('so no meeting counts as one you were at. Say which addresses are yours, or confirm the ones Kith proposes.\nOr give them here with --my-address and import again.')
    expect(calendarText.out).not.toMatch(/\d+ messages?\):|no message counts/)

    const applied = await kith('import', path.join(fixtures, 'gmail.mbox'), '--my-address', 'maya@example.com')
    expect(applied.code).toBe(EXIT_OK)
    // The address given is kept, as the page keeps it: the next import knows it without being told again.
    expect(applied.out).toContain('Kept maya@example.com as one of your addresses for the next imports.')
    expect(JSON.parse((await kith('import', path.join(fixtures, 'google.ics'), '--dry-run', '--json')).out)).toMatchObject({ ownAddresses: { known: ['maya@example.com'] } })
    expect(applied.out).toContain('Kenji Sato <kenji@example.net>: 2 messages both ways')
    expect(applied.out).toContain('left out: 1 message from mailing lists, 1 message of bulk mail, 1 message of automated mail, 1 message from no-reply senders, 1 message with too many people')
    expect(applied.out).toMatch(/^ {2}2 new people, 0 already in Kith, \d+ heard from \(not added\)\n {2}\d+ interactions?, \d+ proposed ties? between others$/m)
    const again = await kith('import', path.join(fixtures, 'gmail.mbox'), '--my-address', 'maya@example.com', '--dry-run', '--json')
    expect(JSON.parse(again.out)).toMatchObject({ interactions: 0, ignored: { 'already imported': 4 } })
    const calendar = await kith('import', path.join(fixtures, 'google.ics'), '--my-address', 'maya@example.com', '--json')
    expect(calendar.code).toBe(EXIT_OK)
    expect(JSON.parse(calendar.out)).toMatchObject({ format: 'ics' })
  }, 60_000)
})
