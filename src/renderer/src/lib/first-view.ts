/**
 * When the first page has shown what the user opened Kith for (the People
 * list's first rows, or any page they went to). Work the first view does not
 * need, such as fetching the dialogs' code, waits for it, so the window's
 * first page loads only its own code.
 */
let shown = false
const waiting = new Set<() => void>()

/** Says the first view is on screen; what waited for it runs now (once). */
export function firstViewShown(): void {
  if (shown) return
  shown = true
  const callbacks = [...waiting]
  waiting.clear()
  for (const callback of callbacks) callback()
}

/** Runs `callback` once the first view is on screen (at once if it already is); returns a function that calls it off. */
export function afterFirstView(callback: () => void): () => void {
  if (shown) {
    callback()
    return () => undefined
  }
  waiting.add(callback)
  return () => waiting.delete(callback)
}
