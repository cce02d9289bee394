import { compareCodeUnits } from '../../../shared/text'
import { foldText } from '../search/normalize'

/**
 * People to name as help: the strongest tie to me first, then by name as
 * the People list orders names (folded), then by id; each person once (at
 * their strongest). The same rows always give the same list.
 */
export function byStrengthThenName<T extends { id: number; name: string; strength: number }>(rows: readonly T[]): T[] {
  const sorted = rows
    .map((row) => ({ row, sortName: foldText(row.name) }))
    .sort((a, b) => b.row.strength - a.row.strength || compareCodeUnits(a.sortName, b.sortName) || a.row.id - b.row.id)
  const seen = new Set<number>()
  const out: T[] = []
  for (const { row } of sorted) {
    if (seen.has(row.id)) continue
    seen.add(row.id)
    out.push(row)
  }
  return out
}
