/** The people opened most recently, newest first, kept in the page's localStorage for the command palette. */
import { useEffect } from 'react'
import type { PersonRef } from '../../../shared/types'

const KEY = 'kith.recentPeople'
const KEEP = 6

function isPersonRef(value: unknown): value is PersonRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'number' &&
    'name' in value &&
    typeof value.name === 'string'
  )
}

export function recentPeople(): PersonRef[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter(isPersonRef).slice(0, KEEP) : []
  } catch {
    return []
  }
}

/** `list` with `person` moved (or added) to the front, at most `keep` long. */
export function withRecent(list: readonly PersonRef[], person: PersonRef, keep = KEEP): PersonRef[] {
  return [{ id: person.id, name: person.name }, ...list.filter((p) => p.id !== person.id)].slice(0, keep)
}

export function rememberPerson(person: PersonRef): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(withRecent(recentPeople(), person)))
  } catch {
    // Storage refused: the palette simply has no recent people to offer.
  }
}

/** Remembers a person once their page has loaded (and again under a new name). */
export function useRememberPerson(person: PersonRef | undefined): void {
  const id = person?.id
  const name = person?.name
  useEffect(() => {
    if (id !== undefined && name !== undefined) rememberPerson({ id, name })
  }, [id, name])
}
