/** Small formatters more than one command prints with. */
import type { TableCounts } from '../../shared/types'

export function countsLine(counts: TableCounts): string {
  return `${counts.people} people, ${counts.relationships} relationships, ${counts.interactions} interactions, ${counts.favors} favors`
}

export { formatBytes } from '../../shared/format'
