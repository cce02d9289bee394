/**
 * A contacts spreadsheet: any CSV with a column for the name (Name, Full
 * Name, or First Name and Last Name) and columns of its own choosing for the
 * rest, as a CRM, a shared sheet or a sign-up form exports them. Headers are
 * compared folded (no case, accents, spaces or punctuation), so "E-mail",
 * "Email address" and "EMAIL" are one; each field has the spellings such
 * sheets use (in English, and the common ones in German and French). Excel
 * in many languages separates the columns with semicolons
 * and some tools with tabs; `delimiterOf` finds which.
 */
import type { CsvRow } from './csv'
import { records } from './csv'
import { ImportFileError } from './errors'
import { foldHeader } from './outlook'
import { combinedName, toImportedPerson } from './person-record'
import { emptyResult, type ReadResult } from './read-result'

/** Each field's columns, folded; the first the sheet has is read. */
const COLUMNS = {
  name: ['name', 'fullname', 'displayname', 'contactname', 'contact', 'person', 'personname'],
  first: ['firstname', 'givenname', 'first', 'forename', 'vorname', 'prenom'],
  middle: ['middlename'],
  last: ['lastname', 'surname', 'familyname', 'last', 'nachname', 'nom'],
  nickname: ['nickname', 'preferredname', 'knownas', 'alias'],
  company: ['company', 'companyname', 'organization', 'organisation', 'org', 'employer', 'currentcompany', 'account', 'accountname', 'firm', 'firma', 'unternehmen', 'societe', 'entreprise'],
  // "Job Title" before "Title", which some sheets keep for Mr. or Dr.
  title: ['jobtitle', 'position', 'currenttitle', 'role', 'occupation', 'headline', 'designation', 'funktion', 'fonction', 'poste', 'title'],
  location: ['location', 'basedin'],
  city: ['city', 'town', 'stadt', 'ort', 'ville'],
  region: ['state', 'region', 'province'],
  country: ['country', 'land', 'pays'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'about', 'notizen', 'bemerkungen', 'remarques'],
  tags: ['tags', 'tag', 'labels', 'label', 'groups', 'group', 'categories', 'category', 'lists', 'kategorien'],
  birthday: ['birthday', 'dateofbirth', 'birthdate', 'dob', 'geburtstag', 'anniversaire'],
} satisfies Record<string, string[]>

/** Which address or number a column holds, before or after its name: Work email, Email (home), Phone 2. */
const WHICH = '(work|home|personal|private|business|other|primary|secondary|main)?'

/** Any column for an email address: Email, E-mail 2, Work email, Email (personal), Mail, E-Mail-Adresse. Not "Email opt out". */
const EMAIL_KEY = new RegExp(`^${WHICH}(e?mails?|courriel)(address|adresse)?(es)?\\d*${WHICH}$|^adressee?mail$`)

/** Any column for a phone: Phone, Mobile, Work phone, Phone number 2, Cell, Telefon. Not "Phone type". */
const PHONE_KEY = new RegExp(`^${WHICH}(mobile|cell)?(phone|mobile|cell|telephone|telefon|tel|handy|portable|whatsapp)(number|nummer)?\\d*${WHICH}$`)

