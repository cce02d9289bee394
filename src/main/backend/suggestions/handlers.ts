import type { Handler } from '../handlers'
import { actOnSuggestion, confirmKnown, reopenSuggestion, unconfirmKnown } from './service'

export const suggestionHandlers = {
  'suggestions.act': ((args, backend) => actOnSuggestion(backend, args.id, args.action, args.strength)) satisfies Handler<'suggestions.act'>,
  'suggestions.reopen': ((args, backend) => reopenSuggestion(backend, args.id, args.relationshipId, args.strength)) satisfies Handler<'suggestions.reopen'>,
  'suggestions.confirmKnown': (async (args, backend) => {
    const relationshipId = await confirmKnown(backend, args.a, args.b, args.strength)
    return { a: args.a, b: args.b, relationshipId }
  }) satisfies Handler<'suggestions.confirmKnown'>,
  'suggestions.unconfirmKnown': (async (args, backend) => {
    await unconfirmKnown(backend, args.relationshipId, args.a, args.b, args.strength)
    return { removed: true as const }
  }) satisfies Handler<'suggestions.unconfirmKnown'>,
}
