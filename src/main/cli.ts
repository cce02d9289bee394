#!/usr/bin/env node
/** The `kith` command line: the same dispatch as the app, from a terminal. */
import { runCli } from './cli/run'

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  untilStopped,
})
