import fs from 'node:fs'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { sealPage } from './src/main/page-seal'

/**
 * The built page allows its scripts by hash: once the renderer is written,
 * each script tag gets the `integrity` of its file on disk and the page a
 * Content-Security-Policy meta tag listing exactly those hashes
 * (src/main/page-seal.ts). The page must be one script file: a module it
 * imported would carry no hash of its own, and the policy would refuse it.
 * The dev server needs inline scripts for hot reload, so only builds get it.
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
        input: { index: 'src/main/index.ts', cli: 'src/main/cli.ts' },
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
    build: {
      rollupOptions: { input: 'src/renderer/index.html' },
    },
  },
})
