import type { Handler } from '../handlers'
import { personDetail } from './detail'
import { meId } from './records'
import {
  createPerson,
  deletePerson,
  facets,
  listPeople,
  mergePeople,
  neighbourhood,
  resolvePerson,
  setArchived,
  setMe,
  updatePerson,
} from './service'

const getMe: Handler<'me.get'> = async (_args, backend) => {
  const id = await meId(backend.db)
  if (id === null) return null
  const row = await backend.db.selectFrom('person').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  return row
}

const search: Handler<'search'> = ({ query, limit, includeArchived }, backend) => {
  const directory = backend.directory()
  return directory.search
    .search(query, limit, (id) => includeArchived || directory.entries.get(id)?.archived === false)
    .flatMap((hit) => {
      const e = directory.entries.get(hit.id)
      return e === undefined ? [] : [{ id: e.id, name: e.name, company: e.company, title: e.title, isMe: e.isMe, score: hit.score }]
    })
}

export const peopleHandlers = {
  'me.get': getMe,
  'me.set': ((args, backend) => setMe(backend, args)) satisfies Handler<'me.set'>,
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
  search,
}
