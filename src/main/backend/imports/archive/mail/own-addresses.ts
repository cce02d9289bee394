/**
 * Which addresses are the user's own, proposed from the archive: the sender
 * of every message Gmail labelled "Sent", and the most frequent sender of each
 * sent folder (Sent, Sent Items, Sent Messages, and their usual translations).
 * The preview asks the user to confirm them; nothing is decided here.
 */
import type { Participant } from '../observation'

export interface ProposedAddress {
  email: string
  name: string | null
  /** messages it sent in the archive's sent mail */
  count: number
  /** why: Gmail's Sent label, or the most frequent sender of a sent folder */
  reason: 'sent-label' | 'sent-folder'
}

const SENT_FOLDERS = new Set([
  'sent', 'sent items', 'sent messages', 'sent mail', '[gmail]/sent mail', 'gesendet', 'gesendete elemente',
  'gesendete objekte', 'envoyés', 'éléments envoyés', 'messages envoyés', 'enviados', 'elementos enviados',
  'posta inviata', 'elementi inviati', 'verzonden', 'verzonden items', 'skickat', 'skickade objekt', 'itens enviados',
])

/** A sender with at least this share of a sent folder is proposed beside the most frequent one (a second address). */
const SECOND_ADDRESS_SHARE = 0.2

export function isSentFolder(folder: string): boolean {
  return SENT_FOLDERS.has(folder.trim().toLowerCase())
}

interface Count {
  name: string | null
  count: number
}

export class OwnAddressTally {
  private readonly labelled = new Map<string, Count>()
  private readonly folders = new Map<string, Map<string, Count>>()

  add(folder: string, gmailLabels: string | null, from: Participant | null): void {
    if (from?.email == null) return
    if (gmailLabels !== null && gmailLabels.split(',').some((l) => l.trim().toLowerCase() === 'sent')) {
      bump(this.labelled, from)
    }
    if (isSentFolder(folder)) {
      let counts = this.folders.get(folder)
      if (counts === undefined) this.folders.set(folder, (counts = new Map<string, Count>()))
      bump(counts, from)
    }
  }

  proposals(): ProposedAddress[] {
    const out = new Map<string, ProposedAddress>()
    for (const [email, c] of this.labelled) out.set(email, { email, name: c.name, count: c.count, reason: 'sent-label' })
    for (const counts of this.folders.values()) {
      const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      const total = ranked.reduce((sum, [, c]) => sum + c.count, 0)
      ranked.forEach(([email, c], i) => {
        if (i > 0 && c.count < total * SECOND_ADDRESS_SHARE) return
        const known = out.get(email)
        if (known === undefined) out.set(email, { email, name: c.name, count: c.count, reason: 'sent-folder' })
        else known.count = Math.max(known.count, c.count)
      })
    }
    return [...out.values()].sort((a, b) => b.count - a.count || (a.email < b.email ? -1 : 1))
  }
}

function bump(map: Map<string, Count>, from: Participant): void {
  const email = from.email
  if (email === null) return
  const c = map.get(email)
  if (c === undefined) map.set(email, { name: from.name, count: 1 })
  else {
    c.count++
    c.name ??= from.name
  }
}
