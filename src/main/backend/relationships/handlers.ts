import type { Handler } from '../handlers'
import { deleteFavor, deleteInteraction, deleteRelationship, logFavor, logInteraction, setRelationship, updateFavor } from './service'

const set: Handler<'relationships.set'> = (args, backend) => setRelationship(backend, args)
const removeRelationship: Handler<'relationships.delete'> = (args, backend) => deleteRelationship(backend, args.id)
const log: Handler<'interactions.log'> = (args, backend) => logInteraction(backend, args)
const removeInteraction: Handler<'interactions.delete'> = (args, backend) => deleteInteraction(backend, args.id)
const favor: Handler<'favors.log'> = (args, backend) => logFavor(backend, args)
const changeFavor: Handler<'favors.update'> = (args, backend) => updateFavor(backend, args.id, args.favor)
const removeFavor: Handler<'favors.delete'> = (args, backend) => deleteFavor(backend, args.id)

export const graphHandlers = {
  'relationships.set': set,
  'relationships.delete': removeRelationship,
  'interactions.log': log,
  'interactions.delete': removeInteraction,
  'favors.log': favor,
  'favors.update': changeFavor,
  'favors.delete': removeFavor,
}
