import type { Kysely } from 'kysely'
import * as m0001 from './0001_foundation'

export interface Migration {
  version: number
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/** Every schema step in order; a step's version is its position, from 1. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'foundation', up: m0001.up }]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
