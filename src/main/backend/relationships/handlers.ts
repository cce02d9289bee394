import type { Handler } from '../handlers'
import { deleteRelationship, setRelationship } from './service'

const set: Handler<'relationships.set'> = (args, backend) => setRelationship(backend, args)
const remove: Handler<'relationships.delete'> = (args, backend) => deleteRelationship(backend, args.id)

export const relationshipHandlers = {
  'relationships.set': set,
  'relationships.delete': remove,
}
