import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

interface DataVersion {
  /** Changes after every write; pass it to useApi so views reload. */
  version: number
  changed: () => void
}

const Context = createContext<DataVersion | null>(null)

export function DataVersionProvider({ children }: { children: ReactNode }): ReactNode {
  const [version, setVersion] = useState(0)
  const changed = useCallback(() => setVersion((v) => v + 1), [])
  const value = useMemo(() => ({ version, changed }), [version, changed])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useDataVersion(): DataVersion {
  const value = useContext(Context)
  if (value === null) throw new Error('useDataVersion outside DataVersionProvider')
  return value
}
