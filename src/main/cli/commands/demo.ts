/** `kith demo`: the sample network, loaded into an empty database. */
import type { DemoSummary } from '../../../shared/types'
import { EXIT_OK, emit, type Command } from '../common'
import { countsLine } from '../format'

export const demo: Command = {
  name: 'demo',
  usage: `demo                             load the sample network into an empty database`,
  options: ['json'],
  positionals: 0,
  async run(ctx) {
    const summary: DemoSummary = await ctx.call('demo.load', {})
    emit(ctx, summary, `Loaded the sample network: ${countsLine(summary.counts)}.`)
    return EXIT_OK
  },
}
