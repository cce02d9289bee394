/**
 * How the startup bench opens Kith: as the desktop app and browser mode do,
 * through the backend host. The database opens on the host's worker thread
 * (the built one, as users run it), and its caches warm there in the
 * background; this thread only sends calls and reads answers.
 */
import path from 'node:path'
import { KithError } from '../src/main/backend/errors'
import { BackendHost } from '../src/main/host/host'

export interface StartupBackend {
  /** A call through the one dispatch; its data, or its error thrown. */
  call(method: string, args: unknown): Promise<unknown>
  close(): Promise<void>
}

/** The built worker (`npm run build`); the startup section builds it first when stale. */
export const BUILT_WORKER = path.join(import.meta.dirname, '..', 'out', 'main', 'backend-worker.js')

export async function openForStartup(dataDir: string): Promise<StartupBackend> {
  // The probe runs under tsx; the built worker starts without it, as in the app.
  const host = await BackendHost.start({ dataDir, workerFile: BUILT_WORKER, workerExecArgv: [] })
  return {
    async call(method, args) {
      const res = await host.dispatch(method, args)
      if (!res.ok) throw KithError.from(res.error)
      return res.data
    },
    close: () => host.close(),
  }
}
