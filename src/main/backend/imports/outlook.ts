/**
 * Outlook's contact CSV ("Comma Separated Values" from Outlook for Windows,
 * Outlook.com and new Outlook), in English, German and French, and the older
 * "DOS" layout whose headers have no spaces (`FirstName,E-mailAddress`).
 * Headers are compared folded (accents, case, spaces and punctuation left
 * out), so "E-mail 2 Address", "E-mail2Address" and "E-Mail 2: Adresse" are
 * each one key. Outlook writes an empty date as 0/0/00, puts several
 * categories in one cell separated by semicolons, and leaves the fields of a
 * row that has nothing in its last columns out now and then.
 */
import type { CsvRow } from './csv'
import { records } from './csv'
import { ImportFileError } from './errors'
import { combinedName, parseBirthday, toImportedPerson } from './person-record'
import { emptyResult, type ReadResult } from './read-result'

/** A header as a key: no accents, no case, nothing but letters and digits. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

type Language = 'en' | 'de' | 'fr'

/** Each field's column in each language, folded; the first that the file has is read. */
const COLUMNS = {
  first: { en: ['firstname'], de: ['vorname'], fr: ['prenom'] },
  middle: { en: ['middlename'], de: ['weiterevornamen', 'zweitervorname'], fr: ['deuxiemeprenom'] },
  last: { en: ['lastname'], de: ['nachname'], fr: ['nom'] },
  prefix: { en: ['title'], de: ['anrede'], fr: ['titre', 'civilite'] },
  suffix: { en: ['suffix'], de: ['suffix', 'namenszusatz'], fr: ['suffixe'] },
  name: { en: ['name', 'displayname', 'fullname'], de: ['name', 'anzeigename'], fr: ['nomcomplet', 'nomdaffichage'] },
  nickname: { en: ['nickname'], de: ['spitzname'], fr: ['surnom'] },
  company: { en: ['company'], de: ['firma'], fr: ['societe', 'entreprise'] },
  // French Outlook names both the form of address and the job title "Titre"; the second is the job.
  title: { en: ['jobtitle'], de: ['position'], fr: ['titre#2', 'fonction'] },
  birthday: { en: ['birthday'], de: ['geburtstag'], fr: ['anniversaire', 'datedenaissance'] },
  notes: { en: ['notes'], de: ['notizen'], fr: ['notes'] },
  categories: { en: ['categories'], de: ['kategorien'], fr: ['categories'] },
  web: { en: ['webpage', 'personalwebpage'], de: ['webseite', 'webseitepersonlich'], fr: ['pageweb', 'pagewebpersonnelle'] },
} satisfies Record<string, Record<Language, string[]>>

/** Every email column, in the order Outlook writes them (E-mail, E-mail 2, E-mail 3). */
const EMAILS: Record<Language, string[]> = {
  en: ['emailaddress', 'email2address', 'email3address'],
  de: ['emailadresse', 'email2adresse', 'email3adresse'],
  fr: ['adressedemessagerie', 'adressedemessagerie2', 'adressedemessagerie3'],
}

/** Phone columns a person can be reached on, most personal first (faxes, pagers and telex are not read). */
const PHONES: Record<Language, string[]> = {
  en: ['mobilephone', 'primaryphone', 'businessphone', 'businessphone2', 'homephone', 'homephone2', 'otherphone', 'companymainphone', 'carphone'],
  de: ['mobiltelefon', 'mobiltelefon2', 'haupttelefon', 'telefongeschaftlich', 'telefongeschaftlich2', 'telefonprivat', 'telefonprivat2', 'weiterestelefon', 'telefonfirma', 'autotelefon'],
  fr: ['telmobile', 'telephoneprincipal', 'telephonebureau', 'telephone2bureau', 'telephonedomicile', 'telephone2domicile', 'telephoneautre', 'telephonesociete', 'telephonevoiture'],
}

/** Where they are: the business address's city, region and country, else the home address's. */
const PLACES: Record<Language, string[][]> = {
  en: [
    ['businesscity', 'businessstate', 'businesscountryregion', 'businesscountry'],
    ['homecity', 'homestate', 'homecountryregion', 'homecountry'],
  ],
  de: [
    ['ortgeschaftlich', 'regiongeschaftlich', 'bundeslandkantongeschaftlich', 'landregiongeschaftlich', 'landgeschaftlich'],
    ['ortprivat', 'regionprivat', 'bundeslandkantonprivat', 'landregionprivat', 'landprivat'],
  ],
  fr: [
    ['villebureau', 'depregionbureau', 'paysregionbureau'],
    ['villedomicile', 'depregiondomicile', 'paysregiondomicile'],
  ],
}

/** How each language writes a birthday (the English one is read day first when it cannot be month first). */
const DATE_FORMATS: Record<Language, string[]> = {
  en: ['M/d/yyyy', 'd/M/yyyy', 'yyyy-MM-dd', 'd.M.yyyy'],
  de: ['d.M.yyyy', 'yyyy-MM-dd', 'd/M/yyyy'],
  fr: ['d/M/yyyy', 'yyyy-MM-dd', 'd.M.yyyy'],
}

const LANGUAGES: readonly Language[] = ['en', 'de', 'fr']

