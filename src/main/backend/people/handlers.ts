import type { Handler } from '../handlers'
import { personDetail } from './detail'
import { facets, listPeople } from './list'
import { neighbourhood, resolvePerson } from './lookup'
import { mergePeople } from './merge'
import { createPerson, deletePerson, setArchived, updatePerson } from './service'

export const peopleHandlers = {
  'people.list': ((args, backend) => listPeople(backend, args)) satisfies Handler<'people.list'>,
  'people.get': ((args, backend) => personDetail(backend.db, args.id)) satisfies Handler<'people.get'>,
  'people.create': ((args, backend) => createPerson(backend, args)) satisfies Handler<'people.create'>,
  'people.update': ((args, backend) => updatePerson(backend, args.id, args.patch)) satisfies Handler<'people.update'>,
  'people.archive': ((args, backend) => setArchived(backend, args.id, true)) satisfies Handler<'people.archive'>,
  'people.unarchive': ((args, backend) => setArchived(backend, args.id, false)) satisfies Handler<'people.unarchive'>,
  'people.delete': ((args, backend) => deletePerson(backend, args.id)) satisfies Handler<'people.delete'>,
  'people.merge': ((args, backend) => mergePeople(backend, args)) satisfies Handler<'people.merge'>,
  'people.resolve': ((args, backend) => resolvePerson(backend, args.ref)) satisfies Handler<'people.resolve'>,
  'people.facets': ((_args, backend) => facets(backend)) satisfies Handler<'people.facets'>,
  'people.neighbourhood': ((args, backend) => neighbourhood(backend, args.id, args.limit)) satisfies Handler<'people.neighbourhood'>,
}
