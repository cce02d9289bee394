/**
 * Who was at a meeting: the ORGANIZER, and every ATTENDEE who did not decline
 * and is a person (not a room, a resource, or a group or virtual calendar).
 * `mailto:` is read in any case; CN may be quoted; the organizer listed again
 * as an attendee counts once. ATTENDEE lines inside a VALARM are alarm targets
 * and are never read (only the event's own properties are).
 */
import type ICAL from 'ical.js'
import type { Participant } from '../observation'

type Component = InstanceType<typeof ICAL.Component>
type Property = InstanceType<typeof ICAL.Property>

export interface Attendance {
  from: Participant | null
  to: Participant[]
}

const NOT_PEOPLE = /@(group\.calendar\.google\.com|group\.v\.calendar\.google\.com|resource\.calendar\.google\.com|import\.calendar\.google\.com|virtual)$/

/** A parameter's value as text (the first, when it has several). */
export function param(prop: Property, name: string): string | null {
  const value: unknown = prop.getParameter(name)
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null
}

/** The TZID of a component's date property, when it names one. */
export function tzidOf(component: Component, name: string): string | null {
  const prop = component.getFirstProperty(name)
  return prop === null ? null : param(prop, 'tzid')
}

function toParticipant(prop: Property): Participant | null {
  const value = prop.getFirstValue()
  if (typeof value !== 'string') return null
  const email = value.trim().replace(/^mailto:/i, '').trim().toLowerCase()
  if (!email.includes('@') || NOT_PEOPLE.test(email)) return null
  const cn = param(prop, 'cn')?.replace(/^"|"$/g, '').trim() ?? null
  return { email, name: cn === null || cn === '' || cn.toLowerCase() === email ? null : cn, linkedinUrl: null }
}

export function participantsOf(vevent: Component): Attendance {
  const organizer = vevent.getFirstProperty('organizer')
  const from = organizer === null ? null : toParticipant(organizer)
  const seen = new Set<string>(from?.email == null ? [] : [from.email])
  const to: Participant[] = []
  for (const prop of vevent.getAllProperties('attendee')) {
    const cutype = param(prop, 'cutype')?.toUpperCase()
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue
    if (param(prop, 'partstat')?.toUpperCase() === 'DECLINED') continue
    const person = toParticipant(prop)
    if (person?.email == null || seen.has(person.email)) continue
    seen.add(person.email)
    to.push(person)
  }
  return { from, to }
}
