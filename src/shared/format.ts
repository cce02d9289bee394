/**
 * Words for numbers the user reads on every door: the page, the CLI and the
 * backend's own explanations phrase sizes and elapsed days the same way.
 */

/**
 * "1,200": a whole number with its thousands grouped, as `toLocaleString('en')`
 * writes it, without loading the locale's data for it: that costs about 25 ms
 * the first time, and the limits in the contract's messages are written when
 * the backend starts.
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en')
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')
  return n < 0 ? `-${digits}` : digits
}

/** "1 new person", "2 new people", "1,200 interactions": a count with the noun in the right number (plural adds "s" unless given). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`
}

/** "512 B", "3.4 KB", "12.0 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Under this many days a date reads in days ("59 days ago"), from here on in months. */
export const DAYS_BEFORE_MONTHS = 60
/** From this many days on a date reads in years. */
export const DAYS_BEFORE_YEARS = 730

/** "today", "yesterday", "12 days ago", "5 months ago", "3 years ago"; a negative count is "in the future". */
export function daysAgo(days: number): string {
  if (days < 0) return 'in the future'
  if (days === 0) return 'today'
  if (days === 1) return 'yesterday'
  if (days < DAYS_BEFORE_MONTHS) return `${days} days ago`
  if (days < DAYS_BEFORE_YEARS) return `${Math.round(days / 30.4)} months ago`
  return `${Math.round(days / 365)} years ago`
}
