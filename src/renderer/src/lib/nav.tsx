import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { PageId } from '../pages'

export type Route =
  | { page: PageId }
  | { page: 'person'; id: number }
  | { page: 'introduction'; id: number }
  /** The people list filtered by a tag (say, everyone one import brought in). */
  | { page: 'people'; tag: string }

interface Nav {
  route: Route
  go: (route: Route) => void
  back: () => void
  canGoBack: boolean
}

const NavContext = createContext<Nav | null>(null)

/** In-app navigation with a history, so "Back" returns to where the user was. */
export function NavProvider({ children }: { children: ReactNode }): ReactNode {
  const [stack, setStack] = useState<Route[]>([{ page: 'people' }])
  const go = useCallback((route: Route) => {
    setStack((s) => [...s.slice(-50), route])
  }, [])
  const back = useCallback(() => {
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s))
  }, [])
  const value = useMemo<Nav>(
    () => ({ route: stack[stack.length - 1] ?? { page: 'people' }, go, back, canGoBack: stack.length > 1 }),
    [stack, go, back],
  )
  return <NavContext.Provider value={value}>{children}</NavContext.Provider>
}

export function useNav(): Nav {
  const nav = useContext(NavContext)
  if (nav === null) throw new Error('useNav outside NavProvider')
  return nav
}
