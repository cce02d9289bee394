/** `kith log KIND PERSON...`: an interaction with people. */
import { INTERACTION_KINDS, isInteractionKind } from '../../../shared/vocab'
import { EXIT_OK, UsageError, emit, text, type Command } from '../common'

export const log: Command = {
  name: 'log',
  usage: `log KIND PERSON... [--date YYYY-MM-DD] [--note TEXT] [--without-me]
                                 KIND: meeting, call, email, message, event, other`,
  options: ['json', 'date', 'note', 'without-me'],
  positionals: [2, 201],
  fields: { kind: 'KIND', people: 'PERSON', date: '--date', note: '--note' },
  async run(ctx) {
    const [kindText, ...refs] = ctx.positionals
    if (!isInteractionKind(kindText)) {
      throw new UsageError(`KIND must be one of ${INTERACTION_KINDS.join(', ')}, not "${kindText ?? ''}".`)
    }
    const people: number[] = []
    for (const ref of refs) people.push((await ctx.person(ref)).id)
    const interaction = await ctx.call('interactions.log', {
      date: text(ctx.values, 'date') ?? ctx.backend.today(),
      kind: kindText,
      people,
      note: text(ctx.values, 'note') ?? null,
      withMe: ctx.values['without-me'] !== true,
    })
    const what = interaction.kind === 'other' ? 'an interaction' : `${/^[aeiou]/.test(interaction.kind) ? 'an' : 'a'} ${interaction.kind}`
    emit(ctx, interaction, `Logged ${what} on ${interaction.date} with ${interaction.people.map((p) => p.name).join(', ')}.`)
    return EXIT_OK
  },
}
