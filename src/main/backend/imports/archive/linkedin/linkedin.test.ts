import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArchiveJobStatus } from '../../../../../shared/imports'
import type { Backend } from '../../../backend'
import { ok } from '../../../testing/call'
import { batchOf } from '../../../testing/observations'
import { openTempBackend, tempDir } from '../../../testing/temp'
import { makeZip, type ZipEntryInput } from '../../../testing/zip'
import { runCli } from '../../../../cli/run'
import { detectArchive } from '../formats'
import { archiveJobs } from '../jobs'
import { parseInvitationTime, parseMessageTime, parseMonthYear } from './dates'
import { readLinkedinExport } from './read'

const NOW = Date.parse('2026-11-20T12:00:00.000Z')
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'linkedin-export')
const INNER = 'Basic_LinkedInDataExport_11-20-2026'

function ticking(): () => Date {
  let t = NOW
  return () => new Date((t += 1000))
}

/** The fixture's files, as zip entries under `prefix`. */
function fixtureEntries(prefix: string): ZipEntryInput[] {
  const out: ZipEntryInput[] = []
  const walk = (dir: string, rel: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      if (fs.statSync(full).isDirectory()) {
        out.push({ name: `${prefix}${rel}${name}/` })
        walk(full, `${rel}${name}/`)
      } else out.push({ name: `${prefix}${rel}${name}`, data: fs.readFileSync(full) })
    }
  }
  walk(path.join(FIXTURE, INNER), '')
  return out
}

function zipAt(name: string, entries: readonly ZipEntryInput[]): string {
  const file = path.join(tempDir(), name)
  fs.writeFileSync(file, makeZip(entries))
  return file
}

/** Starts an import of the path and waits until it is ready, failed or cancelled. */
async function readPath(backend: Backend, file: string): Promise<ArchiveJobStatus> {
  let status = await archiveJobs(backend).startPath(file, [], path.basename(file))
  while (status.phase === 'reading' || status.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 5))
    status = await ok(backend, 'imports.archiveJob', { jobId: status.jobId })
  }
  return status
}

async function preview(backend: Backend, file: string) {
  const status = await readPath(backend, file)
  if (status.preview === null) throw new Error(`refused: ${status.error ?? status.phase}`)
  return status.preview
}

const names = (people: readonly { name: string }[]): string[] => people.map((p) => p.name).sort()

async function personNamed(backend: Backend, name: string) {
  const ref = await ok(backend, 'people.resolve', { ref: name })
  return ok(backend, 'people.get', { id: ref.id })
}

const jobsOf = (backend: Backend, personId: number) =>
  backend.sqlite.prepare<[number], { company: string; title: string | null; start_date: string | null; end_date: string | null }>('SELECT company, title, start_date, end_date FROM employment WHERE person_id = ? ORDER BY start_date').all(personId)

