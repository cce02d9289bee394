/**
 * The common shape every contact format is read into, and the checks each
 * field passes before it can reach the database: the same rules as the
 * person form, so an import cannot store what the app would refuse.
 */
import { isValid, parse } from 'date-fns'
import { LIMITS, isoDate, birthday as birthdaySchema, email as emailSchema, phone as phoneSchema } from '../../../shared/schemas'
import type { RecordProblem } from './errors'

export interface ImportedPerson {
  /** where the record starts in the file, from 1 */
  line: number
  name: string
  emails: string[]
  phones: string[]
  aliases: string[]
  company: string | null
  title: string | null
  location: string | null
  notes: string | null
  linkedinUrl: string | null
  website: string | null
  birthday: string | null
  tags: string[]
  /** when they became a contact (LinkedIn's "Connected On"), as YYYY-MM-DD */
  since: string | null
}

/** What a reader gathered for one record, before the checks. */
export interface RawPerson {
  line: number
  name?: string | undefined
  emails?: readonly string[]
  phones?: readonly string[]
  aliases?: readonly string[]
  company?: string | undefined
  title?: string | undefined
  location?: string | undefined
  notes?: string | undefined
  urls?: readonly string[]
  birthday?: string | undefined
  tags?: readonly string[]
  since?: string | null
}

const text = (value: string | undefined, max: number): string | null => {
  const t = value?.replace(/\s+/g, (ws) => (ws.includes('\n') ? ws : ' ')).trim() ?? ''
  return t === '' ? null : t.slice(0, max)
}

function uniqueCaseless(values: Iterable<string>): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const v of values) {
    const t = v.trim()
    const key = t.toLowerCase()
    if (t === '' || seen.has(key)) continue
    seen.add(key)
    out.push(t)
  }
  return out
}

