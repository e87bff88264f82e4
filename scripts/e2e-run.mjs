#!/usr/bin/env node
/**
 * npm run test:e2e — builds the H5 app, starts the real server on loopback and runs the journeys in
 * e2e/*.test.mjs (node:test, one file at a time: two cores, one Chromium at once).
 *
 * E2E_SKIP_BUILD=1 reuses dist/h5 (and admin/dist when present); E2E_BASE_URL points the journeys at an already running app;
 * E2E_ONLY=name1,name2 runs only e2e/name1.test.mjs, e2e/name2.test.mjs.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { startAppServer } from './lib/app-server.mjs'

const root = new URL('..', import.meta.url).pathname
const distH5 = join(root, 'dist/h5')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`)
  process.exit(1)
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (!process.env.E2E_SKIP_BUILD) {
  run('npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production', TARO_APP_API_BASE: '', TARO_APP_DEV_LOGIN: 'true' })
}
// The operators' console (admin/dist), served by the same server at /admin/.
if (!process.env.E2E_SKIP_BUILD || !existsSync(join(root, 'admin/dist/index.html'))) {
  const build = spawnSync('npx', ['vite', 'build'], { cwd: join(root, 'admin'), stdio: 'inherit', env: process.env })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const app = process.env.E2E_BASE_URL ? { url: process.env.E2E_BASE_URL, close: async () => undefined } : await startAppServer({ root, staticDir: distH5 })
const files = readdirSync(join(root, 'e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
  // E2E_ONLY=etc,search runs just those journeys (while working on one feature).
  .filter((name) => !process.env.E2E_ONLY || process.env.E2E_ONLY.split(',').some((only) => name.startsWith(`${only}.`)))
  .map((name) => join('e2e', name))
console.info(`e2e: ${files.length} journey files against ${app.url}`)

const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: app.url, CHROMIUM_PATH: chromium },
})
child.on('exit', async (code) => {
  await app.close()
  process.exit(code ?? 1)
})
