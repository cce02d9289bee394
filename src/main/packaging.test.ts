/**
 * The packaging configuration, as far as this machine can test it: Electron
 * itself cannot be downloaded here, so the app is packed around a stand-in
 * Electron (without fuses, which need the real binary's fuse wire) and the
 * result is inspected.
 */
import { listPackage } from '@electron/asar'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { build, Platform } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import config from '../../electron-builder'
import { tempDir } from './backend/testing/temp'
import { ELECTRON_NATIVE_DIR, NATIVE_FILE, electronNativeBinding } from './native-binding'
import { pinnedModules } from './page-seal'

const root = path.resolve(import.meta.dirname, '..', '..')

describe('packaging', () => {
  it('is a valid electron-builder configuration with the fuses set as docs/security.md says', async () => {
    await validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // The page loads from app://: file:// pages get no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asar).toBe(true)
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.extraResources).toEqual([{ from: ELECTRON_NATIVE_DIR, to: 'native', filter: [NATIVE_FILE] }])
  })

  it('packs the built app into an asar with its runtime libraries, and the Electron build of SQLite beside it', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, stdio: 'ignore' })
    const electron = tempDir()
    fs.writeFileSync(path.join(electron, 'electron'), '#!/bin/sh\n', { mode: 0o755 })
    fs.writeFileSync(path.join(electron, 'version'), 'v45.4.1')
    const native = tempDir()
    fs.writeFileSync(path.join(native, NATIVE_FILE), 'stand-in')
    const output = tempDir()

    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        ...config,
        electronFuses: null,
        electronDist: electron,
        directories: { ...config.directories, output },
        extraResources: [{ from: native, to: 'native', filter: [NATIVE_FILE] }],
      },
    })

    const resources = path.join(output, 'linux-unpacked', 'resources')
    expect(electronNativeBinding('', resources, true)).toBe(path.join(resources, 'native', NATIVE_FILE))
    const files = new Set(listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/')))
    for (const needed of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/main/backend-worker.js',
      '/out/main/relationship-reader.js',
      '/out/main/integrity-check.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/kysely/package.json',
      '/node_modules/csv-parse/package.json',
      '/node_modules/zod/package.json',
    ]) {
      expect(files, needed).toContain(needed)
    }
    // Every script module the sealed page pins (one per page, loaded later) is packed too.
    const page = fs.readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8')
    const pinned = Object.keys(pinnedModules(page))
    expect(pinned.length).toBeGreaterThan(1)
    for (const module of pinned) expect(files, module).toContain(`/out/renderer${module}`)
    const shipped = [...files]
    // No sources, tests or tooling; the renderer's libraries are already in its bundle.
    for (const absent of ['/src/', '/e2e/', '/node_modules/react/', '/node_modules/@mantine/', '/node_modules/electron/', '/node_modules/better-sqlite3/build/', '/out/.built']) {
      expect(shipped.filter((f) => f.startsWith(absent)), absent).toEqual([])
    }
  }, 240_000)
})
