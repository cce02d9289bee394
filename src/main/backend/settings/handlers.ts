import type { Handler } from '../handlers'
import { readArchiveSettings, readSuggestionSettings, writeArchiveSettings, readWeekly, writeScoring, writeSuggestionSettings, writeWeekly } from './service'
import { readScoring } from './stored'

export const settingsHandlers = {
  'settings.scoring.get': ((_args, backend) => readScoring(backend)) satisfies Handler<'settings.scoring.get'>,
  'settings.scoring.set': ((args, backend) => writeScoring(backend, args)) satisfies Handler<'settings.scoring.set'>,
  'settings.scoring.reset': ((_args, backend) => writeScoring(backend, null)) satisfies Handler<'settings.scoring.reset'>,
  'settings.weekly.get': ((_args, backend) => readWeekly(backend)) satisfies Handler<'settings.weekly.get'>,
  'settings.weekly.set': ((args, backend) => writeWeekly(backend, args)) satisfies Handler<'settings.weekly.set'>,
  'settings.suggestions.get': ((_args, backend) => readSuggestionSettings(backend)) satisfies Handler<'settings.suggestions.get'>,
  'settings.suggestions.set': ((args, backend) => writeSuggestionSettings(backend, args)) satisfies Handler<'settings.suggestions.set'>,
  'settings.archive.get': ((_args, backend) => readArchiveSettings(backend)) satisfies Handler<'settings.archive.get'>,
  'settings.archive.set': ((args, backend) => writeArchiveSettings(backend, args)) satisfies Handler<'settings.archive.set'>,
}
