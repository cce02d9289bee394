import type { Handler } from '../handlers'
import { actOnSuggestion, confirmKnown } from './service'

export const suggestionHandlers = {
  'suggestions.act': ((args, backend) => actOnSuggestion(backend, args.id, args.action, args.strength)) satisfies Handler<'suggestions.act'>,
  'suggestions.confirmKnown': (async (args, backend) => {
    const relationshipId = await confirmKnown(backend, args.a, args.b, args.strength)
    return { a: args.a, b: args.b, relationshipId }
  }) satisfies Handler<'suggestions.confirmKnown'>,
}
