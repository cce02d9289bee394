/** What archive imports learned: `kith review list`, `kith review accept --all | ID...`, `kith review reject ID...`. */
import { reviewOutcomeText, type ReviewEntry, type ReviewOutcome } from '../../../shared/imports'
import { groupThousands } from '../../../shared/format'
import { EXIT_OK, UsageError, emit, idArgument, type Command } from '../common'

function line(e: ReviewEntry): string {
  const who = e.other === null ? e.person.name : `${e.person.name} and ${e.other.name}`
  const strength = e.strength === null ? '' : ` [strength ${e.strength}${e.relationshipKind === null ? '' : `, ${e.relationshipKind}`}]`
  return `  #${String(e.id).padEnd(5)} ${who}${strength}: ${e.detail}`
}

function ids(positionals: readonly string[]): number[] {
  return positionals.map((p) => idArgument(p, 'ID', 'an item (see kith review list)'))
}

/** The shared sentence, as a sentence: "1 item accepted, 1 relationship added." */
function outcomeText(o: ReviewOutcome): string {
  const text = reviewOutcomeText(o)
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

export const reviewList: Command = {
  name: 'review',
  aliases: ['review list'],
  usage: `review [list]                    what imports learned: new people, proposed ties, estimated strengths`,
  options: ['json'],
  positionals: 0,
  help: 'Lists what mail and calendar imports learned and wait for you to accept or reject, grouped.',
  async run(ctx) {
    const list = await ctx.call('review.list', {})
    const groups: [string, ReviewEntry[]][] = [
      ['New people', list.people],
      ['Proposed ties between others', list.ties],
      ['Estimated strengths', list.strengths],
    ]
    const lines = groups.flatMap(([title, entries]) => (entries.length === 0 ? [] : [`${title} (${groupThousands(entries.length)}):`, ...entries.map(line)]))
    emit(ctx, list, lines.length === 0 ? 'Nothing to review.' : lines.join('\n'))
    return EXIT_OK
  },
}

export const reviewAccept: Command = {
  name: 'review accept',
  usage: `review accept --all | ID...      accept what Kith learned (a tie becomes a relationship)`,
  options: ['json', 'all'],
  positionals: [0, 10_000],
  fields: { ids: 'ID', all: '--all' },
  async run(ctx) {
    const all = ctx.values.all === true
    if (all === (ctx.positionals.length > 0)) throw new UsageError('review accept takes --all, or the IDs to accept (see kith review list), not both.')
    const outcome = await ctx.call('review.accept', all ? { all: true } : { ids: ids(ctx.positionals) })
    emit(ctx, outcome, outcomeText(outcome))
    return EXIT_OK
  },
}

export const reviewReject: Command = {
  name: 'review reject',
  usage: `review reject ID...              reject a proposed tie (never proposed again) or a new person (removed)`,
  options: ['json'],
  positionals: [1, 10_000],
  fields: { ids: 'ID' },
  async run(ctx) {
    const outcome = await ctx.call('review.reject', { ids: ids(ctx.positionals) })
    emit(ctx, outcome, outcomeText(outcome))
    return EXIT_OK
  },
}
