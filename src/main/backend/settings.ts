import { DEFAULT_WEEKLY, weeklySettings, type WeeklySettings } from '../../shared/schemas'
import { DEFAULT_SCORING, scoringSettings, type ScoringSettings } from '../../shared/scoring'
import type { Backend } from './backend'

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
