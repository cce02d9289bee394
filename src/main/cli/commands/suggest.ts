/** `kith suggest`: introductions you could make this week. */
import { noneThisWeek } from '../../../shared/week-words'
import { EXIT_OK, emit, text, type Command } from '../common'

export const suggest: Command = {
  name: 'suggest',
  usage: `suggest [--week YYYY-Www]        introductions you could make this week`,
  options: ['json', 'week'],
  positionals: 0,
  fields: { week: '--week' },
  async run(ctx) {
    const week = text(ctx.values, 'week')
    const view = await ctx.call('week.get', week === undefined ? {} : { week })
    const json = {
      week: view.week,
      suggestions: view.suggestions.map((s) => ({ a: s.a, b: s.b, score: s.score, reasons: s.reasons, status: s.status })),
    }
    const lines = [`Introductions you could make, ${view.week}:`]
    view.suggestions.forEach((s, i) => {
      lines.push(`${i + 1}. ${s.a.name} and ${s.b.name}  score ${s.score.toFixed(3)}${s.status === 'open' ? '' : `  (${s.status})`}`)
      for (const r of s.reasons) lines.push(`     x${r.value.toFixed(2)}  ${r.label}`)
    })
    if (view.suggestions.length === 0) lines.push(`  ${noneThisWeek(view.suggestionsFromSomething)}`)
    emit(ctx, json, lines.join('\n'))
    return EXIT_OK
  },
}
