/**
 * Packaging: `npm run package` builds the app, then electron-builder makes
 * the installers for the platform it runs on (Linux: AppImage and deb;
 * macOS: dmg; Windows: NSIS). Build each platform on its own OS: the
 * Electron build of better-sqlite3 (native/electron/) is compiled for the
 * machine that runs `npm install`.
 */
import type { Configuration } from 'electron-builder'

const config: Configuration = {
  appId: 'app.kith.desktop',
  productName: 'Kith',
  copyright: 'Copyright © 2026 the Kith authors',
  directories: { output: 'dist', buildResources: 'resources/build' },
  files: [
    'out/**/*',
    '!out/.built',
    'package.json',
    // better-sqlite3's JavaScript only: its native file for Node is not Electron's.
    '!node_modules/better-sqlite3/{build,deps,src}/**/*',
  ],
  // The better-sqlite3 binary compiled for Electron, where src/main/native-binding.ts looks for it.
  extraResources: [{ from: 'native/electron', to: 'native', filter: ['better_sqlite3.node'] }],
  asar: true,
  // Our own native build is used; electron-builder must not rebuild (or download headers).
  npmRebuild: false,
  nodeGypRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The page loads from app:// (src/main/app-protocol.ts), so file:// needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'An offline personal CRM for warm introductions',
    maintainer: 'Kith <hello@kith.invalid>',
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  publish: null,
}

export default config
