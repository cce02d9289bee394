import type { Handler } from '../handlers'
import { KithError } from '../errors'

const pending = (): never => {
  throw new KithError('conflict', 'The profile is being built.')
}

export const profileHandlers = {
  'profile.get': pending satisfies Handler<'profile.get'>,
  'profile.set': pending satisfies Handler<'profile.set'>,
}
