import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The real server (embedded PGlite in a fresh temporary data folder, sample content imported)
 * serving dist/h5 and the API on one loopback port — the same thing `npm start` runs, demo mode
 * (DEMO_MODE=1: the development sign-in the journeys use) included.
 *
 * `importFiles` (absolute paths) are imported with the operator's CLI (`npm run server:import`)
 * together with the sample content before the server starts — how a journey shows that an
 * operator's data file (a subsidy or toll override) reaches the resident's screen.
 */
export async function startAppServer({ root, staticDir, importFiles = [] }) {
  const port = await new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address()
      probe.close(() => resolve(free))
    })
  })
  const dataDir = mkdtempSync(join(tmpdir(), 'qht-e2e-data-'))
  const storeEnv = { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }
  if (importFiles.length > 0) {
    const imported = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', '--sample', ...importFiles], {
      cwd: join(root, 'server'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...storeEnv },
    })
    if (imported.status !== 0) throw new Error(`server:import of ${importFiles.join(', ')} exited with ${imported.status}`)
  }
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(root, 'server'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...storeEnv, HOST: '127.0.0.1', PORT: String(port), STATIC_DIR: staticDir, SEED_SAMPLE: 'if-empty', DEMO_MODE: '1', LOG_LEVEL: 'warn',
      // One browser on loopback opens every page twice in a minute: more than a resident, so the
      // per-IP API limit is raised for test runs only.
      RATE_LIMIT_IP_PER_MINUTE: '20000' },
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

