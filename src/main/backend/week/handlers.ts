import type { Handler } from '../handlers'
import { weekView } from './service'

export const weekHandlers = {
  'week.get': ((args, backend) => weekView(backend, args.week)) satisfies Handler<'week.get'>,
}
