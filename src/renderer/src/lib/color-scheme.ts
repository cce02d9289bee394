/**
 * The light/dark choice (system, light or dark), kept in the page's localStorage by
 * Mantine's colour scheme manager and applied before React's first render, so a
 * dark choice does not flash white while the app starts.
 */
import { localStorageColorSchemeManager, type MantineColorScheme } from '@mantine/core'

const KEY = 'kith.colorScheme'

export const colorSchemeManager = localStorageColorSchemeManager({ key: KEY })

export const SCHEMES: readonly { value: MantineColorScheme; label: string }[] = [
  { value: 'auto', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/** The scheme to paint: the stored choice, or the system's when it is "auto" or unset. */
export function resolveScheme(stored: string | null, systemDark: boolean): 'light' | 'dark' {
  if (stored === 'light' || stored === 'dark') return stored
  return systemDark ? 'dark' : 'light'
}

/** Sets the attribute Mantine's styles key on, before the first render. */
export function applyStoredScheme(): void {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(KEY)
  } catch {
    // Storage refused (a locked-down browser): the system's choice applies.
  }
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches
  document.documentElement.setAttribute('data-mantine-color-scheme', resolveScheme(stored, systemDark))
}
