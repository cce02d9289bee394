import { DEFAULT_WEEKLY, weeklySettings, type WeeklySettings } from '../../../shared/schemas'
import { DEFAULT_SCORING, scoringSettings, type ScoringSettings } from '../../../shared/scoring'
import { DEFAULT_SUGGESTION_SETTINGS, suggestionSettings, type SuggestionSettings } from '../../../shared/suggestions'
import type { z } from 'zod'
import type { Backend } from '../backend'
import { normalizeLabel } from '../people/records'

/** A setting read back through its schema: the fallback when nothing is stored, or what is stored no longer fits. */
export function readSetting<S extends z.ZodType>(backend: Backend, key: string, schema: S, fallback: z.output<S>): z.output<S> {
  const row = backend.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined
  if (row === undefined) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeSetting(backend: Backend, key: string, value: unknown): void {
  backend.sqlite.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
}

const SCORING_KEY = 'scoring'

/** The user's scoring settings, or the defaults (also when what is stored no longer fits). */
export function readScoring(backend: Backend): ScoringSettings {
  return readSetting(backend, SCORING_KEY, scoringSettings, DEFAULT_SCORING)
}

export function writeScoring(backend: Backend, settings: ScoringSettings | null): ScoringSettings {
  backend.invalidateScoring()
  if (settings === null) backend.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(SCORING_KEY)
  else writeSetting(backend, SCORING_KEY, settings)
  return readScoring(backend)
}

const WEEKLY_KEY = 'weekly'

/** When the weekly review is announced. */
export function readWeekly(backend: Backend): WeeklySettings {
  return readSetting(backend, WEEKLY_KEY, weeklySettings, DEFAULT_WEEKLY)
}

export function writeWeekly(backend: Backend, settings: WeeklySettings): WeeklySettings {
  writeSetting(backend, WEEKLY_KEY, settings)
  return readWeekly(backend)
}

const SUGGESTIONS_KEY = 'suggestions'

/** What counts as a gain in the weekly suggestions: interests and complementary roles. */
export function readSuggestionSettings(backend: Backend): SuggestionSettings {
  return readSetting(backend, SUGGESTIONS_KEY, suggestionSettings, DEFAULT_SUGGESTION_SETTINGS)
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
  writeSetting(backend, SUGGESTIONS_KEY, tidy)
  return readSuggestionSettings(backend)
}
