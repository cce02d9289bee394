import { profileInput, type ProfileInput } from '../../../shared/schemas'
import type { Profile } from '../../../shared/types'
import type { BackendState } from '../state'
import { readSetting, writeSetting } from '../settings/stored'

const PROFILE_KEY = 'profile'

/** What the user saved, read back through the schema: nothing saved, or what no longer fits, is all empty. */
function stored(backend: BackendState): ProfileInput {
  return readSetting(backend, PROFILE_KEY, profileInput, profileInput.parse({}))
}

/** The user's profile, as every draft signs and describes them; the full name is the "me" person's name until the user sets one. */
export function readProfile(backend: BackendState): Profile {
  const profile = stored(backend)
  if (profile.fullName !== '') return profile
  const me = backend.sqlite.prepare<[], { name: string }>('SELECT name FROM person WHERE is_me = 1 LIMIT 1').get()
  return { ...profile, fullName: me?.name ?? '' }
}

export async function writeProfile(backend: BackendState, profile: ProfileInput): Promise<Profile> {
  await backend.writeSync('nothing', () => writeSetting(backend, PROFILE_KEY, profile))
  return readProfile(backend)
}