/** Any column for a web address: LinkedIn, LinkedIn URL, Website, Profile URL. */
const WEB_KEYS = new Set(['linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'url', 'website', 'web', 'webpage', 'homepage', 'site', 'profileurl', 'profile'])

const isEmailKey = (key: string): boolean => EMAIL_KEY.test(key)
const isPhoneKey = (key: string): boolean => PHONE_KEY.test(key)
const isWebKey = (key: string): boolean => WEB_KEYS.has(key)

/** A form of address alone (Mr., Ms., Herr, Mme): no job title. */
const SALUTATION = /^(mr|mrs|ms|miss|mx|dr|prof|herr|frau|m|mme|mlle|monsieur|madame|mademoiselle)\.?$/i

/** Columns that say a sheet is about people and how to reach them (tags or notes alone do not). */
const CONTACT_FIELDS = ['company', 'title', 'location', 'city', 'country', 'birthday'] as const

/** Whether a folded header names the person, one way or another. */
function namesPerson(keys: ReadonlySet<string>): boolean {
  return [...COLUMNS.name, ...COLUMNS.first, ...COLUMNS.last].some((k) => keys.has(k))
}

/**
 * A contacts spreadsheet's header: a name column and at least one other
 * column Kith reads (an email, a company, a title, a phone …), so that any
 * sheet with a Name column is not taken for contacts.
 */
export function isSpreadsheetHeader(cells: readonly string[]): boolean {
  const keys = new Set(cells.map(foldHeader))
  if (!namesPerson(keys)) return false
  const naming = new Set([...COLUMNS.name, ...COLUMNS.first, ...COLUMNS.middle, ...COLUMNS.last])
  const others = [...keys].filter((k) => !naming.has(k))
  const known = new Set<string>(CONTACT_FIELDS.flatMap((f) => COLUMNS[f]))
  return others.some((k) => known.has(k) || isEmailKey(k) || isPhoneKey(k) || isWebKey(k))
}

/** The columns of a sheet's header that Kith does not read (Lead Status, Email Opt Out …), for the preview to name. */
export function unreadColumns(header: readonly string[]): string[] {
  const known = new Set<string>(Object.values(COLUMNS).flat())
  return header.map((h) => h.trim()).filter((h) => {
    const key = foldHeader(h)
    return key !== '' && !known.has(key) && !isEmailKey(key) && !isPhoneKey(key) && !isWebKey(key)
  })
}

/** The separator a sheet's first line uses, where it is plainly not a comma: a semicolon or a tab. */
export function delimiterOf(text: string): ',' | ';' | '\t' {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  // Outside quotes only: a quoted header may hold a comma.
  const bare = first.replace(/"[^"]*"/g, '')
  const count = (c: string): number => bare.split(c).length - 1
  const [commas, semicolons, tabs] = [count(','), count(';'), count('\t')]
  if (tabs > commas && tabs >= semicolons) return '\t'
  if (semicolons > commas) return ';'
  return ','
}

/**
 * The addresses in an email cell: "ana@x.example", "ana@x.example; ben@y.example",
 * or as a mail program writes them, "Ana Silva <ana@x.example>, Ben <ben@y.example>".
 */
function addresses(cell: string): string[] {
  return several(cell, true).flatMap((part) => {
    const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(part)
    return bracketed?.[1] !== undefined ? [bracketed[1]] : part.split(/\s+/).filter((s) => s !== '')
  })
}

/** A cell holding several values: split on semicolons (and commas, when they cannot be inside a value). */
function several(cell: string, commas: boolean): string[] {
  return cell
    .split(commas ? /[;,]/ : /;/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

export async function readSpreadsheet(rows: readonly CsvRow[], onProgress?: (fraction: number) => void): Promise<ReadResult> {
  const result = emptyResult('csv')
  const header = rows[0]?.cells ?? []
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const key = foldHeader(h)
    if (key !== '' && !index.has(key)) index.set(key, i)
  })
  if (!namesPerson(new Set(index.keys()))) {
    const shown = header.join(', ').replace(/[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]/gu, ' ').trim().slice(0, 80)
    throw new ImportFileError(`This spreadsheet has no column for the name: its first line is "${shown}". Kith needs a column called Name or Full Name, or First Name and Last Name.`, 1)
  }
  const of = (field: keyof typeof COLUMNS): number => COLUMNS[field].map((k) => index.get(k) ?? -1).find((i) => i !== -1) ?? -1
  const at = Object.fromEntries(Object.keys(COLUMNS).map((f) => [f, of(f as keyof typeof COLUMNS)])) as Record<keyof typeof COLUMNS, number>
  const columnsWhere = (test: (key: string) => boolean): number[] => header.flatMap((h, i) => (test(foldHeader(h)) ? [i] : []))
  const emailCols = columnsWhere(isEmailKey)
  const phoneCols = columnsWhere(isPhoneKey)
  const webCols = columnsWhere(isWebKey)

  for await (const row of records(rows, 1, onProgress)) {
    result.records++
    const c = (i: number): string => (i === -1 ? '' : (row.cells[i] ?? '').trim())
    if (row.cells.length > header.length) {
      result.warnings.push({ line: row.line, message: `the row has ${row.cells.length} fields where the header has ${header.length}; the ${row.cells.length - header.length} past the last column are left out` })
    }
    const given = [c(at.first), c(at.middle), c(at.last)].filter((p) => p !== '')
    const combined = c(at.name)
    // A whole name wins over a first name alone ("Full Name, First Name": Ana Silva, not Ana).
    const whole = c(at.first) !== '' && c(at.last) !== ''
    const name =
      whole || (combined === '' && given.length > 0) ? given.join(' ') : combined !== '' ? combinedName(combined, row.line, result.warnings) : c(at.nickname)
    const title = SALUTATION.test(c(at.title)) ? '' : c(at.title)
    // A row with no name is filed under its company or address (as a card of a company is), and says so.
    const emails = emailCols.flatMap((i) => addresses(c(i)))
    if (name.trim() === '' && (c(at.company) !== '' || emails.length > 0)) {
      result.warnings.push({ line: row.line, message: `no name; filed under "${c(at.company) !== '' ? c(at.company) : (emails[0] ?? '')}"` })
    }
    const place = c(at.location) !== '' ? c(at.location) : [c(at.city), c(at.region), c(at.country)].filter((p) => p !== '').join(', ')
    const person = toImportedPerson(
      {
        line: row.line,
        name,
        // Several in a cell: addresses apart by commas, semicolons or spaces; numbers by semicolons.
        emails,
        phones: phoneCols.flatMap((i) => several(c(i), false)),
        aliases: [c(at.nickname)],
        company: c(at.company),
        title,
        location: place,
        notes: c(at.notes),
        urls: webCols.map(c),
        birthday: c(at.birthday) === '' ? undefined : c(at.birthday),
        tags: several(c(at.tags), true),
      },
      result.problems,
      result.warnings,
      result.groupsLeftOut,
    )
    if (person !== null) result.people.push(person)
  }
  return result
}
