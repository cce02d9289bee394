import { useEffect } from 'react'

/**
 * The window's title (the desktop app's title bar, the browser's tab, what a screen reader
 * announces on a new page): "People – Kith", "Vera Walsh – Kith". The shell names each page of
 * the navigation; a person's and an introduction's pages name themselves once loaded.
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = `${title} – Kith`
  }, [title])
}
