/**
 * The command palette's order. An empty query lists recent people, then every action.
 * A query lists the actions it names first (each word typed starts a word of the
 * action: "favor" → "Log a favor", "go set" → "Go to Settings"), then the people
 * search found, then actions that merely contain the text.
 */

export interface PaletteAction {
  id: string
  label: string
  /** More words the action answers to ("theme" for "Use the dark theme"). */
  keywords?: readonly string[]
}

export interface Ranked<A extends PaletteAction> {
  /** Actions named by the query's words: above the people. */
  named: A[]
  /** Actions that only contain the query somewhere: below the people. */
  contains: A[]
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
}

/** Whether every word typed starts some word of the action's label or keywords. */
export function namesAction(query: string, action: PaletteAction): boolean {
  const typed = words(query)
  if (typed.length === 0) return false
  const own = [...words(action.label), ...(action.keywords ?? []).flatMap(words)]
  return typed.every((t) => own.some((w) => w.startsWith(t)))
}

export function rankActions<A extends PaletteAction>(query: string, actions: readonly A[]): Ranked<A> {
  const q = query.trim().toLowerCase()
  if (q === '') return { named: [...actions], contains: [] }
  const named = actions.filter((a) => namesAction(q, a))
  const contains = actions.filter((a) => !named.includes(a) && a.label.toLowerCase().includes(q))
  return { named, contains }
}
