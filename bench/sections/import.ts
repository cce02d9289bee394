import fs from 'node:fs'
import { Backend } from '../../src/main/backend/backend'
import { seededRandom } from '../../src/main/backend/demo/random'
import { round, tempDir, type Section } from '../lib'

const ROWS = 10_000
const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Grace', 'Hana', 'Ifeoma', 'João', 'Kenji', 'Léa', 'Maya', 'Nikolai', 'Zoë']
const LAST = ['Silva', 'Okafor', 'Reyes', 'Patel', 'Vasquez', 'Haddad', 'Hopper', 'Sato', 'Okonkwo', 'Pereira', 'Nakamura', 'Müller', 'Lindqvist']
const COMPANIES = ['Acme, Inc.', 'Globex', 'Initech', 'Umbrella Labs', 'Northwind', 'Sahel Ventures', 'Café Lumière', 'Stark Industries']

function linkedinFile(): string {
  const random = seededRandom(10_001)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ]
  for (let i = 0; i < ROWS; i++) {
    const first = pick(FIRST)
    const last = pick(LAST)
    const email = random() < 0.2 ? `${first.toLowerCase()}.${i}@example.com` : ''
    lines.push(`${first},${last} ${i},https://www.linkedin.com/in/${first.toLowerCase()}-${i},${email},"${pick(COMPANIES)}",Partner,${1 + (i % 28)} Mar 2024`)
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function vcardFile(): string {
  const random = seededRandom(10_002)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const cards: string[] = []
  for (let i = 0; i < ROWS; i++) {
    const first = pick(FIRST)
    const last = `${pick(LAST)} ${i}`
    cards.push(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `N:${last};${first};;;`,
        `FN:${first} ${last}`,
        `ORG:${pick(COMPANIES).replace(',', '\\,')}`,
        `item1.EMAIL;type=INTERNET;type=pref:${first.toLowerCase()}.${i}@example.com`,
        'item1.X-ABLabel:_$!<Other>!$_',
        `TEL;type=CELL:+1 415 555 ${String(i % 10_000).padStart(4, '0')}`,
        `NOTE:Met at a conference in ${2000 + (i % 25)}\\, talked about climate, hiring and the long road from seed to a Series A round.`,
        'BDAY:--0314',
        'END:VCARD',
      ].join('\r\n'),
    )
  }
  return `${cards.join('\r\n')}\r\n`
}

/** The whole import as the app does it: start, wait for the preview, apply. */
async function timeImport(fileName: string, content: string): Promise<{ ms: number; created: number }> {
  const dir = tempDir('import')
  try {
    const backend = await Backend.open({ dataDir: dir })
    await backend.call('me.set', { name: 'Maya Lindqvist' })
    const start = performance.now()
    let status = await backend.call('imports.start', { fileName, data: Buffer.from(content).toString('base64'), format: null })
    const { jobId } = status
    while (status.phase === 'reading' || status.phase === 'matching') {
      await new Promise((resolve) => setTimeout(resolve, 1))
      status = await backend.call('imports.job', { jobId })
    }
    if (status.preview === null) throw new Error(status.error ?? 'no preview')
    const applied = await backend.call('imports.apply', { jobId, strength: status.preview.defaultStrength, decisions: [] })
    const ms = performance.now() - start
    await backend.close()
    return { ms, created: applied.created }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const importSection: Section = {
  name: 'import',
  description: `a ${ROWS.toLocaleString('en')}-row LinkedIn CSV and a ${ROWS.toLocaleString('en')}-card vCard 3.0 file, each read, matched and applied into a fresh data folder`,
  async run() {
    const linkedin = await timeImport('Connections.csv', linkedinFile())
    const vcard = await timeImport('contacts.vcf', vcardFile())
    if (linkedin.created !== ROWS || vcard.created !== ROWS) throw new Error(`expected ${ROWS} people from each file, got ${linkedin.created} and ${vcard.created}`)
    return {
      linkedin_rows: ROWS,
      linkedin_ms: round(linkedin.ms, 1),
      linkedin_target_ms: 1500,
      vcard_cards: ROWS,
      vcard_ms: round(vcard.ms, 1),
      vcard_target_ms: 3000,
    }
  },
}
