/**
 * On Windows a mouse's back and forward buttons reach the window as app commands,
 * not as mouse events in the page: they move through the page's history here.
 * (Elsewhere the page hears the buttons itself; see the renderer's lib/nav.tsx.)
 */
import type { BrowserWindow } from 'electron'

export function wireHistoryButtons(window: BrowserWindow): void {
  window.on('app-command', (event, command) => {
    const history = window.webContents.navigationHistory
    if (command === 'browser-backward' && history.canGoBack()) {
      event.preventDefault()
      history.goBack()
    } else if (command === 'browser-forward' && history.canGoForward()) {
      event.preventDefault()
      history.goForward()
    }
  })
}