describe("LinkedIn's data export", () => {
  it('reads the dates LinkedIn writes', () => {
    expect(parseMonthYear('Mar 2023', 'start')).toBe('2023-03-01')
    expect(parseMonthYear('Feb 2024', 'end')).toBe('2024-02-29')
    expect(parseMonthYear('2017', 'end')).toBe('2017-12-31')
    expect(parseMonthYear('Spring 2017', 'start')).toBeNull()
    expect(parseMessageTime('2024-12-16 18:24:37 UTC')).toBe('2024-12-16T18:24:37.000Z')
    expect(parseMessageTime('2024-02-30 10:00:00 UTC')).toBeNull()
    expect(parseInvitationTime('12/15/24, 7:47 PM')).toBe('2024-12-15T19:47:00.000Z')
    expect(parseInvitationTime('1/2/24, 12:05 AM')).toBe('2024-01-02T00:05:00.000Z')
  })

  it('makes the profile "me" with my jobs, adds connections, learns from messages and invitations, keeps no message text, adds nothing twice and undoes', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const first = await preview(backend, FIXTURE)
    expect(first.format).toBe('linkedin-export')
    expect(first.notes).toEqual([
      'Mara Quinn (from Profile.csv) becomes "me".',
      '2 jobs from Positions.csv go into your work history.',
      'Your current job in Positions.csv, Product Lead at Harbor Capital, becomes your company and title.',
    ])
    expect(names(first.people.created)).toEqual(['Ana Silva', 'Ben Okafor', 'Cy Dorn'])
    const byName = new Map(first.people.created.map((p) => [p.name, p]))
    // Two messages from me and one back on conversation 1; the invitation to Cy is one message from me.
    expect(byName.get('Ana Silva')).toMatchObject({ sent: 2, received: 1, strength: expect.any(Number) })
    expect(byName.get('Cy Dorn')).toMatchObject({ sent: 1, received: 0 })
    expect(byName.get('Ben Okafor')?.explanation).toBe('a LinkedIn connection, no messages in the last 3 years: acquaintance (2)')
    // A recruiter's one message and an invitation I never answered are heard from, not added.
    expect(names(first.people.heardFrom)).toEqual(['Dee Recruiter', 'Fay Lane'])
    // Sponsored mail is left out; the draft is not read.
    expect(first.ignored.automated).toBe(1)
    expect(first.messages).toBe(7)
    // Ana on two days, and the invitation to Cy.
    expect(first.interactions).toBe(3)
    expect(first.errors).toEqual([])

    const applied = await ok(backend, 'imports.archiveApply', { jobId: first.jobId })
    expect(applied).toMatchObject({ format: 'linkedin-export', peopleCreated: 4, interactions: 3 })
    // The history names the export as such, not as a Connections.csv import, and counts the people it added as the result does.
    expect((await ok(backend, 'imports.list', {}))[0]).toMatchObject({ format: 'linkedin-export', created: applied.peopleCreated })
    const me = await ok(backend, 'me.get', {})
    expect(me?.name).toBe('Mara Quinn')
    if (me === null) throw new Error('me is set')
    // My current job is my company and title, as on the People list.
    expect((await ok(backend, 'people.get', { id: me.id })).company).toBe('Harbor Capital')
    expect((await ok(backend, 'people.list', {})).people.find((p) => p.id === me.id)).toMatchObject({ company: 'Harbor Capital', title: 'Product Lead' })
    expect(jobsOf(backend, me.id)).toEqual([
      { company: 'Initech', title: 'Engineer', start_date: '2018-01-01', end_date: '2023-02-28' },
      { company: 'Harbor Capital', title: 'Product Lead', start_date: '2023-03-01', end_date: null },
    ])
    const ana = await personNamed(backend, 'Ana Silva')
    expect(ana).toMatchObject({ company: 'Harbor Capital', title: 'Analyst', linkedinUrl: 'https://www.linkedin.com/in/ana-silva' })
    expect(ana.relationships.find((r) => r.other.id === me.id)?.strength).toBeGreaterThanOrEqual(1)
    const ben = await personNamed(backend, 'Ben Okafor')
    expect(ben.emails).toEqual(['ben@harbor.example'])
    expect(ben.relationships.find((r) => r.other.id === me.id)?.strength).toBe(2)
    const notes = backend.sqlite.prepare<[], string | null>('SELECT note FROM interaction').pluck().all()
    expect(notes.join(' ')).not.toMatch(/coffee|Friday|salary|meetup|draft/i)
    const kinds = backend.sqlite.prepare<[], string>('SELECT DISTINCT kind FROM interaction').pluck().all()
    expect(kinds).toEqual(['message'])

    // The same export again adds nobody and nothing.
    const again = await preview(backend, FIXTURE)
    expect(again.people.created).toEqual([])
    expect(names(again.people.matched)).toEqual(['Ana Silva', 'Ben Okafor', 'Cy Dorn'])
    expect(again.interactions).toBe(0)
    expect(again.notes).toEqual([])
    await ok(backend, 'imports.archiveCancel', { jobId: again.jobId })

    // Undo takes back the people, the messages and my jobs; who I am stays.
    await ok(backend, 'imports.undo', { id: batchOf(applied) })
    expect((await ok(backend, 'people.list', {})).people.map((p) => p.name)).toEqual(['Mara Quinn'])
    expect(jobsOf(backend, me.id)).toEqual([])
    expect(await ok(backend, 'people.get', { id: me.id })).toMatchObject({ company: null, title: null })
    expect(backend.sqlite.prepare('SELECT count(*) FROM interaction').pluck().get()).toBe(0)
  })

  it('leaves the company and title I already gave alone, and takes the latest of two current jobs otherwise', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const me = await ok(backend, 'me.set', { name: 'Mara Quinn' })
    await ok(backend, 'people.update', { id: me.id, patch: { title: 'Founder' } })
    const kept = await preview(backend, FIXTURE)
    expect(kept.notes.join(' ')).not.toMatch(/becomes your company/)
    await ok(backend, 'imports.archiveApply', { jobId: kept.jobId })
    expect(await ok(backend, 'people.get', { id: me.id })).toMatchObject({ company: null, title: 'Founder' })

    const other = await openTempBackend({ now: ticking() })
    const positions = 'Company Name,Title,Description,Location,Started On,Finished On\nOld Co,Adviser,,,Jan 2015,\nNew Co,,,,Jun 2024,\nPast Co,Chief,,,Jan 2024,Dec 2025\n'
    const entries = fixtureEntries('').map((e) => (e.name === 'Positions.csv' ? { name: e.name, data: Buffer.from(positions) } : e))
    const seen = await preview(other, zipAt('export.zip', entries))
    expect(seen.notes).toContain('Your current job in Positions.csv, New Co, becomes your company and title.')
    await ok(other, 'imports.archiveApply', { jobId: seen.jobId })
    const mine = await ok(other, 'me.get', {})
    if (mine === null) throw new Error('me is set')
    expect(await ok(other, 'people.get', { id: mine.id })).toMatchObject({ company: 'New Co', title: null })
  })

  it('warns, without refusing, when the export names someone other than "me", and adds only the jobs I do not have', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    await ok(backend, 'people.update', { id: me.id, patch: { employment: [{ company: 'Harbor Capital', title: 'Product Lead', startDate: '2023-03-01', endDate: null }] } })
    const seen = await preview(backend, FIXTURE)
    expect(seen.notes).toEqual([
      `Warning: this export is Mara Quinn's (Profile.csv), but "me" in Kith is Jordan Avery. Its messages and jobs are taken as yours; cancel if the export is someone else's.`,
      '1 job from Positions.csv goes into your work history.',
      'Your current job in Positions.csv, Product Lead at Harbor Capital, becomes your company and title.',
    ])
    const applied = await ok(backend, 'imports.archiveApply', { jobId: seen.jobId })
    expect(jobsOf(backend, me.id).map((j) => j.company)).toEqual(['Initech', 'Harbor Capital'])
    await ok(backend, 'imports.undo', { id: batchOf(applied) })
    expect(jobsOf(backend, me.id).map((j) => j.company)).toEqual(['Harbor Capital'])
  })

  it('finds people already in Kith by profile address first, then address, then name and company, never across two profiles', async () => {
    const backend = await openTempBackend({ now: ticking() })
    await ok(backend, 'people.create', { name: 'Ana Silva', company: 'Harbor Capital', linkedinUrl: 'https://www.linkedin.com/in/another-ana' })
    const ben = await ok(backend, 'people.create', { name: 'Benjamin Okafor', linkedinUrl: 'linkedin.com/in/BENOKAFOR/' })
    await ok(backend, 'people.create', { name: 'B. Okafor', emails: ['Ben@Harbor.example'] })
    const cy = await ok(backend, 'people.create', { name: 'Cy Dorn', company: 'Initech' })
    const seen = await preview(backend, FIXTURE)
    expect(names(seen.people.created)).toEqual(['Ana Silva'])
    expect(seen.people.matched.map((p) => [p.id, p.name])).toEqual(
      expect.arrayContaining([
        [ben.id, 'Benjamin Okafor'],
        [cy.id, 'Cy Dorn'],
      ]),
    )
    expect(seen.people.matched).toHaveLength(2)
  })

  it('reads the zip LinkedIn sends, at any depth and whatever the case, passing over everything else in it', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const entries = fixtureEntries('deep/export/').map((e) => (e.name.endsWith('Connections.csv') ? { ...e, name: 'deep/export/CONNECTIONS.CSV' } : e))
    const file = zipAt('Basic_LinkedInDataExport.zip', [
      { name: '__MACOSX/' },
      { name: '__MACOSX/deep/export/._Connections.csv', data: Buffer.from([0, 5, 22, 7, 0, 2]) },
      { name: '__MACOSX/Connections.csv', data: 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZed,Junk,,,,,\n' },
      { name: 'Rich_Media.csv', data: 'Date/Time,Media Description\n"bad, "quote\n' },
      { name: 'Articles/Articles/note.html', data: '<html>not read</html>' },
      { name: 'deep/' },
      ...entries,
    ])
    expect(await detectArchive(file)).toBe('linkedin-export')
    expect(await detectArchive(FIXTURE)).toBe('linkedin-export')
    const other = tempDir()
    fs.writeFileSync(path.join(other, 'contacts.csv'), 'Name,Email\n')
    expect(await detectArchive(other)).toBeNull()
    const status = await readPath(backend, file)
    const seen = status.preview
    if (seen === null) throw new Error(`refused: ${status.error ?? status.phase}`)
    // Progress is counted in the zip's bytes of the files Kith reads, and ends complete.
    expect(status.progress.totalBytes).toBeGreaterThan(0)
    expect(status.progress.bytes).toBe(status.progress.totalBytes)
    expect(seen.fileName).toBe('Basic_LinkedInDataExport.zip')
    expect(names(seen.people.created)).toEqual(['Ana Silva', 'Ben Okafor', 'Cy Dorn'])
    expect(seen.interactions).toBe(3)
    expect(seen.errors).toEqual([])
  })

  it('refuses a file it cannot read with the entry named, and takes an export that lacks some files', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const broken = zipAt('broken.zip', [
      { name: 'Profile.csv', data: 'First Name,Last Name\nMara,Quinn\n' },
      { name: 'messages.csv', data: 'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\nc1,Mara Quinn,https://www.linkedin.com/in/m,Ana,https://www.linkedin.com/in/a,2026-10-01 09:00:00 UTC,"never closed\n' },
    ])
    const failed = await readPath(backend, broken)
    expect(failed.phase).toBe('failed')
    expect(failed.error).toMatch(/^messages\.csv in broken\.zip: Line 2: a quoted field starts here and is never closed/)

    const wrong = zipAt('wrong.zip', [{ name: 'Export/Positions.csv', data: 'Employer,Role\nHarbor,Lead\n' }])
    expect((await readPath(backend, wrong)).error).toBe(
      'Export/Positions.csv in wrong.zip is not the file LinkedIn writes: no header with company name, started on in its first lines. Nothing was imported.',
    )
    const empty = zipAt('photos.zip', [{ name: 'a.jpg', data: 'x' }])
    expect((await readPath(backend, empty)).error).toMatch(/^photos\.zip holds none of the files of a LinkedIn export/)
    const damaged = path.join(tempDir(), 'damaged.zip')
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]))
    expect((await readPath(backend, damaged)).error).toMatch(/^damaged\.zip is (not a zip file Kith can read|a damaged zip file)/)

    // Connections alone: people, each linked to me as an acquaintance, and a bad row named by its line.
    await ok(backend, 'me.set', { name: 'Mara Quinn' })
    const connections = fs.readFileSync(path.join(FIXTURE, INNER, 'Connections.csv'), 'utf8') + 'Dana,Voss,https://www.linkedin.com/in/dana,not-an-email,Acme,CEO,32 Foo 2020\r\n'
    const only = await preview(backend, zipAt('connections-only.zip', [{ name: 'Connections.csv', data: connections }]))
    expect(names(only.people.created)).toEqual(['Ana Silva', 'Ben Okafor', 'Cy Dorn', 'Dana Voss'])
    expect(only.people.created.every((p) => p.strength === 2)).toBe(true)
    expect(only.errors).toEqual([
      { line: 8, message: 'Connections.csv line 8: "Connected On" is not a date: "32 Foo 2020"; left out' },
      { line: 8, message: 'Connections.csv line 8: "not-an-email" is not an email address; left out' },
    ])
  })

  it('lets a path search go through a connection to their colleague, with my own jobs on record', async () => {
    const backend = await openTempBackend({ now: ticking() })
    const gil = await ok(backend, 'people.create', { name: 'Gil Mendes', company: 'Harbor Capital' })
    const seen = await preview(backend, FIXTURE)
    await ok(backend, 'imports.archiveApply', { jobId: seen.jobId })
    const me = await ok(backend, 'me.get', {})
    if (me === null) throw new Error('me is set')
    expect(jobsOf(backend, me.id).map((j) => j.company)).toEqual(['Initech', 'Harbor Capital'])

    const found = await ok(backend, 'paths.find', { to: gil.id })
    const viaColleague = found.paths.find((p) => p.steps.at(-1)?.kind === 'colleague')
    expect(viaColleague?.people.map((p) => p.name)).toEqual(['Mara Quinn', 'Ana Silva', 'Gil Mendes'])
    // Ana and Ben, both at Harbor Capital now, are taken for colleagues: confirming it makes it a relationship.
    const [ana, ben] = [await personNamed(backend, 'Ana Silva'), await personNamed(backend, 'Ben Okafor')]
    const tie = await ok(backend, 'colleagues.confirm', { a: ana.id, b: ben.id, strength: 3 })
    expect(tie).toMatchObject({ kind: 'colleague', contexts: [expect.stringMatching(/Harbor Capital/)] })
  })

  it('stops reading when the import is cancelled', async () => {
    const abort = new AbortController()
    const kinds: string[] = []
    for await (const item of readLinkedinExport(FIXTURE, { signal: abort.signal, onProgress: () => undefined }, 'export')) {
      kinds.push(item.kind)
      if (item.kind === 'connection') abort.abort()
    }
    // The owner, two jobs, the first connection; no invitation or message after the cancel.
    expect(kinds).toEqual(['owner', 'position', 'position', 'connection'])
  })

  it('previews from the command line with kith import export.zip --dry-run --json', async () => {
    const file = zipAt('export.zip', fixtureEntries(''))
    const out: string[] = []
    const code = await runCli(['--data', tempDir(), 'import', file, '--dry-run', '--json'], { out: (t) => out.push(t), err: () => undefined }, {})
    expect(code).toBe(0)
    const printed = JSON.parse(out.join('\n')) as { format: string; people: { created: { name: string }[] }; notes: string[] }
    expect(printed.format).toBe('linkedin-export')
    expect(names(printed.people.created)).toEqual(['Ana Silva', 'Ben Okafor', 'Cy Dorn'])
    expect(printed.notes[0]).toBe('Mara Quinn (from Profile.csv) becomes "me".')
  })

  it('lists the import in kith imports list by its label, with the people it added', async () => {
    const data = tempDir()
    const io = { out: () => undefined, err: () => undefined }
    expect(await runCli(['--data', data, 'import', zipAt('export.zip', fixtureEntries(''))], io, {})).toBe(0)
    const out: string[] = []
    expect(await runCli(['--data', data, 'imports', 'list'], { out: (t) => out.push(t), err: () => undefined }, {})).toBe(0)
    expect(out.join('\n')).toMatch(/export\.zip \(LinkedIn data export\): 4 created, 0 updated/)
  })
})
