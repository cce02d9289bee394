import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp'
import { detectArchive, formatOfFile, readerFor } from './formats'

describe('telling an archive from its path and first bytes', () => {
  it('knows mbox, .eml, .ics, Apple Mail folders and folders of .eml files, and says null for contacts files', async () => {
    const dir = tempDir()
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, text)
      return file
    }
    expect(await detectArchive(write('Takeout.mbox', 'From 1234@xxx Sat Jan 03 2026\r\nFrom: a@b.org\r\n'))).toBe('mbox')
    expect(await detectArchive(write('Inbox', 'From a@b.org Sat Jan  3 01:05:34 2026\nSubject: hi\n'))).toBe('mbox')
    expect(await detectArchive(write('one.eml', 'Received: from x\nFrom: a@b.org\n'))).toBe('eml')
    expect(await detectArchive(write('cal.ics', '\uFEFFBEGIN:VCALENDAR\r\nVERSION:2.0\r\n'))).toBe('ics')
    write('Work.mbox/mbox', 'From a@b.org Sat Jan  3 01:05:34 2026\n')
    write('Work.mbox/Info.plist', '<plist/>')
    expect(await detectArchive(path.join(dir, 'Work.mbox'))).toBe('apple-mbox')
    // Apple Mail's export of several mailboxes: a folder of `Name.mbox` folders, nested as the mailboxes were.
    write('Mailboxes/Sent Messages.mbox/mbox', 'From a@b.org Sat Jan  3 01:05:34 2026\n')
    write('Mailboxes/Work/Clients.mbox/mbox', 'From a@b.org Sat Jan  3 01:05:34 2026\n')
    expect(await detectArchive(path.join(dir, 'Mailboxes'))).toBe('apple-mbox')
    write('Deep/a/b/c/d/e/Far.mbox/mbox', 'From a@b.org Sat Jan  3 01:05:34 2026\n')
    expect(await detectArchive(path.join(dir, 'Deep'))).toBeNull()
    write('Takeout/Mail/All mail.mbox', 'From 1234@xxx Sat Jan 03 2026\r\nFrom: a@b.org\r\n')
    expect(await detectArchive(path.join(dir, 'Takeout'))).toBe('mbox')
    write('messages/1.eml', 'From: a@b.org\n')
    expect(await detectArchive(path.join(dir, 'messages'))).toBe('eml')
    expect(await detectArchive(write('contacts.vcf', 'BEGIN:VCARD\nVERSION:3.0\n'))).toBeNull()
    expect(await detectArchive(write('Connections.csv', 'First Name,Last Name,URL\n'))).toBeNull()
    expect(await detectArchive(write('kith.json', '{"format":"kith"}'))).toBeNull()
    fs.mkdirSync(path.join(dir, 'empty'))
    expect(await detectArchive(path.join(dir, 'empty'))).toBeNull()
    await expect(detectArchive(path.join(dir, 'missing.mbox'))).rejects.toThrow(/There is nothing at/)
    expect(formatOfFile('calendar.ics', '')).toBe('ics')
  })

  it('refuses in plain words a format this build has no reader for, and hands back the one it has', () => {
    expect(() => readerFor('ics', {})).toThrow(/cannot read Calendar \(\.ics\) archives/)
    const reader = (): AsyncIterable<never> => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
    })
    expect(readerFor('ics', { ics: reader })).toBe(reader)
  })
})
