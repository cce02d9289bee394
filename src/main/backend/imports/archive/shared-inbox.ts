/**
 * Shared inboxes (support@, info@, jobs@…): an address a team answers from
 * is not a person, and becoming one would give the graph a "person" who
 * knows everyone who ever wrote to the company. Learning from archives leaves
 * them out (docs/imports.md, "Shared inboxes"); a contacts file the user
 * keeps is taken as they keep it.
 */

/** Local parts that are a team's or a function's, never one person's. */
const ROLE = new Set(
  [
    'info', 'support', 'help', 'helpdesk', 'contact', 'contactus', 'office', 'admin', 'administrator', 'sales', 'billing', 'invoice', 'invoices',
    'accounts', 'accounting', 'finance', 'payments', 'receipts', 'orders', 'order', 'shop', 'store', 'jobs', 'careers', 'recruiting',
    'recruitment', 'talent', 'hiring', 'hr', 'press', 'media', 'pr', 'marketing', 'newsletter', 'news', 'events', 'community', 'feedback',
    'service', 'services', 'customerservice', 'customercare', 'care', 'legal', 'privacy', 'compliance', 'security', 'abuse', 'webmaster',
    'hostmaster', 'it', 'ops', 'operations', 'reception', 'enquiries', 'inquiries', 'partners', 'partnerships', 'investors', 'ir', 'bookings',
    'booking', 'reservations', 'membership', 'members', 'general', 'team',
  ],
)

/**
 * Local parts a team often shares and one person sometimes uses as their
 * own (a founder's hello@ on their own domain): shared unless the name it
 * sends under is a person's.
 */
const SOFT = new Set(['hello', 'hi', 'founders', 'hey', 'mail'])

/** The local part as a word: lowercase, without a +tag, separators taken out ("customer-service" is "customerservice"). */
function localWord(email: string): string {
  const at = email.lastIndexOf('@')
  const local = (at < 0 ? email : email.slice(0, at)).toLowerCase()
  const plus = local.indexOf('+')
  return (plus < 0 ? local : local.slice(0, plus)).replace(/[-_.]/g, '')
}

/** Words that name an organisation rather than a person ("Acme Labs", "Northwind Capital"). */
const ORGANISATION = new Set(['inc', 'llc', 'ltd', 'limited', 'gmbh', 'co', 'corp', 'company', 'labs', 'lab', 'hq', 'app', 'studio', 'studios', 'group', 'ventures', 'capital', 'fund', 'foundation', 'the', 'at', 'from', 'of'])

/** Whether a display name reads as one person's: two words or more, none a role's or an organisation's. */
function personsName(name: string | null): boolean {
  if (name === null) return false
  const words = name.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w !== '')
  return words.length >= 2 && !words.some((w) => ROLE.has(w) || SOFT.has(w) || ORGANISATION.has(w))
}

/** Whether this address is a shared inbox rather than a person (see above). */
export function isSharedInbox(email: string, name: string | null): boolean {
  const word = localWord(email)
  if (ROLE.has(word)) return true
  return SOFT.has(word) && !personsName(name)
}
