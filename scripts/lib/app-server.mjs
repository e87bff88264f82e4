import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The real server (embedded PGlite in a fresh temporary data folder, sample content imported)
 * serving dist/h5 and the API on one loopback port — the same thing `npm start` runs.
 */
export async function startAppServer({ root, staticDir }) {
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
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir, SEED_SAMPLE: 'if-empty', LOG_LEVEL: 'warn',
      // One browser on loopback opens every page twice in a minute: more than a resident, so the
      // per-IP API limit is raised for test runs only.
      RATE_LIMIT_IP_PER_MINUTE: '20000', DATABASE_URL: '', REDIS_URL: '' },
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

