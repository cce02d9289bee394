import type Database from 'better-sqlite3'
import type { z } from 'zod'
import { DEFAULT_SCORING, scoringSettings, type ScoringSettings } from '../../../shared/scoring'

/**
 * Where settings are kept: the setting table of the open database. Only the
 * connection is needed, so the backend's state can read the scoring settings
 * it caches without importing the services that take the whole backend.
 */
export interface SettingStore {
  readonly sqlite: Database.Database
}

/** A setting read back through its schema: the fallback when nothing is stored, or what is stored no longer fits. */
export function readSetting<S extends z.ZodType>(store: SettingStore, key: string, schema: S, fallback: z.output<S>): z.output<S> {
  const row = store.sqlite.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(key)
  if (row === undefined) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeSetting(store: SettingStore, key: string, value: unknown): void {
  store.sqlite.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
}

export const SCORING_KEY = 'scoring'

/** The user's scoring settings, or the defaults (also when what is stored no longer fits). */
export function readScoring(store: SettingStore): ScoringSettings {
  return readSetting(store, SCORING_KEY, scoringSettings, DEFAULT_SCORING)
}
