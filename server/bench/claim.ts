/**
 * `npm run bench:claim -- --engine pglite|postgres|redis [--quota Q --users U --connections C --requests N]`
 *
 * Seeds one batch with a round of quota Q open now and U residents with live sessions, starts
 * the real server (src/main.ts) in a child process on loopback, fires N claims over C kept-alive
 * connections with autocannon (resident i % U, a fresh Idempotency-Key each), then stops the
 * server and checks the record: vouchers per round against the quota (oversold) and per resident
 * against the limit (duplicatePerUser). Prints one JSON line on stdout; progress goes to stderr.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a schema per
 * run, dropped afterwards. Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379), a key prefix
 * per run, deleted afterwards. PGlite: a temporary folder, deleted afterwards. All traffic comes
 * from one IP, so the per-IP limits are lifted for the run; the per-resident limits stay.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { Redis } from 'ioredis'
import { openDb, type Db } from '../src/store/db'
import { migrate } from '../src/store/migrate'
import { dropSchema } from '../src/store/postgres-db'
import { mintSlots } from '../src/store/vouchers'
import { bulkResidents, importBatches, rushBatch } from '../test/helpers/voucher-fixtures'

type Engine = 'pglite' | 'postgres' | 'redis'

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379'
const BATCH_ID = 'bench-rush'

function parseArgs(argv: string[]) {
  const options: Record<string, string> = {}
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--([a-z]+)$/.exec(argv[index])
    if (!match || argv[index + 1] === undefined) throw new Error(`unexpected argument ${argv[index]}`)
    options[match[1]] = argv[(index += 1)]
  }
  const engine = options.engine as Engine
  if (!['pglite', 'postgres', 'redis'].includes(engine)) throw new Error('--engine must be pglite, postgres or redis')
  const number = (name: string, fallback: number) => {
    const value = options[name] === undefined ? fallback : Number(options[name])
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`)
    return value
  }
  const quota = number('quota', 20_000)
  return {
    engine,
    quota,
    users: number('users', quota),
    connections: number('connections', 100),
    requests: number('requests', Math.ceil(quota * 1.1)),
  }
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`)

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const response = await fetch(`${base}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become ready in 60 s')
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const run = randomUUID().replace(/-/g, '').slice(0, 10)
  const schema = `bench_${run}`
  const prefix = `bench-${run}:`
  const usesPostgres = args.engine !== 'pglite'
  const pgliteDir = args.engine === 'pglite' ? await mkdtemp(path.join(tmpdir(), 'qht-bench-')) : null
  const searchPath = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`
  let db: Db | null = null
  let child: ChildProcess | null = null
  try {
    log(`seeding ${args.engine}: quota ${args.quota}, ${args.users} residents`)
    db = usesPostgres
      ? await openDb({ engine: 'postgres', url: DATABASE_URL, schema })
      : await openDb({ engine: 'pglite', dataDir: path.join(pgliteDir!, 'pglite') })
    await migrate(db)
    const now = Date.now()
    const batch = rushBatch(BATCH_ID, now, { quota: args.quota, perRound: 1, perBatch: 1 })
    await importBatches(db, [batch])
    // The whole round is stocked before it opens, as upkeep does for a round about to open.
    await mintSlots(db, BATCH_ID, 'r1', args.quota)
    const residents = await bulkResidents(db, args.users)
    await db.close()
    db = null

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      STATIC_DIR: '',
      SEED_SAMPLE: 'never',
      LOG_LEVEL: 'warn',
      REDEMPTION_SECRET: 'bench-only-secret-bench-only-secret',
      RATE_LIMIT_IP_PER_MINUTE: '100000000',
      CLAIM_RATE_LIMIT_IP_PER_10S: '100000000',
      ...(pgliteDir ? { DATA_DIR: pgliteDir } : { DATABASE_URL: `${DATABASE_URL}${searchPath}` }),
      ...(args.engine === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
    }
    if (pgliteDir) delete env.DATABASE_URL
    if (args.engine !== 'redis') delete env.REDIS_URL
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : []
    child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    })
    await waitReady(base, child)
    await fetch(`${base}/api/v1/batches/${BATCH_ID}`)
    log(`server ready on ${base}; ${args.requests} claims over ${args.connections} connections`)

    let sent = 0
    const result = await autocannon({
      url: base,
      connections: args.connections,
      amount: args.requests,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/batches/${BATCH_ID}/claims`,
          setupRequest: (request: Record<string, unknown>) => {
            const index = sent
            sent += 1
            const resident = residents[index % residents.length]
            return {
              ...request,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${resident.token}`,
                'idempotency-key': `bench-${run}-${index}`,
              },
              body: '{}',
            }
          },
        },
      ],
    })

    if (args.engine === 'redis') {
      // The gate answered at once; wait for the stream writer to put every claim in PostgreSQL.
      const redis = new Redis(REDIS_URL)
      const taken = Number(await redis.get(`${prefix}{${BATCH_ID}}:taken:r1`))
      redis.disconnect()
      const check = await openDb({ engine: 'postgres', url: DATABASE_URL, schema })
      for (let attempt = 0; attempt < 600; attempt += 1) {
        const [{ n }] = await check.query<{ n: number }>('select count(*)::int as n from vouchers where batch_id = $1', [BATCH_ID])
        if (n >= taken) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      await check.close()
    }
    await stop(child)
    child = null

    db = usesPostgres
      ? await openDb({ engine: 'postgres', url: DATABASE_URL, schema })
      : await openDb({ engine: 'pglite', dataDir: path.join(pgliteDir!, 'pglite') })
    const [record] = await db.query<{ claimed: number; slots_used: number; max_slot: number; over_limit: number }>(
      `select (select count(*)::int from vouchers where batch_id = $1) as claimed,
              (select count(voucher_id)::int from voucher_slots where batch_id = $1) as slots_used,
              (select coalesce(max(slot), 0)::int from voucher_slots where batch_id = $1) as max_slot,
              (select count(*)::int from (select owner_id from vouchers where batch_id = $1 group by owner_id having count(*) > $2) as extra) as over_limit`,
      [BATCH_ID, batch.limits.perBatch],
    )
    const status = (code: number) => (result.statusCodeStats as Record<string, { count: number }>)[String(code)]?.count ?? 0
    const answered201 = status(201)
    const expected = status(201) + status(409)
    const errors = result.errors + result.timeouts + (result.requests.total - expected)
    const seconds = result.duration
    console.log(
      JSON.stringify({
        engine: args.engine,
        requests: result.requests.total,
        claimsPerSec: Math.round(record.claimed / seconds),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        claimed: record.claimed,
        quota: args.quota,
        oversold: Math.max(0, record.claimed - args.quota, record.max_slot - args.quota),
        duplicatePerUser: record.over_limit,
        errors,
        requestsPerSec: Math.round(result.requests.total / seconds),
        answeredClaimed: answered201,
        answeredConflict: status(409),
        durationSec: Number(seconds.toFixed(2)),
        connections: args.connections,
        users: args.users,
      }),
    )
    if (answered201 !== record.claimed) log(`warning: ${answered201} answers said CLAIMED but ${record.claimed} vouchers are stored`)
  } finally {
    if (child) await stop(child)
    if (db) await db.close()
    if (usesPostgres) await dropSchema(DATABASE_URL, schema).catch((error) => log(`could not drop ${schema}: ${String(error)}`))
    if (args.engine === 'redis') {
      const redis = new Redis(REDIS_URL)
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
        if (keys.length > 0) await redis.unlink(...keys)
        cursor = next
      } while (cursor !== '0')
      redis.disconnect()
    }
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
