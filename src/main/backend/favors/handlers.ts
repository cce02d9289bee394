import type { Handler } from '../handlers'
import { deleteFavor, logFavor, updateFavor } from './service'

const log: Handler<'favors.log'> = (args, backend) => logFavor(backend, args)
const update: Handler<'favors.update'> = (args, backend) => updateFavor(backend, args.id, args.favor)
const remove: Handler<'favors.delete'> = (args, backend) => deleteFavor(backend, args.id)

export const favorHandlers = {
  'favors.log': log,
  'favors.update': update,
  'favors.delete': remove,
}
