import type { Handler } from '../handlers'

const list: Handler<'people.list'> = async ({ limit, offset }, backend) => {
  const { db } = backend
  const total = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('person as p')
    .select((eb) => [
      'p.id',
      'p.name',
      'p.company',
      'p.title',
      'p.is_me',
      eb
        .selectFrom('relationship as r')
        .whereRef('r.person_a', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('as_a'),
      eb
        .selectFrom('relationship as r')
        .whereRef('r.person_b', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('as_b'),
    ])
    .orderBy('p.is_me', 'desc')
    .orderBy('p.name')
    .limit(limit)
    .offset(offset)
    .execute()
  return {
    total: total.n,
    people: rows.map((r) => ({
      id: r.id,
      name: r.name,
      company: r.company,
      title: r.title,
      isMe: r.is_me === 1,
      relationshipCount: (r.as_a ?? 0) + (r.as_b ?? 0),
    })),
  }
}

export const peopleHandlers = { 'people.list': list }
