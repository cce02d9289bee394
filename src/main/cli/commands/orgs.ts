/** Organisations: `kith orgs list`, `kith orgs merge`, `kith orgs merges`, `kith orgs undo`. */
import type { OrganisationMerge, OrganisationView } from '../../../shared/types'
import { normalizeOrgName } from '../../../shared/organisations'
import { KithError } from '../../backend/errors'
import { EXIT_OK, emit, idArgument, type Command, type CommandContext } from '../common'

function orgLine(o: OrganisationView): string {
  const also = o.aliases.length === 0 ? '' : ` (also ${o.aliases.join(', ')})`
  const domains = o.domains.length === 0 ? '' : `  ${o.domains.join(', ')}`
  return `#${String(o.id).padEnd(5)} ${o.name}${also}: ${o.current} now, ${o.people} ever${domains}`
}

/** Two names mean one organisation when they normalise alike (case, accents, legal suffixes). */
const same = (a: string, b: string): boolean => normalizeOrgName(a) === normalizeOrgName(b)

/** An organisation by id (digits only) or by name or other name (any spelling); more than one is an error. */
async function organisation(ctx: CommandContext, ref: string, label: string): Promise<OrganisationView> {
  const all = await ctx.call('orgs.list', { query: null })
  if (/^\d+$/.test(ref)) {
    const byId = all.find((o) => o.id === Number(ref))
    if (byId === undefined) throw new KithError('not_found', `${label}: there is no organisation with id ${ref} (see kith orgs list).`)
    return byId
  }
  const matches = all.filter((o) => same(o.name, ref) || o.aliases.some((a) => same(a, ref)))
  const [only] = matches
  if (only !== undefined && matches.length === 1) return only
  if (matches.length > 1) {
    throw new KithError('conflict', `${label}: "${ref}" could be ${matches.map((o) => `#${o.id} ${o.name}`).join(', ')}; use the id.`)
  }
  const near = (await ctx.call('orgs.list', { query: ref })).slice(0, 5)
  throw new KithError(
    'not_found',
    `${label}: no organisation is called "${ref}".${near.length === 0 ? '' : ` Did you mean ${near.map((o) => `#${o.id} ${o.name}`).join(', ')}?`}`,
  )
}

function mergeLine(m: OrganisationMerge): string {
  return `#${String(m.id).padEnd(5)} ${m.createdAt.slice(0, 16).replace('T', ' ')}  ${m.mergedName} into ${m.kept.name}${m.undoneAt === null ? '' : `, undone ${m.undoneAt.slice(0, 10)}`}`
}

export const orgsList: Command = {
  name: 'orgs list',
  usage: `orgs list [QUERY]                organisations, with other names, domains and people`,
  options: ['json'],
  positionals: [0, 1],
  fields: { query: 'QUERY' },
  help: 'Organisations Kith knows from where people work, with other names, email domains and how many people\nare there now and ever. QUERY narrows the list by name.',
  async run(ctx) {
    const [query] = ctx.positionals
    const orgs = await ctx.call('orgs.list', { query: query ?? null })
    emit(ctx, orgs, orgs.length === 0 ? 'No organisations.' : orgs.map(orgLine).join('\n'))
    return EXIT_OK
  },
}

export const orgsMerge: Command = {
  name: 'orgs merge',
  usage: `orgs merge KEEP MERGE            fold one organisation into another (by id or name)`,
  options: ['json'],
  positionals: 2,
  fields: { keepId: 'KEEP', mergeId: 'MERGE' },
  help: `Folds MERGE into KEEP: its name becomes one of KEEP's other names, and its domains and people move
to KEEP. Name each by id or by name (a name two organisations share is refused: use the id).
Take it back with "kith orgs undo ID" (the ID is printed, and listed by "kith orgs merges").`,
  async run(ctx) {
    const [keepRef = '', mergeRef = ''] = ctx.positionals
    const keep = await organisation(ctx, keepRef, 'KEEP')
    const merge = await organisation(ctx, mergeRef, 'MERGE')
    if (keep.id === merge.id) throw new KithError('bad_request', `MERGE: that is ${keep.name} again; choose two different organisations.`)
    const merged = await ctx.call('orgs.merge', { keepId: keep.id, mergeId: merge.id })
    emit(ctx, merged, `Merged ${merged.mergedName} into ${merged.kept.name}.\nUndo with: kith orgs undo ${merged.id}`)
    return EXIT_OK
  },
}

export const orgsMerges: Command = {
  name: 'orgs merges',
  usage: `orgs merges                      past merges of organisations`,
  options: ['json'],
  positionals: 0,
  help: 'Past merges of organisations, newest first, with the ID "kith orgs undo" takes.',
  async run(ctx) {
    const merges = await ctx.call('orgs.merges', {})
    emit(ctx, merges, merges.length === 0 ? 'No merges yet.' : merges.map(mergeLine).join('\n'))
    return EXIT_OK
  },
}

export const orgsUndo: Command = {
  name: 'orgs undo',
  usage: `orgs undo ID                     take a merge back`,
  options: ['json'],
  positionals: 1,
  fields: { id: 'ID' },
  help: 'Takes a merge of organisations back (its ID is printed by "kith orgs merge" and listed by "kith orgs merges").',
  async run(ctx) {
    const id = idArgument(ctx.positionals[0], 'ID', 'a merge (see kith orgs merges)')
    const undone = await ctx.call('orgs.undoMerge', { id })
    emit(ctx, undone, `Took back merge #${undone.id}: ${undone.mergedName} is separate from ${undone.kept.name} again.`)
    return EXIT_OK
  },
}
