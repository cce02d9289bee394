/**
 * The schema every step leaves behind, against a reviewed snapshot
 * (`schema.snapshot.json`). A change to a step that has shipped, or a new
 * step, changes the snapshot: run `npx vitest run -u` on this file and review
 * the diff with the change.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp'
import { connect, freshDb, migrateTo, schemaShape, type SchemaShape } from '../../testing/migrations'
import { openDatabase } from '../open'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '.'

/** One file taken through every step, each step on a new connection, as a user upgrading Kith one release at a time. */
async function stepByStep(): Promise<SchemaShape[]> {
  const file = freshDb().file
  const shapes: SchemaShape[] = []
  for (const step of MIGRATIONS) {
    const handle = connect(file)
    await migrateTo(handle, step.version)
    shapes.push(schemaShape(handle.sqlite))
    handle.sqlite.close()
  }
  return shapes
}

describe('the schema', () => {
  it('numbers its steps 1, 2, 3… in order, each with a name', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    for (const m of MIGRATIONS) expect(m.name.trim()).not.toBe('')
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  it('after each step is the one in the reviewed snapshot', async () => {
    const shapes = await stepByStep()
    const byVersion = Object.fromEntries(shapes.map((shape) => [String(shape.userVersion), shape]))
    await expect(`${JSON.stringify(byVersion, null, 2)}\n`).toMatchFileSnapshot('./schema.snapshot.json')
  })

  it('is the same whether a file is migrated step by step or in one go', async () => {
    const steps = await stepByStep()
    const oneGo = freshDb()
    await migrateTo(oneGo, LATEST_SCHEMA_VERSION)
    expect(schemaShape(oneGo.sqlite)).toEqual(steps.at(-1))
  })

  it('of a new data folder opened by Kith is the latest one', async () => {
    const dir = tempDir()
    const opened = await openDatabase(path.join(dir, 'kith.sqlite'), { backupDir: path.join(dir, 'backups'), quickCheckBudgetMs: 0 })
    try {
      expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      const oneGo = freshDb()
      await migrateTo(oneGo, LATEST_SCHEMA_VERSION)
      expect(schemaShape(opened.sqlite)).toEqual(schemaShape(oneGo.sqlite))
    } finally {
      opened.sqlite.close()
    }
  })
})