const LINKEDIN_PROFILE = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:www\.)?linkedin\.com\/(in|pub)\/([^/?#\s]+)/i

/** A LinkedIn profile address in one spelling, so that the same profile always compares equal. */
export function normalizeLinkedin(url: string): string | null {
  const m = LINKEDIN_PROFILE.exec(url.trim())
  if (m === null) return null
  let slug = m[2] ?? ''
  try {
    slug = decodeURIComponent(slug)
  } catch {
    // keep it as written
  }
  return `linkedin.com/${(m[1] ?? 'in').toLowerCase()}/${slug.toLowerCase()}`
}

function webAddress(url: string): string | null {
  const t = url.trim()
  if (t === '') return null
  const withScheme = /^https?:\/\//i.test(t) ? t : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(t) ? `https://${t}` : null
  if (withScheme === null || withScheme.length > LIMITS.url || !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(withScheme)) return null
  return withScheme
}

const BIRTHDAY_FORMATS = ['yyyy-MM-dd', 'yyyyMMdd', 'yyyy/MM/dd', 'MM/dd/yyyy', 'd MMM yyyy', 'MMMM d, yyyy']

/**
 * Apple Contacts writes a birthday without a year with the year 1604 (a leap
 * year long past), with or without its X-APPLE-OMIT-YEAR parameter, and
 * exports to CSV carry it along: no one Kith knows was born then.
 */
const APPLE_NO_YEAR = 1604

/** A birthday as Kith stores it ('YYYY-MM-DD' or '--MM-DD'), from the spellings contact files use. */
export function parseBirthday(value: string, formats: readonly string[] = BIRTHDAY_FORMATS): string | null {
  const t = value.trim().replace(/T.*$/, '')
  if (t === '') return null
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(t)
  if (noYear !== null) {
    const candidate = `--${noYear[1]}-${noYear[2]}`
    return birthdaySchema.safeParse(candidate).success ? candidate : null
  }
  for (const format of formats) {
    const date = parse(t, format, new Date(2000, 0, 1))
    if (isValid(date) && date.getFullYear() > 1000) {
      const monthDay = `${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
      const candidate = date.getFullYear() === APPLE_NO_YEAR ? `--${monthDay}` : `${String(date.getFullYear()).padStart(4, '0')}-${monthDay}`
      return birthdaySchema.safeParse(candidate).success ? candidate : null
    }
  }
  return null
}

/**
 * Groups an address book puts every contact in (or every favourite), which
 * say nothing about the person: Android's and Google's "My Contacts",
 * "Starred" (and "Starred in Android") and "Other Contacts", with or without
 * spaces, Google's "* " mark or the legacy "System Group: " prefix. They are
 * not made into tags; any other category or label is.
 */
const SYSTEM_GROUPS = new Set(['mycontacts', 'starred', 'starredinandroid', 'othercontacts'])

export function isSystemGroup(label: string): boolean {
  const key = label
    .trim()
    .replace(/^\*\s*/, '')
    .replace(/^system group:\s*/i, '')
    .toLowerCase()
    .replace(/\s+/g, '')
  return SYSTEM_GROUPS.has(key)
}

/** Words a name's part after a comma can be that make it not a first name ("Acme, Inc.", "King, Jr."). */
const NOT_A_GIVEN_NAME = /^(inc|incorporated|llc|llp|ltd|limited|gmbh|ag|sa|sarl|sas|bv|nv|plc|corp|corporation|co|company|group|jr|sr|ii|iii|iv|phd|md|esq)\.?$/i
const NAME_WORDS = /^\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,3}$/u

/**
 * "Silva, Ana" as "Ana Silva", for sources that give only one combined name
 * and file it last name first (Outlook and Exchange do). Only when it cannot
 * be anything else: exactly one comma, words on both sides, and the part
 * after the comma not a company form or a suffix. Otherwise null.
 */
export function lastFirst(name: string): string | null {
  const parts = name.split(',')
  if (parts.length !== 2) return null
  const last = (parts[0] ?? '').trim().replace(/\s+/g, ' ')
  const first = (parts[1] ?? '').trim().replace(/\s+/g, ' ')
  if (!NAME_WORDS.test(last) || !NAME_WORDS.test(first)) return null
  if (first.split(' ').some((w) => NOT_A_GIVEN_NAME.test(w)) || last.split(' ').some((w) => NOT_A_GIVEN_NAME.test(w))) return null
  return `${first} ${last}`
}

/** A combined name put first name first when it is plainly "Last, First", with a warning on the record's line saying so. */
export function combinedName(name: string, line: number, warnings: RecordProblem[]): string {
  const turned = lastFirst(name)
  if (turned === null) return name
  warnings.push({ line, message: `the name "${clip(name)}" is last name first; read as "${clip(turned)}"` })
  return turned
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** LinkedIn's "Connected On" (like 12 Mar 2024) as YYYY-MM-DD. */
export function parseDayMonthYear(value: string): string | null {
  const t = value.trim()
  if (t === '') return null
  // The common spelling, read directly (date-fns below takes the rest, at many times the cost).
  const quick = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(t)
  const month = quick === null ? -1 : MONTHS.indexOf((quick[2] ?? '').toLowerCase())
  if (quick !== null && month !== -1) {
    const iso = `${quick[3]}-${String(month + 1).padStart(2, '0')}-${(quick[1] ?? '').padStart(2, '0')}`
    return isoDate.safeParse(iso).success ? iso : null
  }
  for (const format of ['d MMM yyyy', 'dd MMM yyyy', 'yyyy-MM-dd', 'MM/dd/yy', 'MM/dd/yyyy']) {
    const date = parse(t, format, new Date(2000, 0, 1))
    if (isValid(date)) {
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
    }
  }
  return null
}

/**
 * Checks and tidies one record. Returns null (with a problem) when there is
 * no name to file it under; bad values in a field are left out with a warning.
 */
export function toImportedPerson(raw: RawPerson, problems: RecordProblem[], warnings: RecordProblem[], groupsLeftOut: string[] = []): ImportedPerson | null {
  const line = raw.line
  const emails: string[] = []
  for (const e of uniqueCaseless(raw.emails ?? [])) {
    if (emailSchema.safeParse(e).success) emails.push(e)
    else warnings.push({ line, message: `"${clip(e)}" is not an email address; left out` })
  }
  const phones: string[] = []
  for (const p of uniqueCaseless(raw.phones ?? [])) {
    if (phoneSchema.safeParse(p).success) phones.push(p)
    else warnings.push({ line, message: `"${clip(p)}" is not a phone number; left out` })
  }
  let linkedinUrl: string | null = null
  let website: string | null = null
  for (const u of raw.urls ?? []) {
    const profile = normalizeLinkedin(u)
    if (profile !== null) {
      linkedinUrl ??= `https://www.${profile}`
      continue
    }
    const address = webAddress(u)
    if (address !== null) website ??= address
    else if (u.trim() !== '') warnings.push({ line, message: `"${clip(u)}" is not a web address; left out` })
  }
  let birthday: string | null = null
  if (raw.birthday !== undefined && raw.birthday.trim() !== '') {
    birthday = parseBirthday(raw.birthday)
    if (birthday === null) warnings.push({ line, message: `the birthday "${clip(raw.birthday)}" is not a date; left out` })
  }
  const company = text(raw.company, LIMITS.shortText)
  const name = text(raw.name, Infinity) ?? company ?? emails[0] ?? null
  if (name === null) {
    problems.push({ line, message: 'no name, company or email to file this contact under' })
    return null
  }
  if (name.length > LIMITS.name) {
    problems.push({ line, message: `the name is ${name.length} characters long; names are limited to ${LIMITS.name}` })
    return null
  }
  return {
    line,
    name,
    emails: emails.slice(0, LIMITS.listItems),
    phones: phones.slice(0, LIMITS.listItems),
    aliases: uniqueCaseless(raw.aliases ?? []).filter((a) => a.length <= LIMITS.name && a.toLowerCase() !== name.toLowerCase()).slice(0, LIMITS.listItems),
    company,
    title: text(raw.title, LIMITS.shortText),
    location: text(raw.location, LIMITS.shortText),
    notes: text(raw.notes, LIMITS.note),
    linkedinUrl,
    website,
    birthday,
    tags: uniqueCaseless(raw.tags ?? [])
      .filter((t) => {
        if (!isSystemGroup(t)) return t.length <= LIMITS.label
        if (!groupsLeftOut.includes(t)) groupsLeftOut.push(t)
        return false
      })
      .slice(0, LIMITS.listItems - 1),
    since: raw.since ?? null,
  }
}

function clip(value: string): string {
  const t = value.trim()
  return t.length > 60 ? `${t.slice(0, 57)}…` : t
}

/** Folded for comparison: case, accents, punctuation and extra spaces do not count. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const COMPANY_SUFFIXES = /\b(inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|co|plc|sa|ag|bv|srl)\b/g

export function foldCompany(value: string | null): string {
  return value === null ? '' : foldName(value).replace(COMPANY_SUFFIXES, '').replace(/\s+/g, ' ').trim()
}
