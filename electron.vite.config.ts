import fs from 'node:fs'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { sealPage } from './src/main/page-seal'

/** A worker the page starts: Vite names the file after its source, `*.worker.ts`. */
const WORKER_FILE = /^assets\/[\w-]+\.worker-[\w-]+\.js$/

/**
 * The built page allows its scripts by hash: once the renderer is written,
 * the page gets an import map pinning every script module of the build (the
 * entry and one chunk per page, loaded on first visit) to the hash of its
 * file on disk, its script tag the entry's `integrity`, and a
 * Content-Security-Policy meta tag listing exactly those hashes
 * (src/main/page-seal.ts). A module whose bytes differ is refused.
 * The one other kind of script is a worker (`new Worker(new URL('./x.worker.ts',
 * import.meta.url))`), allowed by the policy's `worker-src 'self'`: Vite
 * builds each worker into one file of its own, and any other script file
 * in the build stops it. The dev server needs inline scripts for hot
 * reload, so only builds get it.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kith-csp',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      const modules = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => chunk.fileName)
      const strays = Object.values(bundle).filter((item) => item.type === 'asset' && /\.m?js$/.test(item.fileName) && !WORKER_FILE.test(item.fileName))
      if (strays.length > 0) {
        throw new Error(`The renderer built scripts its policy would not allow: ${strays.map((s) => s.fileName).join(', ')}. Only the page's modules and *.worker.ts workers may run.`)
      }
      const outDir = path.resolve(options.dir ?? 'out/renderer')
      const page = path.join(outDir, 'index.html')
      const sealed = sealPage(fs.readFileSync(page, 'utf8'), modules, (file) => {
        const resolved = path.resolve(outDir, file)
        if (!resolved.startsWith(outDir + path.sep)) throw new Error(`The page's script ${file} is outside the build.`)
        return fs.readFileSync(resolved)
      })
      fs.writeFileSync(page, sealed)
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // Pure JavaScript libraries go into the build: the backend's thread starts by loading its
      // code, and one file loads in a fraction of the time of date-fns's, kysely's and zod's
      // hundreds of modules (docs/architecture.md, "dependencies and devDependencies"). Native and
      // CommonJS ones stay outside.
      externalizeDeps: { exclude: ['date-fns', 'kysely', 'zod', 'fuse.js'] },
      rollupOptions: {
        // The backend's worker thread, and the threads it reads relationships and checks backups on, are files of their own beside
        // index.js and cli.js (src/main/host/threads.ts finds them there).
        input: {
          index: 'src/main/index.ts',
          cli: 'src/main/cli.ts',
          'backend-worker': 'src/main/host/worker.ts',
          'relationship-reader': 'src/main/backend/paths/relationship-reader.ts',
          'integrity-check': 'src/main/backend/db/integrity-thread.ts',
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    publicDir: '../../resources/public',
    plugins: [react(), contentSecurityPolicy()],
    // A worker is one self-contained module file (the seal above allows exactly those).
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        input: 'src/renderer/index.html',
        // zod (the forms' and several pages' checks) is a chunk of its own, loaded with the
        // first page that needs it. Left to itself, Rolldown folds a module that several lazy pages
        // share into the first page's script, since that always loads first; the People page
        // needs no zod (lib/routes.ts and the first-run form say why).
        output: { codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]/ }] } },
      },
      // Pages load their chunk with a plain import(): Vite's preload helper
      // would add <link rel=modulepreload> tags without integrity (which the
      // policy refuses) and its polyfill nothing Chromium needs. One style
      // sheet for all pages, linked from the page, so no chunk loads CSS.
      modulePreload: false,
      cssCodeSplit: false,
      // electron-vite leaves code unminified by default; the page's first
      // load is what the window waits for.
      minify: true,
    },
  },
})
