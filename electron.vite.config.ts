import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './src/shared/csp'

/**
 * The built page carries its Content-Security-Policy in a meta tag, because
 * the desktop app loads it from a file (no response headers). The dev server
 * needs inline scripts for hot reload, so only builds get it.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kith-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
        injectTo: 'head-prepend',
      },
    ],
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
