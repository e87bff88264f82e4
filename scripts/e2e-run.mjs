#!/usr/bin/env node
/**
 * npm run test:e2e — builds the H5 app, serves it on loopback and runs the browser journeys in
 * e2e/*.test.mjs (node:test, one file at a time: two cores, one Chromium at once).
 *
 * E2E_SKIP_BUILD=1 reuses dist/h5; E2E_BASE_URL points the journeys at an already running app.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { readFile } from 'node:fs/promises'

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

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' }

async function startStaticServer() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(distH5, path === '/' ? 'index.html' : path)
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }
}

const app = process.env.E2E_BASE_URL ? { url: process.env.E2E_BASE_URL, close: () => undefined } : await startStaticServer()
const files = readdirSync(join(root, 'e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
  .map((name) => join('e2e', name))
console.info(`e2e: ${files.length} journey files against ${app.url}`)

const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: app.url, CHROMIUM_PATH: chromium },
})
child.on('exit', (code) => {
  app.close()
  process.exit(code ?? 1)
})
