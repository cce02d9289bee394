import type { Handler } from '../handlers'
import { meId } from '../people/records'
import { setMe } from '../people/service'

const getMe: Handler<'me.get'> = async (_args, backend) => {
  const id = await meId(backend.db)
  if (id === null) return null
  const row = await backend.db.selectFrom('person').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  return row
}

export const meHandlers = {
  'me.get': getMe,
  'me.set': ((args, backend) => setMe(backend, args)) satisfies Handler<'me.set'>,
}
