import { sql, type Kysely } from 'kysely'

/**
 * The relationship graph: full profiles, emails and labels (tags, needs,
 * offers) in their own tables so they can be looked up, employment history,
 * the details of who knows whom, interactions and favors.
 *
 * Lists that are only ever read with their person (aliases, phones,
 * relationship contexts) are JSON arrays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE person ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))`,
    sql`ALTER TABLE person ADD COLUMN phones TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones))`,
    sql`ALTER TABLE person ADD COLUMN location TEXT`,
    sql`ALTER TABLE person ADD COLUMN notes TEXT`,
    sql`ALTER TABLE person ADD COLUMN how_we_met TEXT`,
    sql`ALTER TABLE person ADD COLUMN introduced_by_id INTEGER REFERENCES person (id) ON DELETE SET NULL`,
    sql`ALTER TABLE person ADD COLUMN linkedin_url TEXT`,
    sql`ALTER TABLE person ADD COLUMN website TEXT`,
    sql`ALTER TABLE person ADD COLUMN archived_at TEXT`,
    sql`CREATE INDEX person_introduced_by ON person (introduced_by_id)`,

    sql`CREATE TABLE person_email (
      person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      email TEXT NOT NULL CHECK (length(email) > 0),
      email_norm TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (person_id, email_norm)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX person_email_lookup ON person_email (email_norm)`,

    sql`CREATE TABLE person_label (
      person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('tag', 'need', 'offer')),
      label TEXT NOT NULL CHECK (length(label) > 0),
      label_norm TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (person_id, kind, label_norm)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX person_label_lookup ON person_label (kind, label_norm)`,

    sql`CREATE TABLE employment (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      company TEXT NOT NULL CHECK (length(trim(company)) > 0),
      title TEXT,
      start_date TEXT,
      end_date TEXT,
      CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
    )`,
    sql`CREATE INDEX employment_person ON employment (person_id)`,

    sql`ALTER TABLE relationship ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
      CHECK (kind IN ('colleague', 'friend', 'family', 'classmate', 'investor', 'client', 'other'))`,
    sql`ALTER TABLE relationship ADD COLUMN confidence TEXT NOT NULL DEFAULT 'firsthand'
      CHECK (confidence IN ('firsthand', 'believed', 'inferred'))`,
    sql`ALTER TABLE relationship ADD COLUMN source TEXT NOT NULL DEFAULT 'entered'
      CHECK (source IN ('entered', 'imported'))`,
    sql`ALTER TABLE relationship ADD COLUMN contexts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contexts))`,
    sql`ALTER TABLE relationship ADD COLUMN since TEXT`,

    sql`CREATE TABLE interaction (
      id INTEGER PRIMARY KEY,
      occurred_on TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'message', 'event', 'other')),
      note TEXT,
      with_me INTEGER NOT NULL DEFAULT 1 CHECK (with_me IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX interaction_date ON interaction (occurred_on)`,
    sql`CREATE TABLE interaction_person (
      interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      PRIMARY KEY (interaction_id, person_id)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX interaction_person_person ON interaction_person (person_id)`,

    sql`CREATE TABLE favor (
      id INTEGER PRIMARY KEY,
      giver_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      receiver_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      occurred_on TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('introduction', 'advice', 'referral', 'help', 'gift', 'other')),
      size TEXT NOT NULL CHECK (size IN ('small', 'medium', 'large')),
      note TEXT,
      introduction_id INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (giver_id <> receiver_id)
    )`,
    sql`CREATE INDEX favor_giver ON favor (giver_id)`,
    sql`CREATE INDEX favor_receiver ON favor (receiver_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
