/** Small formatters more than one command prints with. */
import type { TableCounts } from '../../shared/types'

export function countsLine(counts: TableCounts): string {
  return `${counts.people} people, ${counts.relationships} relationships, ${counts.interactions} interactions, ${counts.favors} favors`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
