import { DEFAULT_ARCHIVE_SETTINGS, archiveSettings, type ArchiveSettings } from '../../../shared/imports'
import { DEFAULT_WEEKLY, weeklySettings, type WeeklySettings } from '../../../shared/schemas'
import type { ScoringSettings } from '../../../shared/scoring'
import { DEFAULT_SUGGESTION_SETTINGS, suggestionSettings, type SuggestionSettings } from '../../../shared/suggestions'
import type { BackendState } from '../state'
import { SCORING_KEY, readScoring, readSetting, writeSetting } from './stored'
import { normalizeLabel } from '../people/records'

export async function writeScoring(backend: BackendState, settings: ScoringSettings | null): Promise<ScoringSettings> {
  await backend.writeSync('scoring', () => {
    if (settings === null) backend.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(SCORING_KEY)
    else writeSetting(backend, SCORING_KEY, settings)
  })
  return readScoring(backend)
}

const WEEKLY_KEY = 'weekly'

/** When the weekly review is announced. */
export function readWeekly(backend: BackendState): WeeklySettings {
  return readSetting(backend, WEEKLY_KEY, weeklySettings, DEFAULT_WEEKLY)
}

export async function writeWeekly(backend: BackendState, settings: WeeklySettings): Promise<WeeklySettings> {
  await backend.writeSync('nothing', () => writeSetting(backend, WEEKLY_KEY, settings))
  return readWeekly(backend)
}

const SUGGESTIONS_KEY = 'suggestions'

/** What counts as a gain in the weekly suggestions: interests and complementary roles. */
export function readSuggestionSettings(backend: BackendState): SuggestionSettings {
  return readSetting(backend, SUGGESTIONS_KEY, suggestionSettings, DEFAULT_SUGGESTION_SETTINGS)
}

/** Whether the user has stored their own (the defaults apply until then). */
export function hasSuggestionSettings(backend: BackendState): boolean {
  return backend.sqlite.prepare('SELECT 1 FROM setting WHERE key = ?').get(SUGGESTIONS_KEY) !== undefined
}

/** The first of the items with the same key. */
function firstOf<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Stores them, each interest and each pair of roles once (compared case-insensitively). */
export async function writeSuggestionSettings(backend: BackendState, settings: SuggestionSettings): Promise<SuggestionSettings> {
  const tidy: SuggestionSettings = {
    interests: firstOf(settings.interests, normalizeLabel),
    complementaryRoles: firstOf(settings.complementaryRoles, (p) => [normalizeLabel(p.a), normalizeLabel(p.b)].sort().join('\u0000')),
  }
  await backend.writeSync('nothing', () => writeSetting(backend, SUGGESTIONS_KEY, tidy))
  return readSuggestionSettings(backend)
}

const ARCHIVE_KEY = 'archive'

/** The user's own addresses and whether subjects are kept, for learning from mail and calendars. */
export function readArchiveSettings(backend: BackendState): ArchiveSettings {
  return readSetting(backend, ARCHIVE_KEY, archiveSettings, DEFAULT_ARCHIVE_SETTINGS)
}

/** Stores them, each address once. */
export function writeArchiveSettings(backend: BackendState, settings: ArchiveSettings): ArchiveSettings {
  writeSetting(backend, ARCHIVE_KEY, { ...settings, myAddresses: [...new Set(settings.myAddresses)] })
  return readArchiveSettings(backend)
}
