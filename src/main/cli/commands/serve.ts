/** `kith serve`: browser mode on 127.0.0.1, with the backend on its own thread. */
import { KithError } from '../../backend/errors'
import { BackendHost } from '../../host/host'
import { LOGIN_CODE_TTL_MS, findRendererDir, startServer } from '../../serve'
import { EXIT_OK, UsageError, type HostCommand } from '../common'
import { openBrowser } from '../open-browser'

/** How often the backend looks for follow-ups that fell due. */
const DUE_TASK_CHECK_MS = 60_000

export const serve: HostCommand = {
  name: 'serve',
  usage: `serve [--port N] [--no-open]     browser mode on 127.0.0.1`,
  options: ['port', 'no-open'],
  positionals: 0,
  host: true,
  async run(ctx) {
    const portText = typeof ctx.values.port === 'string' ? ctx.values.port : '0'
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}".`)
    const staticDir = findRendererDir()
    if (staticDir === null) {
      throw new KithError('not_found', 'The renderer is not built: run "npm run build" (npm run serve does it for you).')
    }
    // The database is opened, backed up and watched on the backend's own thread; this one serves HTTP.
    const host = await BackendHost.start({ dataDir: ctx.dataDir, autoBackups: true, dueTaskCheckMs: DUE_TASK_CHECK_MS })
    try {
      const damaged = 'kith: Kith found damage in your data and changes nothing until it is repaired. See "kith doctor"; save what can be read with "kith export FILE", or "kith restore FILE".'
      if (host.damaged) ctx.io.err(damaged)
      host.onEvent((event) => {
        if (event.kind === 'backup.failed') ctx.io.err(`kith serve: the automatic backup failed: ${event.message}`)
        // Found after opening: by the check the warm-up runs, or by a call.
        if (event.kind === 'damage.found') ctx.io.err(`${damaged} (${event.problems.join('; ')})`)
      })
      const server = await startServer({ backend: host, staticDir, port })
      // The full address, token included, goes only to this terminal (the user's own output).
      ctx.io.out(`Kith browser mode: ${server.url}`)
      ctx.io.out(`Data folder: ${host.dataDir}. Press Ctrl+C to stop.`)
      const closeOpener = ctx.values['no-open'] === true ? () => undefined : openBrowser(server.loginUrl(), host.dataDir, ctx.io, LOGIN_CODE_TTL_MS)
      await (ctx.io.untilStopped?.() ?? new Promise<void>(() => undefined))
      closeOpener()
      await server.close()
    } finally {
      await host.close()
    }
    return EXIT_OK
  },
}
