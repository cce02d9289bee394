import { defineConfig } from '@playwright/test'
import fs from 'node:fs'
import type { KithOptions } from './e2e/fixtures'

/** Debian's Chromium when present: Playwright's own browser cannot be downloaded everywhere. */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

export default defineConfig<KithOptions>({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: process.env.CI !== undefined,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'browser',
      use: {
        kithMode: 'browser',
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      use: { kithMode: 'electron' },
    },
  ],
})
