import type { Handler } from '../handlers'
import { networkMap } from './map'

export const networkHandlers = {
  'network.map': ((args, backend) => networkMap(backend, args)) satisfies Handler<'network.map'>,
}
