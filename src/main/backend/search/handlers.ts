import type { Handler } from '../handlers'

const search: Handler<'search'> = ({ query, limit, includeArchived }, backend) => {
  const directory = backend.directory()
  return directory.search
    .search(query, limit, (id) => includeArchived || directory.entries.get(id)?.archived === false)
    .flatMap((hit) => {
      const e = directory.entries.get(hit.id)
      return e === undefined ? [] : [{ id: e.id, name: e.name, company: e.company, title: e.title, isMe: e.isMe, score: hit.score }]
    })
}

export const searchHandlers = { search }
