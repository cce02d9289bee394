import type { Handler } from '../handlers'
import { favorStandings, nudges } from './service'

export const reciprocityHandlers = {
  'reciprocity.get': (async (_args, backend) => {
    const standings = await favorStandings(backend)
    return { standings, nudges: await nudges(backend, standings) }
  }) satisfies Handler<'reciprocity.get'>,
}
