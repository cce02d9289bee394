import type { Handler } from '../handlers'
import { confirmColleagues, rejectColleagues } from './service'

export const colleagueHandlers = {
  'colleagues.confirm': ((args, backend) => confirmColleagues(backend, args.a, args.b, args.strength)) satisfies Handler<'colleagues.confirm'>,
  'colleagues.reject': ((args, backend) => rejectColleagues(backend, args.a, args.b)) satisfies Handler<'colleagues.reject'>,
}
