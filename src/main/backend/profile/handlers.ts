import type { Handler } from '../handlers'
import { readProfile, writeProfile } from './service'

export const profileHandlers = {
  'profile.get': ((_args, backend) => readProfile(backend)) satisfies Handler<'profile.get'>,
  'profile.set': ((args, backend) => writeProfile(backend, args)) satisfies Handler<'profile.set'>,
}
