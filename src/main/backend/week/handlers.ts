import type { Handler } from '../handlers'
import { readSuggestionSettings, readWeekly, writeSuggestionSettings, writeWeekly } from '../settings/service'
import { actOnSuggestion, confirmKnown, favorStandings, nudges, weekView } from './service'

export const weeklyHandlers = {
  'week.get': ((args, backend) => weekView(backend, args.week)) satisfies Handler<'week.get'>,
  'suggestions.act': ((args, backend) => actOnSuggestion(backend, args.id, args.action, args.strength)) satisfies Handler<'suggestions.act'>,
  'suggestions.confirmKnown': (async (args, backend) => {
    await confirmKnown(backend, args.a, args.b, args.strength)
    return { a: args.a, b: args.b }
  }) satisfies Handler<'suggestions.confirmKnown'>,
  'reciprocity.get': (async (_args, backend) => {
    const standings = await favorStandings(backend)
    return { standings, nudges: await nudges(backend, standings) }
  }) satisfies Handler<'reciprocity.get'>,
  'settings.weekly.get': ((_args, backend) => readWeekly(backend)) satisfies Handler<'settings.weekly.get'>,
  'settings.weekly.set': ((args, backend) => writeWeekly(backend, args)) satisfies Handler<'settings.weekly.set'>,
  'settings.suggestions.get': ((_args, backend) => readSuggestionSettings(backend)) satisfies Handler<'settings.suggestions.get'>,
  'settings.suggestions.set': ((args, backend) => writeSuggestionSettings(backend, args)) satisfies Handler<'settings.suggestions.set'>,
}
