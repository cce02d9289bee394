import type { Kysely } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_relationship_graph'
import * as m0003 from './0003_introduction_requests'
import * as m0004 from './0004_introduction_workflow'
import * as m0005 from './0005_weekly_review'
import * as m0006 from './0006_imports'
import * as m0007 from './0007_organisations'
import * as m0008 from './0008_learned_from_archives'
import * as m0009 from './0009_outlook_contacts'
import * as m0010 from './0010_archive_tallies'
import * as m0011 from './0011_learned_rejections'
import * as m0012 from './0012_undo_records_follow_their_rows'
import * as m0013 from './0013_contact_spreadsheets'
import * as m0014 from './0014_nudges'
import * as m0015 from './0015_person_links_indexed'
import * as m0016 from './0016_give_back_settled'
import * as m0017 from './0017_person_name_any_case'

export interface Migration {
  version: number
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/** Every schema step in order; a step's version is its position, from 1. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'relationship graph', up: m0002.up },
  { version: 3, name: 'introduction requests', up: m0003.up },
  { version: 4, name: 'introduction workflow', up: m0004.up },
  { version: 5, name: 'weekly review', up: m0005.up },
  { version: 6, name: 'imports', up: m0006.up },
  { version: 7, name: 'organisations', up: m0007.up },
  { version: 8, name: 'learned from archives', up: m0008.up },
  { version: 9, name: 'outlook contacts', up: m0009.up },
  { version: 10, name: 'archive tallies', up: m0010.up },
  { version: 11, name: 'learned rejections', up: m0011.up },
  { version: 12, name: 'undo records follow their rows', up: m0012.up },
  { version: 13, name: 'contact spreadsheets', up: m0013.up },
  { version: 14, name: 'nudges', up: m0014.up },
  { version: 15, name: 'person links indexed', up: m0015.up },
  { version: 16, name: 'give-back settled by a favor', up: m0016.up },
  { version: 17, name: 'person names in any case', up: m0017.up },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
