/** `kith search QUERY`: typo-tolerant search for people. */
import { EXIT_OK, emit, wholeNumber, type Command } from '../common'

export const search: Command = {
  name: 'search',
  usage: `search QUERY [--limit N]         typo-tolerant search`,
  options: ['json', 'limit'],
  positionals: 1,
  fields: { query: 'QUERY', limit: '--limit' },
  async run(ctx) {
    const hits = await ctx.call('search', { query: ctx.positionals[0] ?? '', limit: wholeNumber(ctx.values, 'limit') ?? 10 })
    const lines = hits.map((h) => `#${String(h.id).padEnd(6)} ${h.name}${h.company === null ? '' : `  (${h.company})`}`)
    emit(ctx, hits, hits.length === 0 ? 'No one matches.' : lines.join('\n'))
    return EXIT_OK
  },
}
