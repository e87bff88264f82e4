#!/usr/bin/env node
/**
 * npm run test:e2e — builds the H5 app, starts the real server on loopback and runs the journeys in
 * e2e/*.test.mjs (node:test, one file at a time: two cores, one Chromium at once).
 *
 * E2E_SKIP_BUILD=1 reuses dist/h5; E2E_BASE_URL points the journeys at an already running app.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

/**
 * The real server (embedded PGlite in a fresh temporary data folder, sample content imported)
 * serving dist/h5 and the API on one loopback port — the same thing `npm start` runs.
 */
async function startAppServer() {
  const port = await new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address()
      probe.close(() => resolve(free))
    })
  })
  const dataDir = mkdtempSync(join(tmpdir(), 'qht-e2e-data-'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(root, 'server'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: distH5, SEED_SAMPLE: 'if-empty', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`)
    try {
      if ((await fetch(`${url}/readyz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true })
          resolve()
        })
        server.kill('SIGTERM')
      }),
  }
}

const app = process.env.E2E_BASE_URL ? { url: process.env.E2E_BASE_URL, close: async () => undefined } : await startAppServer()
const files = readdirSync(join(root, 'e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
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
