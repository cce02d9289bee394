#!/usr/bin/env node
// The installed `kith` command: the built CLI (npm run build makes it).
import fs from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!fs.existsSync(cli)) {
  console.error('kith: the app is not built yet: run "npm run build" in the Kith folder.')
  process.exit(1)
}
await import(cli.href)
