// Takes the screenshots in docs/screens/: every page of the app, a person and an
// introduction, at 1280x840, in light and in dark, on a fresh copy of the sample network.
// Run with `npm run screens` (builds first when the sources changed). Not part of the tests.
import { chromium } from '@playwright/test'
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { root } from './electron.mjs'
import { buildIfStale } from './build-if-stale.mjs'

const cliPath = path.join(root, 'out', 'main', 'cli.js')
const outDir = path.join(root, 'docs', 'screens')
const viewport = { width: 1280, height: 840 }

function chromiumExecutable() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

/** Starts `kith serve` on the data folder; resolves with its address (token included) and the process. */
function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, '--data', dataDir, 'serve', '--port', '0', '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`kith serve did not start:\n${output}`)), 20_000)
    const onData = (chunk) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output)
      if (match !== null) {
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

function heading(page, name) {
  return page.getByRole('heading', { level: 2, name })
}

async function goTo(page, label) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) }).click()
  await heading(page, label).waitFor()
}

/** Lets fonts, transitions and late requests settle before a picture. */
async function settle(page) {
  await page.evaluate(() => globalThis.document.fonts.ready)
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400)
}

async function shoot(page, name, scheme) {
  await settle(page)
  const file = path.join(outDir, `${name}-${scheme}.png`)
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
  console.log(`  ${path.relative(root, file)}`)
}

/** Each picture: its file name and how to get there from wherever the previous one left off. */
const SHOTS = [
  { name: 'people', open: (page) => goTo(page, 'People') },
  {
    name: 'person',
    open: async (page) => {
      // The due follow-ups notice showed on People; after that it would cover every picture.
      await page.getByRole('button', { name: 'Dismiss' }).first().click({ timeout: 5_000 }).catch(() => undefined)
      await goTo(page, 'People')
      await page.getByRole('textbox', { name: 'Search' }).fill('Kenji Tanaka')
      await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /^Kenji Tanaka/ }).click()
      await heading(page, 'Kenji Tanaka').waitFor()
    },
  },
  {
    name: 'paths',
    open: async (page) => {
      await goTo(page, 'Find a path')
      const picker = page.getByRole('combobox', { name: 'Person to meet' }).or(page.getByRole('textbox', { name: 'Person to meet' })).first()
      await picker.click()
      await picker.fill('Kenji Tanaka')
      await page.getByRole('option', { name: /^Kenji Tanaka/ }).first().click()
      await page.getByRole('img', { name: /^The top paths: / }).waitFor()
    },
  },
  { name: 'introductions', open: (page) => goTo(page, 'Introductions') },
  {
    name: 'introduction',
    open: async (page) => {
      await goTo(page, 'Introductions')
      await page.getByRole('table', { name: 'Introductions' }).getByRole('row').nth(1).getByRole('button').first().click()
      await page.waitForURL(/#\/introductions\/\d+$/)
      await heading(page, /./).waitFor()
    },
  },
  { name: 'week', open: (page) => goTo(page, 'This week') },
  { name: 'reciprocity', open: (page) => goTo(page, 'Reciprocity') },
  { name: 'organisations', open: (page) => goTo(page, 'Organisations') },
  {
    name: 'network',
    open: async (page) => {
      await goTo(page, 'Network map')
      // The layout is finished when it offers to arrange again (software WebGL draws slowly).
      await page.getByRole('button', { name: 'Arrange again' }).waitFor({ timeout: 90_000 })
    },
  },
  { name: 'import', open: (page) => goTo(page, 'Import & export') },
  { name: 'settings', open: (page) => goTo(page, 'Settings') },
  {
    name: 'review',
    // Last, so the people it adds are in no other picture: a small mailbox read as `kith import` reads it.
    open: async (page, dataDir) => {
      const mailbox = path.join(root, 'src', 'main', 'backend', 'imports', 'archive', 'fixtures', 'warm-intro.mbox')
      // The second scheme's run finds it read already and adds nothing.
      execFileSync(process.execPath, [cliPath, '--data', dataDir, 'import', mailbox, '--my-address', 'me@home.org'], { stdio: 'ignore' })
      await goTo(page, 'Review')
    },
  },
]

async function main() {
  const only = process.argv.slice(2)
  buildIfStale()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-screens-'))
  let server = null
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    execFileSync(process.execPath, [cliPath, '--data', dataDir, 'demo'], { stdio: 'ignore' })
    server = await startServer(dataDir)
    fs.mkdirSync(outDir, { recursive: true })
    for (const scheme of ['light', 'dark']) {
      console.log(`${scheme}:`)
      const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' })
      // The app's own choice (Settings → Appearance), set before it starts.
      await context.addInitScript((value) => localStorage.setItem('kith.colorScheme', value), scheme)
      const page = await context.newPage()
      page.setDefaultTimeout(30_000)
      await page.goto(server.url)
      await heading(page, 'People').waitFor()
      for (const shot of SHOTS) {
        if (only.length > 0 && !only.includes(shot.name)) continue
        await shot.open(page, dataDir)
        await shoot(page, shot.name, scheme)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    server?.child.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
