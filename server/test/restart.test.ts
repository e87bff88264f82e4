/**
 * The real processes: `npm start`'s script with a stand-in H5 build, on a file-backed PGlite.
 * Data survives a graceful restart (SIGTERM), the sample is imported only into an empty store,
 * and migrations on reopen apply nothing. `npm start` is the demo and says so; the server started
 * alone on the same store (`npm --prefix server start`) has no development sign-in and refuses
 * the demo's sessions (issue 16).
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { openDb } from '../src/store/db'
import { migrate } from '../src/store/migrate'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let dir: string

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qht-restart-'))
  await mkdir(path.join(dir, 'h5'))
  await writeFile(path.join(dir, 'h5', 'index.html'), '<!doctype html><title>衢惠通 H5 stand-in</title>')
})
after(() => rm(dir, { recursive: true, force: true }))

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function startApp(port: number): Promise<{ child: ChildProcess; output: () => string; base: string }> {
  let output = ''
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), STATIC_DIR: path.join(dir, 'h5'), LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (!output.includes('衢惠通已启动')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { child, output: () => output, base }
}

/** `npm --prefix server start` on the same store: the server alone, not the demo. */
async function startServerAlone(port: number): Promise<{ child: ChildProcess; base: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), STATIC_DIR: '', LOG_LEVEL: 'warn', DATABASE_URL: '' }
  delete env.DEMO_MODE
  delete env.SEED_SAMPLE
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: path.join(repoRoot, 'server'), env, stdio: ['ignore', 'ignore', 'inherit'] })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the server alone did not start')
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  return exited
}

test('npm start serves H5 and the API on one port; data survives a graceful restart', { timeout: 120_000 }, async () => {
  const port = await freePort()
  const first = await startApp(port)
  let token: string
  let batchCount: number
  try {
    assert.match(first.output(), new RegExp(`http://127.0.0.1:${port}/`))
    const page = await fetch(`${first.base}/`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /H5 stand-in/)
    const login = await fetch(`${first.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '重启测试' }) })
    token = ((await login.json()) as { data: { token: string } }).data.token
    batchCount = ((await (await fetch(`${first.base}/api/v1/batches?state=all`)).json()) as { data: unknown[] }).data.length
    assert.ok(batchCount > 0, 'the sample was imported into the empty store')
  } finally {
    const code = await stop(first.child)
    assert.equal(code, 0, first.output())
  }
  assert.match(first.output(), /shutting down/)
  assert.match(first.output(), /演示模式/, 'the banner says it is the demo')

  const second = await startApp(port)
  try {
    const me = await fetch(`${second.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    assert.equal(me.status, 200, 'the session survived the restart')
    assert.equal(((await me.json()) as { data: { user: { devName: string } } }).data.user.devName, '重启测试')
    assert.equal(((await (await fetch(`${second.base}/api/v1/batches?state=all`)).json()) as { data: unknown[] }).data.length, batchCount)
    assert.ok(!second.output().includes('sample content imported'), 'the sample is not imported again')
  } finally {
    assert.equal(await stop(second.child), 0)
  }

  const alone = await startServerAlone(port)
  try {
    const dev = await fetch(`${alone.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '重启测试', role: 'operator' }) })
    assert.equal(dev.status, 404, 'no development sign-in without demo mode')
    const me = await fetch(`${alone.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    assert.equal(me.status, 401, "the demo's session is refused")
  } finally {
    assert.equal(await stop(alone.child), 0)
  }

  const db = await openDb({ engine: 'pglite', dataDir: path.join(dir, 'data', 'pglite') })
  try {
    assert.deepEqual(await migrate(db), [], 'reopening applies no migration')
    const [{ count }] = await db.query<{ count: number }>('select count(*)::int as count from content_imports')
    assert.equal(count, 1)
  } finally {
    await db.close()
  }
})
