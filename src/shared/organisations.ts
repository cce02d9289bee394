/**
 * What makes two company names one organisation: case, accents,
 * punctuation and legal suffixes do not count ("Stripe", "STRIPE", "Stripe,
 * Inc." are one), and neither does a leading "The". Anything more (Sequoia
 * and Sequoia Capital, Facebook and Meta) is the user's call: an alias or a
 * merge.
 */

const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'l l c', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'kg',
  'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'kk', 'lp', 'llp', 'pty', 'pte', 'sl',
  'se', 'ug', 'pbc',
])

/** Lower case, no accents, words of letters and digits, legal suffixes and "the" left out. */
export function normalizeOrgName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." and "B.V." are one word each.
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
  if (words[0] === 'the' && words.length > 1) words.shift()
  while (words.length > 1) {
    const last = words[words.length - 1] ?? ''
    const lastThree = words.slice(-3).join(' ')
    if (LEGAL_SUFFIXES.has(lastThree) && words.length > 3) words.splice(-3)
    else if (LEGAL_SUFFIXES.has(last)) words.pop()
    // "& Co." leaves an "and" behind once "co" is gone.
    else if (last === 'and' && words.length > 2) words.pop()
    else break
  }
  return words.join(' ')
}

/**
 * What people put in a company field when they work for no organisation
 * (normalised as above): working for oneself, between jobs, not saying.
 * Two freelancers are not colleagues, so these make no organisation.
 */
const NOT_AN_ORGANISATION = new Set([
  'self employed', 'selfemployed', 'self', 'freelance', 'freelancer', 'freelancing', 'independent', 'independent consultant',
  'independent contractor', 'consultant', 'contractor', 'stealth', 'stealth startup', 'stealth mode', 'stealth mode startup',
  'in stealth', 'retired', 'unemployed', 'between jobs', 'looking for opportunities', 'seeking opportunities', 'open to work',
  'career break', 'sabbatical', 'student', 'none', 'n a', 'na', 'not applicable', 'various', 'confidential', 'private',
  'personal', 'own business', 'my own business', 'my own company', 'self owned', 'entrepreneur', 'sole trader', 'sole proprietor',
])

/** The name a company field gives its organisation ('' for none: no letters, or no organisation at all, like "Self-employed"). */
export function employerName(name: string): string {
  const norm = normalizeOrgName(name)
  return NOT_AN_ORGANISATION.has(norm) ? '' : norm
}

/** Mail providers anyone can sign up with: an address there says nothing about where someone works. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk',
  'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.de', 'gmx.net',
  'gmx.com', 'web.de', 't-online.de', 'mail.com', 'zoho.com', 'yandex.ru', 'yandex.com', 'qq.com', '163.com', '126.com', 'naver.com',
  'fastmail.com', 'hey.com', 'tutanota.com', 'orange.fr', 'free.fr', 'laposte.net', 'libero.it', 'seznam.cz', 'wp.pl', 'o2.pl',
  'example.com', 'example.org', 'example.net',
])

/** The domain of an address, lower-cased, or null for a public mail provider or no domain. */
export function workDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@')
  if (at < 0) return null
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '')
  if (domain === '' || !domain.includes('.') || PUBLIC_MAIL_DOMAINS.has(domain)) return null
  return domain
}

/** Whether a domain plausibly belongs to an organisation of that normalised name: stripe.com for "stripe", harborcapital.vc for "harbor capital". */
/** Country endings of two labels: monzo.co.uk's name is "monzo". */
const TWO_LABEL_ENDINGS = new Set(['co.uk', 'org.uk', 'ac.uk', 'com.au', 'net.au', 'co.nz', 'co.jp', 'co.za', 'co.in', 'com.br', 'com.mx', 'com.sg', 'com.cn', 'co.kr', 'com.tr'])

export function domainFitsName(domain: string, nameNorm: string): boolean {
  const labels = domain.split('.')
  const drop = TWO_LABEL_ENDINGS.has(labels.slice(-2).join('.')) ? 2 : 1
  const label = labels.slice(0, -drop).join('.').replace(/^www\./, '')
  const squashed = nameNorm.replace(/ /g, '')
  const last = label.split('.').pop() ?? ''
  // harborcap.vc for Harbor Capital: a shortened name still fits when it starts the same way and is not tiny.
  return squashed.length >= 3 && (last === squashed || (last.length >= 5 && squashed.startsWith(last)))
}
