/**
 * How the backend's argument paths read in the user's words, for the commands
 * defined in run.ts (those in commands/*.ts carry their own `fields`).
 */

export const FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  me: { name: 'NAME', id: 'NAME' },
  people: {
    id: 'PERSON',
    name: 'NAME',
    company: '--company',
    title: '--title',
    emails: '--email',
    phones: '--phone',
    aliases: '--alias',
    tags: '--tag',
    needs: '--need',
    offers: '--offer',
    location: '--location',
    notes: '--note',
    tag: '--tag',
    sort: '--sort',
    limit: '--limit',
  },
  know: { a: 'A', b: 'B', strength: '--strength', kind: '--kind', confidence: '--confidence', contexts: '--context' },
  log: { kind: 'KIND', people: 'PERSON', date: '--date', note: '--note' },
  favor: { giverId: 'GIVER', receiverId: 'RECEIVER', kind: '--kind', size: '--size', date: '--date', note: '--note' },
  paths: { to: '--to', company: '--company', tag: '--tag', limit: '--limit', maxHops: '--max-hops' },
  suggest: { week: '--week' },
  search: { query: 'QUERY', limit: '--limit' },
  backup: { to: '--to' },
  restore: { file: 'FILE' },
  imports: { id: 'ID' },
}
