import { profileInput, type ProfileInput } from '../../../shared/schemas'
import type { Profile } from '../../../shared/types'
import type { Backend } from '../backend'

const PROFILE_KEY = 'profile'

/** What the user saved, read back through the schema: nothing saved, or what no longer fits, is all empty. */
function stored(backend: Backend): ProfileInput {
  const row = backend.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(PROFILE_KEY) as { value: string } | undefined
  const empty = profileInput.parse({})
  if (row === undefined) return empty
  try {
    const parsed = profileInput.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : empty
  } catch {
    return empty
  }
}

/** The user's profile, as every draft signs and describes them; the full name is the "me" person's name until the user sets one. */
export function readProfile(backend: Backend): Profile {
  const profile = stored(backend)
  if (profile.fullName !== '') return profile
  const me = backend.sqlite.prepare('SELECT name FROM person WHERE is_me = 1 LIMIT 1').get() as { name: string } | undefined
  return { ...profile, fullName: me?.name ?? '' }
}

export function writeProfile(backend: Backend, profile: ProfileInput): Profile {
  backend.sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(PROFILE_KEY, JSON.stringify(profile))
  return readProfile(backend)
}
