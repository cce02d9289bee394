/**
 * Two answers every cached call asks for, kept so that asking costs next to
 * nothing: today's date, and whether another process has committed.
 */
import { addDays, format, startOfDay } from 'date-fns'
import type Database from 'better-sqlite3'
import { pragmaNumber } from './db/pragma'

/**
 * Today as YYYY-MM-DD in the machine's time zone, worked out once a day (a
 * change of the machine's time zone while Kith runs shows from the next day).
 */
export class LocalDay {
  private day: { text: string; from: number; to: number } | null = null

  of(now: Date): string {
    const at = now.getTime()
    const day = this.day
    if (day !== null && at >= day.from && at < day.to) return day.text
    // Where a clock change skips midnight the day starts at 01:00; the next one still starts at its midnight.
    const from = startOfDay(now)
    this.day = { text: format(now, 'yyyy-MM-dd'), from: from.getTime(), to: startOfDay(addDays(from, 1)).getTime() }
    return this.day.text
  }
}

/**
 * SQLite's data_version, read once per turn of the event loop. It changes
 * only when another process commits, and the caches all ask for it (a path
 * search asks three times). A commit by another process during one
 * synchronous run of this thread is seen from the next turn on, as if it
 * had come a moment later.
 */
export class DataVersionPerTurn {
  private known: { sqlite: Database.Database; value: number } | null = null

  read(sqlite: Database.Database): number {
    const known = this.known
    if (known !== null && known.sqlite === sqlite) return known.value
    const value = pragmaNumber(sqlite, 'data_version')
    this.known = { sqlite, value }
    queueMicrotask(() => {
      this.known = null
    })
    return value
  }
}
