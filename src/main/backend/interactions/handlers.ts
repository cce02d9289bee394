import type { Handler } from '../handlers'
import { deleteInteraction, logInteraction, updateInteraction } from './service'

const log: Handler<'interactions.log'> = (args, backend) => logInteraction(backend, args)
const update: Handler<'interactions.update'> = (args, backend) => updateInteraction(backend, args.id, args.interaction)
const remove: Handler<'interactions.delete'> = (args, backend) => deleteInteraction(backend, args.id)

export const interactionHandlers = {
  'interactions.log': log,
  'interactions.update': update,
  'interactions.delete': remove,
}
