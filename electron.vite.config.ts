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
 * each script tag gets the `integrity` of its file on disk and the page a
 * Content-Security-Policy meta tag listing exactly those hashes
 * (src/main/page-seal.ts). The page must be one script file: a module it
 * imported would carry no hash of its own, and the policy would refuse it.
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
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk')
      if (chunks.length !== 1) {
        throw new Error(`The renderer must build to one script (its policy lists scripts by hash), not ${chunks.length}: avoid dynamic import() in src/renderer.`)
      }
      const strays = Object.values(bundle).filter((item) => item.type === 'asset' && /\.m?js$/.test(item.fileName) && !WORKER_FILE.test(item.fileName))
      if (strays.length > 0) {
        throw new Error(`The renderer built scripts its policy would not allow: ${strays.map((s) => s.fileName).join(', ')}. Only the page's one script and *.worker.ts workers may run.`)
      }
      const outDir = path.resolve(options.dir ?? 'out/renderer')
      const page = path.join(outDir, 'index.html')
      const sealed = sealPage(fs.readFileSync(page, 'utf8'), (src) => {
        const file = path.resolve(outDir, src.replace(/^\//, ''))
        if (!file.startsWith(outDir + path.sep)) throw new Error(`The page's script ${src} is outside the build.`)
        return fs.readFileSync(file)
      })
      fs.writeFileSync(page, sealed)
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The backend's worker thread is a file of its own beside index.js and cli.js (src/main/host/).
        input: { index: 'src/main/index.ts', cli: 'src/main/cli.ts', 'backend-worker': 'src/main/host/worker.ts' },
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
      rollupOptions: { input: 'src/renderer/index.html' },
    },
  },
})
