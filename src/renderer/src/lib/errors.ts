/** Whatever was thrown, as an Error the page can show (a thrown string keeps its words). */
export function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err))
}

/** Whatever was thrown, as the sentence to show. */
export function errorText(err: unknown): string {
  return asError(err).message
}
