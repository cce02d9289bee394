/** `kith people add`, `kith people list`, `kith people show` (one command: errors say "kith people"). */
import { plural } from '../../../shared/format'
import { PEOPLE_SORTS } from '../../../shared/schemas'
import type { PersonDetail } from '../../../shared/types'
import { strengthWord } from '../../../shared/vocab'
import { KithError } from '../../backend/errors'
import { EXIT_OK, UsageError, emit, oneOf, text, texts, wholeNumber, type Command } from '../common'

function describePerson(p: PersonDetail): string {
  const lines = [`${p.name}${p.isMe ? ' (me)' : ''}  #${p.id}${p.archivedAt === null ? '' : '  [archived]'}`]
  const role = [p.title, p.company].filter((x) => x !== null).join(' at ')
  if (role !== '') lines.push(`  ${role}`)
  if (p.location !== null) lines.push(`  ${p.location}`)
  if (p.emails.length > 0) lines.push(`  Email: ${p.emails.join(', ')}`)
  if (p.phones.length > 0) lines.push(`  Phone: ${p.phones.join(', ')}`)
  if (p.aliases.length > 0) lines.push(`  Also known as: ${p.aliases.join(', ')}`)
  if (p.tags.length > 0) lines.push(`  Tags: ${p.tags.join(', ')}`)
  if (p.needs.length > 0) lines.push(`  Looking for: ${p.needs.join(', ')}`)
  if (p.offers.length > 0) lines.push(`  Can help with: ${p.offers.join(', ')}`)
  if (p.lastInteraction !== null) lines.push(`  Last talked: ${p.lastInteraction.date} (${p.lastInteraction.kind})`)
  if (p.balance !== null) {
    const b = p.balance
    lines.push(
      b.givenByMe + b.receivedByMe === 0
        ? '  Favors: none yet, either way'
        : `  Favors: you gave ${plural(b.givenByMe, 'favor')} (${plural(b.pointsGivenByMe, 'point')}), received ${plural(b.receivedByMe, 'favor')} (${plural(b.pointsReceivedByMe, 'point')}); balance ${b.balance > 0 ? '+' : ''}${b.balance}`,
    )
  }
  if (p.relationships.length > 0) {
    lines.push(`  Knows ${p.relationships.length}:`)
    for (const r of p.relationships.slice(0, 15)) {
      lines.push(`    ${r.other.name} - ${strengthWord(r.strength)} (${r.strength}/5), ${r.kind}`)
    }
    if (p.relationships.length > 15) lines.push(`    … and ${p.relationships.length - 15} more`)
  }
  return lines.join('\n')
}

export const people: Command = {
  name: 'people',
  usage: `people add NAME [--company C] [--title T] [--email E]... [--phone P]... [--alias A]...
           [--tag T]... [--need N]... [--offer O]... [--location L] [--note TEXT] [--allow-duplicate]
                                 someone with the same name, an email or LinkedIn is refused
                                 unless --allow-duplicate
people list [--tag T] [--company C] [--sort name|lastInteraction|strength] [--archived] [--limit N]
people show PERSON`,
  options: ['json', 'company', 'title', 'email', 'phone', 'alias', 'tag', 'need', 'offer', 'location', 'note', 'sort', 'archived', 'limit', 'allow-duplicate'],
  positionals: [1, 2],
  fields: {
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
  async run(ctx) {
    const [sub, arg] = ctx.positionals
    if (sub === 'add') {
      if (arg === undefined) throw new UsageError('people add needs a NAME.')
      const person = await ctx.call('people.create', {
        name: arg,
        company: text(ctx.values, 'company') ?? null,
        title: text(ctx.values, 'title') ?? null,
        emails: texts(ctx.values, 'email') ?? [],
        phones: texts(ctx.values, 'phone') ?? [],
        aliases: texts(ctx.values, 'alias') ?? [],
        tags: texts(ctx.values, 'tag') ?? [],
        needs: texts(ctx.values, 'need') ?? [],
        offers: texts(ctx.values, 'offer') ?? [],
        location: text(ctx.values, 'location') ?? null,
        notes: text(ctx.values, 'note') ?? null,
        allowDuplicate: ctx.values['allow-duplicate'] === true,
      }).catch((err: unknown) => {
        if (err instanceof KithError && err.details?.duplicates !== undefined) {
          throw new KithError(err.code, `${err.message} If this is someone else, add them with --allow-duplicate.`, err.details)
        }
        throw err
      })
      emit(ctx, person, `Added ${person.name} (#${person.id}).`)
      return EXIT_OK
    }
    if (sub === 'list') {
      if (arg !== undefined) throw new UsageError('people list takes no NAME; filter with --tag or --company.')
      const tag = texts(ctx.values, 'tag')
      const list = await ctx.call('people.list', {
        sort: oneOf(ctx.values, 'sort', PEOPLE_SORTS) ?? 'name',
        descending: ctx.values.sort !== undefined && ctx.values.sort !== 'name',
        tag: tag?.[0] ?? null,
        company: text(ctx.values, 'company') ?? null,
        archived: ctx.values.archived === true,
        limit: wholeNumber(ctx.values, 'limit') ?? 200_000,
      })
      const lines = list.people.map(
        (p) =>
          `#${String(p.id).padEnd(6)} ${p.name.padEnd(28)} ${(p.company ?? '').padEnd(22)} ${p.myStrength === null ? ' ' : String(p.myStrength)}  ${p.lastInteractionOn ?? ''}`,
      )
      emit(ctx, list, [...lines, `${list.people.length} of ${list.total} people`].join('\n'))
      return EXIT_OK
    }
    if (sub === 'show') {
      if (arg === undefined) throw new UsageError('people show needs a PERSON.')
      const person = await ctx.call('people.get', { id: (await ctx.person(arg)).id })
      emit(ctx, person, describePerson(person))
      return EXIT_OK
    }
    throw new UsageError(`people takes add, list or show, not "${sub ?? ''}".`)
  },
}
