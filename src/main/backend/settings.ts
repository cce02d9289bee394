import { DEFAULT_WEEKLY, weeklySettings, type WeeklySettings } from '../../shared/schemas'
import { DEFAULT_SCORING, scoringSettings, type ScoringSettings } from '../../shared/scoring'
import { DEFAULT_SUGGESTION_SETTINGS, suggestionSettings, type SuggestionSettings } from '../../shared/suggestions'
import type { Backend } from './backend'
import { normalizeLabel } from './people/records'

const SCORING_KEY = 'scoring'

/** The user's scoring settings, or the defaults (also when what is stored no longer fits). */
export function readScoring(backend: Backend): ScoringSettings {
  const row = backend.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(SCORING_KEY) as { value: string } | undefined
  if (row === undefined) return DEFAULT_SCORING
  try {
    const parsed = scoringSettings.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : DEFAULT_SCORING
  } catch {
    return DEFAULT_SCORING
  }
}

export function writeScoring(backend: Backend, settings: ScoringSettings | null): ScoringSettings {
  backend.invalidateScoring()
  if (settings === null) backend.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(SCORING_KEY)
  else {
    backend.sqlite
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(SCORING_KEY, JSON.stringify(settings))
  }
  return readScoring(backend)
}

const WEEKLY_KEY = 'weekly'

/** When the weekly review is announced. */
export function readWeekly(backend: Backend): WeeklySettings {
  const row = backend.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(WEEKLY_KEY) as { value: string } | undefined
  if (row === undefined) return DEFAULT_WEEKLY
  try {
    const parsed = weeklySettings.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : DEFAULT_WEEKLY
  } catch {
    return DEFAULT_WEEKLY
  }
}

export function writeWeekly(backend: Backend, settings: WeeklySettings): WeeklySettings {
  backend.sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(WEEKLY_KEY, JSON.stringify(settings))
  return readWeekly(backend)
}

const SUGGESTIONS_KEY = 'suggestions'

/** What counts as a gain in the weekly suggestions: interests and complementary roles. */
export function readSuggestionSettings(backend: Backend): SuggestionSettings {
  const row = backend.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(SUGGESTIONS_KEY) as { value: string } | undefined
  if (row === undefined) return DEFAULT_SUGGESTION_SETTINGS
  try {
    const parsed = suggestionSettings.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : DEFAULT_SUGGESTION_SETTINGS
  } catch {
    return DEFAULT_SUGGESTION_SETTINGS
  }
}

/** Whether the user has stored their own (the defaults apply until then). */
export function hasSuggestionSettings(backend: Backend): boolean {
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
export function writeSuggestionSettings(backend: Backend, settings: SuggestionSettings): SuggestionSettings {
  const tidy: SuggestionSettings = {
    interests: firstOf(settings.interests, normalizeLabel),
    complementaryRoles: firstOf(settings.complementaryRoles, (p) => [normalizeLabel(p.a), normalizeLabel(p.b)].sort().join('\u0000')),
  }
  backend.sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(SUGGESTIONS_KEY, JSON.stringify(tidy))
  return readSuggestionSettings(backend)
}
