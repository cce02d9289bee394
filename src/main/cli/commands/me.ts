/** `kith me NAME`: who the user is. */
import { EXIT_OK, emit, type Command } from '../common'

export const me: Command = {
  name: 'me',
  usage: 'me NAME                          set who you are (creates the person if needed)',
  options: ['json'],
  positionals: 1,
  fields: { name: 'NAME', id: 'NAME' },
  async run(ctx) {
    const self = await ctx.call('me.set', { name: ctx.positionals[0] ?? '' })
    emit(ctx, self, `You are ${self.name} (#${self.id}).`)
    return EXIT_OK
  },
}
