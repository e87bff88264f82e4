/**
 * The console is served by the API server at /admin (hash routes, so a reload of any page works
 * behind it). It imports the shared rules from ../src/domain, which resolve zod and dayjs from the
 * repository's own node_modules: one copy of each, as the server uses.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: {
      zod: path.join(root, 'node_modules/zod'),
      dayjs: path.join(root, 'node_modules/dayjs'),
    },
  },
  server: { fs: { allow: [root] }, proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
})
