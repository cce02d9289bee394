import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createPrivateFile } from '../backend/files'
import type { CliIo } from './common'

/** The page serve leaves for the browser, in the data folder, readable by the owner only. */
export const OPENER_FILE_NAME = 'open-browser-mode.html'

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function openerPage(loginUrl: string): string {
  const target = htmlAttribute(loginUrl)
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${target}">`,
    '<title>Opening Kith…</title></head>',
    `<body><p>Opening Kith… If nothing happens, <a href="${target}">open Kith</a>.</p></body></html>`,
    '',
  ].join('\n')
}

/**
 * Opens the browser on Kith without putting a secret on any command line:
 * a process's arguments show in every user's process list. The one-time
 * sign-in address goes into a small page in the data folder that only the
 * user can read (the folder is 0700, the file 0600); the launcher is given
 * that file's name. The page forwards to the sign-in address, whose code the
 * server exchanges once for the token. The file is removed once the code can
 * no longer be used, or when `stop` is called.
 */
export function openBrowser(loginUrl: string, dataDir: string, io: CliIo, ttlMs: number): () => void {
  const file = path.join(dataDir, OPENER_FILE_NAME)
  const remove = (): void => {
    try {
      fs.rmSync(file, { force: true })
    } catch {
      // Already gone, or the folder went away with it.
    }
  }
  remove()
  try {
    createPrivateFile(file, 'the page that opens browser mode')
    fs.writeFileSync(file, openerPage(loginUrl))
  } catch (err) {
    remove()
    io.err(`kith serve: could not open the browser (${err instanceof Error ? err.message : String(err)}); open the address above.`)
    return () => undefined
  }
  const timer = setTimeout(remove, ttlMs)
  timer.unref()
  const target = pathToFileURL(file).href
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [target]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', file]]
        : ['xdg-open', [target]]
  if (io.launch !== undefined) {
    io.launch(cmd, args)
  } else {
    try {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true })
      child.on('error', () => undefined)
      child.unref()
    } catch {
      // No browser opener here: the printed URL is enough.
    }
  }
  return () => {
    clearTimeout(timer)
    remove()
  }
}
