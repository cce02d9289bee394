/** `kith favor GIVER RECEIVER`: a favor one person did another. */
import { FAVOR_KINDS, FAVOR_SIZES, givesBackWords } from '../../../shared/vocab'
import { EXIT_OK, emit, oneOf, required, text, type Command } from '../common'

export const favor: Command = {
  name: 'favor',
  usage: `favor GIVER RECEIVER --kind K --size small|medium|large [--date YYYY-MM-DD] [--note TEXT]
                                 K: introduction, advice, referral, help, gift, other`,
  options: ['json', 'kind', 'size', 'date', 'note'],
  positionals: 2,
  fields: { giverId: 'GIVER', receiverId: 'RECEIVER', kind: '--kind', size: '--size', date: '--date', note: '--note' },
  async run(ctx) {
    const [giverRef, receiverRef] = ctx.positionals
    const kind = required(oneOf(ctx.values, 'kind', FAVOR_KINDS), 'kind')
    const size = required(oneOf(ctx.values, 'size', FAVOR_SIZES), 'size')
    const giver = await ctx.person(giverRef ?? '')
    const receiver = await ctx.person(receiverRef ?? '')
    const favor = await ctx.call('favors.log', {
      giverId: giver.id,
      receiverId: receiver.id,
      kind,
      size,
      date: text(ctx.values, 'date') ?? ctx.backend.today(),
      note: text(ctx.values, 'note') ?? null,
    })
    const met = givesBackWords(favor)
    emit(ctx, favor, `Logged a ${favor.size} ${favor.kind} from ${favor.giver.name} to ${favor.receiver.name} on ${favor.date}.${met === '' ? '' : ` ${met}`}`)
    return EXIT_OK
  },
}
