/**
 * In-app navigation on react-router's hash history: every place has an address
 * (lib/routes.ts), reload stays put, and Back/Forward work from the browser's
 * buttons, the mouse's side buttons, Alt+Left/Right and, on macOS, Cmd+[ and Cmd+].
 */
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react'
import { HashRouter, useLocation, useNavigate } from 'react-router'
import { HOME, parseRoute, routePath, type Route } from './routes'

export type { Route } from './routes'

interface Nav {
  route: Route
  /** Moves to a route; `replace` changes the current entry instead of adding one (a page's filters, say). */
  go: (route: Route, options?: { replace?: boolean }) => void
  back: () => void
  canGoBack: boolean
}

const NavContext = createContext<Nav | null>(null)

/** Where the last page visited is kept, for the desktop app to reopen it (see main.tsx). */
export const LAST_PAGE_KEY = 'kith.lastPage'

const isMac = typeof navigator !== 'undefined' && /Macintosh|iPhone|iPad/.test(navigator.userAgent)
const isWindows = typeof navigator !== 'undefined' && /Windows/.test(navigator.userAgent)

/** react-router keeps each entry's position in the session history; 0 is where the app started. */
function historyIndex(): number {
  const state: unknown = window.history.state
  if (typeof state === 'object' && state !== null && 'idx' in state && typeof state.idx === 'number') return state.idx
  return 0
}

/** -1 for "back", 1 for "forward", 0 for any other key. */
export function historyStep(key: { key: string; altKey: boolean; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean }, mac: boolean): -1 | 0 | 1 {
  if (key.shiftKey || key.ctrlKey) return 0
  if (mac) {
    if (!key.metaKey || key.altKey) return 0
    return key.key === '[' ? -1 : key.key === ']' ? 1 : 0
  }
  if (!key.altKey || key.metaKey) return 0
  return key.key === 'ArrowLeft' ? -1 : key.key === 'ArrowRight' ? 1 : 0
}

function Navigation({ children, sideButtons }: { children: ReactNode; sideButtons: boolean }): ReactNode {
  const location = useLocation()
  const navigate = useNavigate()
  const parsed = useMemo(() => parseRoute(location.pathname, location.search), [location.pathname, location.search])
  const here = `${location.pathname}${location.search}`

  useEffect(() => {
    if (parsed === null) void navigate(routePath(HOME), { replace: true })
    else localStorage.setItem(LAST_PAGE_KEY, here)
  }, [parsed, here, navigate])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const step = historyStep(event, isMac)
      if (step === 0 || event.defaultPrevented) return
      event.preventDefault()
      void navigate(step)
    }
    // Browsers move through history on the mouse's side buttons themselves; the desktop
    // app does not (on Windows its main process hears them as app commands instead).
    const onMouse = (event: MouseEvent): void => {
      if (!sideButtons || (event.button !== 3 && event.button !== 4)) return
      event.preventDefault()
      void navigate(event.button === 3 ? -1 : 1)
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('mouseup', onMouse)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('mouseup', onMouse)
    }
  }, [navigate, sideButtons])

  const go = useCallback(
    (route: Route, options?: { replace?: boolean }) => {
      const path = routePath(route)
      if (path !== here) void navigate(path, { replace: options?.replace === true })
    },
    [navigate, here],
  )
  const back = useCallback(() => void navigate(-1), [navigate])
  // Read on each render: every move through history renders with its new location.
  const canGoBack = historyIndex() > 0
  const value = useMemo<Nav>(() => ({ route: parsed ?? HOME, go, back, canGoBack }), [parsed, go, back, canGoBack])
  return <NavContext.Provider value={value}>{children}</NavContext.Provider>
}

/** The router and the app's navigation; `desktop` handles the mouse's side buttons itself. */
export function NavProvider({ children, desktop }: { children: ReactNode; desktop: boolean }): ReactNode {
  return (
    <HashRouter>
      <Navigation sideButtons={desktop && !isWindows}>{children}</Navigation>
    </HashRouter>
  )
}

export function useNav(): Nav {
  const nav = useContext(NavContext)
  if (nav === null) throw new Error('useNav outside NavProvider')
  return nav
}