/** The language of an Outlook header, or null when it is not one: a name column and an email column in the same language. */
export function outlookLanguage(cells: readonly string[]): Language | null {
  const keys = new Set(cells.map(foldHeader))
  for (const language of LANGUAGES) {
    const hasEmail = keys.has(EMAILS[language][0] ?? '')
    const hasName = [...COLUMNS.first[language], ...COLUMNS.last[language], ...COLUMNS.name[language]].some((k) => keys.has(k))
    if (hasEmail && hasName) return language
  }
  return null
}

export function isOutlookHeader(cells: readonly string[]): boolean {
  return outlookLanguage(cells) !== null
}

/**
 * Plain forms of address (Mr., Herr, Mme …) say nothing a name needs and would
 * stand in front of it everywhere; a title such as Dr. or Prof. is kept.
 */
const SALUTATION = /^(mr|mrs|ms|miss|mx|herr|frau|m|mme|mlle|monsieur|madame|mademoiselle)\.?$/i

/** Outlook's way of writing "no date": 0/0/00, 00.00.0000 and the like. */
const NO_DATE = /^0{1,2}([./-])0{1,2}\1(?:00|0000)$/

export async function readOutlook(rows: readonly CsvRow[], onProgress?: (fraction: number) => void): Promise<ReadResult> {
  const result = emptyResult('outlook')
  const header = rows[0]?.cells ?? []
  const language = outlookLanguage(header)
  if (language === null) {
    throw new ImportFileError('This is not an Outlook contacts file: the first line has no name and E-mail Address columns (First Name, Vorname, Prénom … and E-mail Address, E-Mail-Adresse, Adresse de messagerie).', 1)
  }
  // Every column a folded header names, in order: "titre#2" is the second column called Titre.
  const index = new Map<string, number>()
  const seen = new Map<string, number>()
  header.forEach((h, i) => {
    const key = foldHeader(h)
    if (key === '') return
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    index.set(n === 1 ? key : `${key}#${n}`, i)
  })
  const column = (keys: readonly string[]): number => keys.map((k) => index.get(k) ?? -1).find((i) => i !== -1) ?? -1
  const of = (field: keyof typeof COLUMNS): number => column(COLUMNS[field][language])
  const at = {
    first: of('first'),
    middle: of('middle'),
    last: of('last'),
    prefix: of('prefix'),
    suffix: of('suffix'),
    name: of('name'),
    nickname: of('nickname'),
    company: of('company'),
    title: of('title'),
    birthday: of('birthday'),
    notes: of('notes'),
    categories: of('categories'),
    web: of('web'),
  }
  const emailCols = EMAILS[language].map((k) => index.get(k) ?? -1).filter((i) => i !== -1)
  const phoneCols = PHONES[language].map((k) => index.get(k) ?? -1).filter((i) => i !== -1)
  const placeCols = PLACES[language].map((set) => set.map((k) => index.get(k) ?? -1))

  for await (const row of records(rows, 1, onProgress)) {
    result.records++
    const c = (i: number): string => (i === -1 ? '' : (row.cells[i] ?? '').trim())
    if (row.cells.length > header.length) {
      result.warnings.push({ line: row.line, message: `the row has ${row.cells.length} fields where the header has ${header.length}; the ${row.cells.length - header.length} past the last column are left out` })
    } else if (row.cells.length < header.length) {
      result.warnings.push({ line: row.line, message: `the row has ${row.cells.length} fields where the header has ${header.length}; the missing ones are read as empty` })
    }
    // A prefix or suffix alone is no name.
    const given = [c(at.first), c(at.middle), c(at.last)].filter((p) => p !== '')
    const prefix = SALUTATION.test(c(at.prefix)) ? '' : c(at.prefix)
    const parts = given.length === 0 ? [] : [prefix, ...given, c(at.suffix)].filter((p) => p !== '')
    const combined = c(at.name)
    const name = parts.length > 0 ? parts.join(' ') : combined !== '' ? combinedName(combined, row.line, result.warnings) : c(at.nickname)
    // Some versions add a time of day to the date (3/15/1985 0:00:00); a birthday has none.
    const birthdayText = c(at.birthday).replace(/\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?$/i, '')
    let birthday: string | undefined
    if (birthdayText !== '' && !NO_DATE.test(birthdayText)) {
      const parsed = parseBirthday(birthdayText, DATE_FORMATS[language])
      if (parsed === null) result.warnings.push({ line: row.line, message: `the birthday "${birthdayText.slice(0, 40)}" is not a date; left out` })
      else birthday = parsed
    }
    // A contact from an Exchange address book carries its internal X.500 name (/o=…/ou=…) where the email would be.
    const emails = emailCols.map(c).filter((e) => {
      if (!/^\/o=/i.test(e)) return true
      result.warnings.push({ line: row.line, message: 'an Exchange internal address (/o=…), not an email address; left out' })
      return false
    })
    const place = placeCols.map((set) => set.map(c).filter((p) => p !== '')).find((p) => p.length > 0) ?? []
    const person = toImportedPerson(
      {
        line: row.line,
        name,
        emails,
        phones: phoneCols.map(c),
        aliases: [c(at.nickname)],
        company: c(at.company),
        title: c(at.title),
        location: place.join(', '),
        notes: c(at.notes),
        urls: [c(at.web)],
        birthday,
        tags: c(at.categories).split(/[;,]/),
      },
      result.problems,
      result.warnings,
      result.groupsLeftOut,
    )
    if (person !== null) result.people.push(person)
  }
  return result
}
