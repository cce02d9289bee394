/** `kith doctor`: checks the database and says what it found. */
import type { DoctorReport } from '../../../shared/types'
import { EXIT_FAILURE, EXIT_OK, emit, type Command } from '../common'
import { countsLine } from '../format'

export const doctor: Command = {
  name: 'doctor',
  usage: `doctor                           check the database: integrity, foreign keys, schema, counts`,
  options: ['json'],
  positionals: 0,
  async run(ctx) {
    const report: DoctorReport = await ctx.call('doctor', {})
    const lines = [
      `Data folder:    ${report.dataDir}`,
      `Database:       ${report.dbPath}`,
      `Schema:         ${report.schemaVersion} (this Kith: ${report.appSchemaVersion})`,
      `SQLite:         ${report.sqliteVersion}, journal ${report.journalMode}`,
      `Integrity:      ${report.integrity.join('; ')}`,
      `Foreign keys:   ${report.foreignKeyProblems.length === 0 ? 'ok' : `${report.foreignKeyProblems.length} problems`}`,
      `Contents:       ${countsLine(report.counts)}`,
      `Stored values:  ${report.storedValueProblems.length === 0 ? 'ok' : `${report.storedValueProblems.length} do not fit`}`,
      ...report.storedValueProblems.map((p) => `  ${p.table}.${p.column} row ${p.rowid}: ${p.problem}`),
      report.ok ? 'All good.' : 'Problems found: restore a backup with "kith restore FILE".',
    ]
    emit(ctx, report, lines.join('\n'))
    return report.ok ? EXIT_OK : EXIT_FAILURE
  },
}
