import type { Handler } from '../handlers'
import { deleteInteraction, logInteraction } from './service'

const log: Handler<'interactions.log'> = (args, backend) => logInteraction(backend, args)
const remove: Handler<'interactions.delete'> = (args, backend) => deleteInteraction(backend, args.id)

export const interactionHandlers = {
  'interactions.log': log,
  'interactions.delete': remove,
}
