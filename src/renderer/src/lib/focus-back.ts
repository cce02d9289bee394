import { useState } from 'react'

/** Where the keyboard is now, to come back to later (null when it is on nothing). */
export function focusedNow(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
}

/**
 * As a dialog's last frame fades (its `onExitTransitionEnd`): the keyboard
 * goes back to the control that opened it, or, when that control is gone (a
 * list redrawn by the change, a menu's item), to the page, never to nothing.
 * A dialog that sent the focus somewhere on purpose is left alone.
 */
export function focusBack(opener: HTMLElement | null): void {
  setTimeout(() => {
    if (document.activeElement !== null && document.activeElement !== document.body) return
    const main = document.getElementById('main')
    opener?.focus()
    // Gone, or disabled while its work runs: the page.
    if (document.activeElement !== opener || opener === null || !opener.isConnected) main?.focus()
  }, 0)
}

/** For a dialog drawn as it opens: the control that opened it, and the `onExitTransitionEnd` that goes back to it. */
export function useFocusBack(): () => void {
  const [opener] = useState(focusedNow)
  return () => focusBack(opener)
}
