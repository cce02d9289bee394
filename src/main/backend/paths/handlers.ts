import type { Handler } from '../handlers'
import { findPaths } from './service'

export const pathHandlers = {
  'paths.find': ((args, backend) => findPaths(backend, args)) satisfies Handler<'paths.find'>,
}
