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
 * `operators` (account names) are made with the console's CLI (`npm run server:admin --
 * create-operator`) before the server starts; their one-time setup paths are returned.
 *
 * `importFiles` (absolute paths) are imported with the operator's CLI (`npm run server:import`)
 * together with the sample content before the server starts — how a journey shows that an
 * operator's data file (a subsidy or toll override) reaches the resident's screen.
 */
export async function startAppServer({ root, staticDir, importFiles = [], operators = [] }) {
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
  const setupPaths = {}
  for (const account of operators) {
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', 'create-operator', account], {
      cwd: join(root, 'server'),
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, ...storeEnv },
    })
    const link = /\/admin\/#\/setup\/[A-Za-z0-9_-]+/.exec(made.stdout ?? '')
    if (made.status !== 0 || !link) throw new Error(`server:admin create-operator ${account} exited with ${made.status}: ${made.stdout}`)
    setupPaths[account] = link[0]
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
    setupPaths,
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

