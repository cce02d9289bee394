/**
 * How the startup bench opens Kith: as the desktop app and browser mode do,
 * the backend opened and its caches warming in the background. For now the
 * backend runs in this process; the host that runs it on its own thread
 * takes this function's place, with the same shape.
 */
import { Backend } from '../src/main/backend/backend'
import { KithError } from '../src/main/backend/errors'

export interface StartupBackend {
  /** A call through the one dispatch; its data, or its error thrown. */
  call(method: string, args: unknown): Promise<unknown>
  close(): Promise<void>
}

export async function openForStartup(dataDir: string): Promise<StartupBackend> {
  const backend = await Backend.open({ dataDir })
  void backend.warmUp()
  return {
    async call(method, args) {
      const res = await backend.dispatch(method, args)
      if (!res.ok) throw KithError.from(res.error)
      return res.data
    },
    close: () => backend.close(),
  }
}
