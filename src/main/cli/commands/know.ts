/** `kith know A B`: who knows whom, and how well. */
import { CONFIDENCES, RELATIONSHIP_KINDS, strengthWord } from '../../../shared/vocab'
import { EXIT_OK, emit, oneOf, required, texts, wholeNumber, type Command } from '../common'

export const know: Command = {
  name: 'know',
  usage: 'know A B --strength 1-5 [--context TEXT]... [--kind K] [--confidence firsthand|believed|inferred]',
  options: ['json', 'strength', 'context', 'kind', 'confidence'],
  positionals: 2,
  fields: { a: 'A', b: 'B', strength: '--strength', kind: '--kind', confidence: '--confidence', contexts: '--context' },
  async run(ctx) {
    const [aRef, bRef] = ctx.positionals
    const strength = required(wholeNumber(ctx.values, 'strength'), 'strength')
    const a = await ctx.person(aRef ?? '')
    const b = await ctx.person(bRef ?? '')
    const record = await ctx.call('relationships.set', {
      a: a.id,
      b: b.id,
      strength,
      kind: oneOf(ctx.values, 'kind', RELATIONSHIP_KINDS) ?? 'other',
      confidence: oneOf(ctx.values, 'confidence', CONFIDENCES) ?? 'firsthand',
      contexts: texts(ctx.values, 'context') ?? [],
    })
    emit(ctx, record, `${record.updated ? 'Updated' : 'Recorded'}: ${record.a.name} and ${record.b.name} - ${strengthWord(record.strength)} (${record.strength}/5).`)
    return EXIT_OK
  },
}
