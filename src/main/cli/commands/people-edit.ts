/** `kith people edit`: changes a person with a patch; list options add to what they have. */
import type { ArgsIn } from '../../../shared/contract'
import { KithError } from '../../backend/errors'
import { normalizeLabel } from '../../backend/people/records'
import { EXIT_OK, UsageError, emit, text, texts, type Command } from '../common'

const SCALARS = [
  ['name', 'name'],
  ['company', 'company'],
  ['title', 'title'],
  ['location', 'location'],
  ['note', 'notes'],
  ['linkedin', 'linkedinUrl'],
] as const

const LISTS = [
  ['email', 'emails'],
  ['phone', 'phones'],
  ['alias', 'aliases'],
  ['tag', 'tags'],
  ['need', 'needs'],
  ['offer', 'offers'],
] as const

export const peopleEdit: Command = {
  name: 'people edit',
  usage: `people edit PERSON [--name N] [--company C] [--title T] [--location L] [--note TEXT] [--linkedin URL]
           [--email E]... [--phone P]... [--alias A]... [--tag T]... [--untag T]... [--need N]... [--offer O]...
                                 change a person; list options add to their lists, --untag removes a tag`,
  options: ['json', 'name', 'company', 'title', 'location', 'note', 'linkedin', 'email', 'phone', 'alias', 'tag', 'untag', 'need', 'offer'],
  positionals: 1,
  fields: {
    id: 'PERSON',
    'patch.name': '--name',
    'patch.company': '--company',
    'patch.title': '--title',
    'patch.location': '--location',
    'patch.notes': '--note',
    'patch.linkedinUrl': '--linkedin',
    'patch.emails': '--email',
    'patch.phones': '--phone',
    'patch.aliases': '--alias',
    'patch.tags': '--tag',
    'patch.needs': '--need',
    'patch.offers': '--offer',
  },
  help: `Changes only what you give; everything else stays.
  --name, --company, --title, --location, --note, --linkedin
        replace that field; "" clears it (except --name); --note replaces the whole note
  --email, --phone, --alias, --tag, --need, --offer
        add to the person's list; repeat to add several; one they already have (in any case) is kept once
  --untag T
        removes tag T (in any case); repeat to remove several; a tag they do not have is an error
With --json: the person, as "kith people show PERSON --json" prints them.`,
  async run(ctx) {
    const [ref = ''] = ctx.positionals
    const person = await ctx.person(ref, 'PERSON')
    const current = await ctx.call('people.get', { id: person.id })
    const patch: ArgsIn<'people.update'>['patch'] = {}
    const changed: string[] = []
    let tags = current.tags
    for (const [option, field] of SCALARS) {
      const v = text(ctx.values, option)
      if (v === undefined) continue
      patch[field] = v
      changed.push(option)
    }
    for (const [option, field] of LISTS) {
      const added = texts(ctx.values, option)
      if (added === undefined) continue
      const list = [...current[field], ...added]
      patch[field] = list
      if (field === 'tags') tags = list
      changed.push(option === 'alias' ? 'aliases' : `${option}s`)
    }
    const removed = texts(ctx.values, 'untag')
    if (removed !== undefined) {
      const gone = new Set(removed.map(normalizeLabel))
      const unknown = removed.filter((t) => !tags.some((have) => normalizeLabel(have) === normalizeLabel(t)))
      if (unknown.length > 0) {
        const has = current.tags.length === 0 ? 'no tags' : `the tags ${current.tags.join(', ')}`
        throw new KithError('bad_request', `--untag: ${current.name} has no tag "${unknown.join('", "')}" (they have ${has}).`)
      }
      patch.tags = tags.filter((t) => !gone.has(normalizeLabel(t)))
      if (!changed.includes('tags')) changed.push('tags')
    }
    if (changed.length === 0) throw new UsageError('nothing to change: give at least one option, such as --tag T or --company C.')
    const updated = await ctx.call('people.update', { id: person.id, patch })
    const summary = [
      `Updated ${updated.name} (#${updated.id}): ${changed.join(', ')}.`,
      ...(updated.tags.length > 0 && changed.includes('tags') ? [`  Tags: ${updated.tags.join(', ')}`] : []),
    ]
    emit(ctx, updated, summary.join('\n'))
    return EXIT_OK
  },
}
