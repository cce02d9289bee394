/** `kith serve`: browser mode on 127.0.0.1. */
import { startAutoBackups } from '../../backend/backup/auto'
import { KithError } from '../../backend/errors'
import { LOGIN_CODE_TTL_MS, findRendererDir, startServer } from '../../serve'
import { EXIT_OK, UsageError, type Command } from '../common'
import { openBrowser } from '../open-browser'

export const serve: Command = {
  name: 'serve',
  usage: `serve [--port N] [--no-open]     browser mode on 127.0.0.1`,
  options: ['port', 'no-open'],
  positionals: 0,
  async run(ctx) {
    const portText = typeof ctx.values.port === 'string' ? ctx.values.port : '0'
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}".`)
    const staticDir = findRendererDir()
    if (staticDir === null) {
      throw new KithError('not_found', 'The renderer is not built: run "npm run build" (npm run serve does it for you).')
    }
    const server = await startServer({ backend: ctx.backend, staticDir, port })
    const stopBackups = startAutoBackups(ctx.backend, (message) => ctx.io.err(`kith serve: the automatic backup failed: ${message}`))
    // The full address, token included, goes only to this terminal (the user's own output).
    ctx.io.out(`Kith browser mode: ${server.url}`)
    ctx.io.out(`Data folder: ${ctx.backend.dataDir}. Press Ctrl+C to stop.`)
    const closeOpener = ctx.values['no-open'] === true ? () => undefined : openBrowser(server.loginUrl(), ctx.backend.dataDir, ctx.io, LOGIN_CODE_TTL_MS)
    await (ctx.io.untilStopped?.() ?? new Promise<void>(() => undefined))
    closeOpener()
    stopBackups()
    await server.close()
    return EXIT_OK
  },
}
