/** `kith paths`: who can introduce you to a person, an organisation or a tag, ranked, with the reasons. */
import { strengthWord } from '../../../shared/vocab'
import { stateWord } from '../../../shared/intro-states'
import { EXIT_OK, UsageError, emit, text, texts, wholeNumber, type Command } from '../common'

export const paths: Command = {
  name: 'paths',
  usage: `paths (--to PERSON | --company NAME | --tag TAG) [--limit K] [--max-hops 3|4] [--all]
                                 who can introduce you, ranked, with the reasons`,
  options: ['json', 'to', 'company', 'tag', 'limit', 'max-hops', 'all'],
  positionals: 0,
  fields: { to: '--to', company: '--company', tag: '--tag', limit: '--limit', maxHops: '--max-hops' },
  async run(ctx) {
    const to = text(ctx.values, 'to')
    const company = text(ctx.values, 'company')
    const tag = texts(ctx.values, 'tag')
    const given = [to, company, tag].filter((v) => v !== undefined).length
    if (given !== 1) throw new UsageError('give exactly one of --to PERSON, --company NAME or --tag TAG.')
    if (tag !== undefined && tag.length !== 1) throw new UsageError('give one --tag.')
    const hops = text(ctx.values, 'max-hops')
    if (hops !== undefined && hops !== '3' && hops !== '4') throw new UsageError(`--max-hops must be 3 or 4, not "${hops}".`)
    const result = await ctx.call('paths.find', {
      ...(to !== undefined ? { to: (await ctx.person(to)).id } : company !== undefined ? { company } : { tag: tag?.[0] ?? '' }),
      limit: wholeNumber(ctx.values, 'limit') ?? 10,
      maxHops: hops === '4' ? 4 : 3,
      all: ctx.values.all === true,
    })
    const json = {
      target: result.target,
      direct: result.direct,
      paths: result.paths.map((p) => ({ score: p.score, people: p.people, steps: p.steps, factors: p.factors, beforeYouAsk: p.beforeYouAsk, underWay: p.underWay })),
    }
    const what = result.target.kind === 'person' ? result.target.name : `${result.target.kind} "${result.target.name}" (${result.targets} ${result.targets === 1 ? 'person' : 'people'})`
    const lines = [`Ways to ${what}:`]
    for (const d of result.direct) {
      const faint = d.faint ? ', only faintly: you could write to them yourself, or ask someone who knows them well' : ''
      lines.push(`  You already know ${d.name} (${strengthWord(d.strength).toLowerCase()}, ${d.strength}/5)${faint}${d.hint === null ? '' : `: ${d.hint}`}.`)
    }
    result.paths.forEach((p, i) => {
      // "~>" marks a step Kith infers (colleagues), "->" one somebody recorded.
      const chain = p.people.map((q, k) => (k === 0 ? q.name : `${p.steps[k - 1]?.kind === 'colleague' ? ' ~> ' : ' -> '}${q.name}`)).join('')
      lines.push(`${i + 1}. ${chain}  score ${p.score.toFixed(4)}`)
      for (const f of p.factors) lines.push(`     x${f.value.toFixed(2)}  ${f.label}`)
      // Before you ask, as the page shows it: what stands in the way (a stop) or wants weighing, so a "no" is seen here.
      for (const c of p.beforeYouAsk) if (c.verdict !== 'good') lines.push(`     ${c.verdict === 'stop' ? 'STOP' : 'Caution'}: ${c.reason}`)
      if (p.underWay !== null) {
        lines.push(`     You are asking ${p.people[1]?.name ?? ''} to introduce you to ${p.people[2]?.name ?? ''}: introduction ${p.underWay.id} (${stateWord(p.underWay.state).toLowerCase()}), see kith intros show ${p.underWay.id}.`)
      }
    })
    // Someone I already know needs no introduction: no path to them is looked for (unless I know them only faintly).
    if (result.paths.length === 0 && result.direct.filter((d) => !d.faint).length < result.targets) lines.push('  No path within reach. Try --max-hops 4, or record who knows whom.')
    emit(ctx, json, lines.join('\n'))
    return EXIT_OK
  },
}
