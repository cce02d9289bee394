/**
 * One set of specs, two ways to run Kith: the desktop app (Electron) and
 * browser mode (the same renderer served over HTTP). Each test gets a fresh
 * data folder.
 */
import { _electron, test as base, expect, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { electronBinary, projectRoot } from './electron-binary'
import { wreckTable } from './wreck'

export interface KithOptions {
  kithMode: 'browser' | 'electron'
  /**
   * CLI commands run on the data folder before the app opens, e.g. { commands: [['demo']] };
   * then, with `wreck`, one page of that table overwritten, as damage on disk would.
   */
  seed: { commands: string[][]; wreck?: string }
}

const cliPath = path.join(projectRoot, 'out', 'main', 'cli.js')

interface Fixtures {
  dataDir: string
  /** Runs the kith CLI on this test's data folder (before the app opens). */
  kithCli: (...args: string[]) => Promise<string>
  app: Page
  /** Seeds the data folder, then (browser mode) starts the server: its URL, else null. */
  serverUrl: string | null
  /** The desktop app itself (its main process), in the electron project; null in browser mode. */
  electronApp: ElectronApplication | null
}

function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, '--data', dataDir, 'serve', '--port', '0', '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`kith serve did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output)
      if (match?.[1] !== undefined) {
        clearTimeout(timer)
        resolve({ url: match[1], child })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`kith serve exited with ${code}:\n${output}`))
    })
  })
}

interface WorkerFixtures {
  kithMode: 'browser' | 'electron'
  /** Chromium for browser mode; never launched for the Electron project. */
  kithBrowser: Browser | null
}

export const test = base.extend<Fixtures & Pick<KithOptions, 'seed'>, WorkerFixtures>({
  kithMode: ['browser', { option: true, scope: 'worker' }],

  kithBrowser: [
    async ({ kithMode, playwright, launchOptions }, use) => {
      if (kithMode !== 'browser') {
        await use(null)
        return
      }
      const browser = await playwright.chromium.launch(launchOptions)
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],

  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-'))
    await use(dir)
    fs.rmSync(dir, { recursive: true, force: true })
  },

  kithCli: async ({ dataDir }, use) => {
    const run = promisify(execFile)
    await use(async (...args: string[]) => (await run(process.execPath, [cliPath, '--data', dataDir, ...args])).stdout)
  },

  seed: [{ commands: [] }, { option: true }],

  serverUrl: async ({ kithMode, dataDir, seed, kithCli }, use) => {
    for (const command of seed.commands) await kithCli(...command)
    if (seed.wreck !== undefined) wreckTable(path.join(dataDir, 'kith.sqlite'), seed.wreck)
    if (kithMode !== 'browser') {
      await use(null)
      return
    }
    const { url, child } = await startServer(dataDir)
    await use(url)
    child.kill('SIGTERM')
  },

  electronApp: async ({ kithMode, dataDir, serverUrl }, use, testInfo) => {
    if (kithMode === 'browser' || serverUrl !== null) {
      await use(null)
      return
    }
    const binary = electronBinary()
    testInfo.skip(binary === null, 'Electron is not installed on this machine (its download failed during npm install).')
    if (binary === null) return
    const electronApp: ElectronApplication = await _electron.launch({
      executablePath: binary,
      args: [projectRoot, '--data', dataDir],
    })
    await use(electronApp)
    await electronApp.close()
  },

  app: async ({ kithMode, kithBrowser, serverUrl, electronApp }, use) => {
    if (kithMode === 'browser') {
      if (serverUrl === null || kithBrowser === null) throw new Error('browser mode without a server')
      const context = await kithBrowser.newContext()
      const page = await context.newPage()
      await page.goto(serverUrl)
      await use(page)
      await context.close()
      return
    }
    if (electronApp === null) throw new Error('the electron project without the app')
    await use(await electronApp.firstWindow())
  },
})

export { expect }
