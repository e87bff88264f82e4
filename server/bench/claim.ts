/**
 * `npm run bench:claim -- --engine pglite|postgres|redis [--quota Q --users U --connections C --requests N --client lean|autocannon --warmup W --processes P] [--with-floor] [--force]`
 *
 * Seeds one batch with a round of quota Q (default 20,000) open now and U residents (default Q)
 * with live sessions, analyzes the store (as autovacuum would have), starts the real server
 * (src/main.ts, production mode) in a child process on loopback, fires N claims (default 1.1 × Q)
 * over C kept-alive connections (default 100; resident i % U, a fresh Idempotency-Key each) with
 * the lean load generator of load.ts (default) or autocannon, then stops the server and checks the
 * record: vouchers per round against the quota (oversold) and per resident against the limit
 * (duplicatePerUser). claimsPerSec is the vouchers in the store over the wall time from the first
 * request to the last answer; with Redis, recordedPerSec also counts the writer's lag. Besides the
 * client's latency it reports the CPU milliseconds per stored claim of the server process (all its
 * threads), the load generator, Redis, PostgreSQL and the whole machine (which includes anyone
 * else's work). --warmup W first claims W vouchers of another batch by W other residents, not
 * measured (default 5,000, as bench:floor warms its servers; 0: the rush meets a cold server).
 * Prints one JSON line on stdout; progress goes to stderr. --processes P starts the server with
 * SERVER_PROCESSES=P (a supervisor and P server processes on one port; PostgreSQL or Redis only)
 * and counts the CPU of all of them as the server's; the claims start once every process listens.
 * BENCH_SERVER_NODE_ARGS adds node flags to the server (e.g. --cpu-prof),
 * BENCH_SERVER_STDOUT=<file> keeps its stdout.
 *
 * Honesty (issue 20): it prints the load average at the start and refuses to run when it is over
 * 0.6 unless --force (load1Before is in the line either way); the rate is timed from the first
 * request to the last answer. --with-floor first runs bench:floor's node:http + claim script
 * (`--kind node-redis`, the same requests and connections) and prints it beside the claim run with
 * the ratio claimsPerSec / floor requestsPerSec: run it three times for interleaved pairs.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a schema per
 * run, dropped afterwards. Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379), a key prefix
 * per run, deleted afterwards. PGlite: a temporary folder, deleted afterwards. All traffic comes
 * from one IP, so the per-IP limits are lifted for the run; the per-resident limits stay.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { openSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { Redis } from 'ioredis'
import { SessionSigner } from '../src/auth/signed-session'
import { openDb, type Db } from '../src/store/db'
import { migrate } from '../src/store/migrate'
import { dropSchema } from '../src/store/postgres-db'
import { mintSlots } from '../src/store/vouchers'
import { bulkResidents, importBatches, rushBatch } from '../test/helpers/voucher-fixtures'
import { machineCpuMs, postgresCpuMs, postgresDelta, processTreeCpuMs, redisCpuMs } from './cpu'
import {
  ALL_LISTENING,
  checkQuiet,
  freePort,
  parseFlags,
  productionServerEnv,
  purgeRedisPrefix,
  stopChild,
  waitForLine,
  waitReady,
} from './harness'
import { TEMPLATES_ENV } from '../test/helpers/reminders'
import { runLoad } from './load'

type Engine = 'pglite' | 'postgres' | 'redis'

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379'
const BATCH_ID = 'bench-rush'
const SESSION_KEY_SECRET = 'bench-only-session-key-secret-bench-only'
const WARMUP_BATCH_ID = 'bench-warmup'

function parseArgs(argv: string[]) {
  const options = parseFlags(argv, ['with-floor', 'force'])
  const engine = options.engine as Engine
  if (!['pglite', 'postgres', 'redis'].includes(engine)) throw new Error('--engine must be pglite, postgres or redis')
  const number = (name: string, fallback: number) => {
    const value = options[name] === undefined ? fallback : Number(options[name])
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`)
    return value
  }
  const quota = number('quota', 20_000)
  const client = (options.client ?? 'lean') as 'lean' | 'autocannon'
  if (!['lean', 'autocannon'].includes(client)) throw new Error('--client must be lean or autocannon')
  return {
    engine,
    client,
    quota,
    users: number('users', quota),
    connections: number('connections', 100),
    requests: number('requests', Math.ceil(quota * 1.1)),
    // The same warm-up as bench:floor's (issue 20, honesty: a ratio of a warm floor to a cold claim
    // server measured V8 compiling the claim path, not the claim path); --warmup 0 for a cold server.
    warmup: options.warmup === '0' ? 0 : number('warmup', 5_000),
    processes: number('processes', 1),
    withFloor: options['with-floor'] === 'true',
    force: options.force === 'true',
  }
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`)

interface CpuSnapshot {
  server: number | null
  bench: NodeJS.CpuUsage
  redis: number | null
  postgres: Map<number, number>
  machine: { busy: number; total: number } | null
}

async function cpuSnapshot(serverPid: number, engine: Engine): Promise<CpuSnapshot> {
  return {
    server: processTreeCpuMs(serverPid),
    bench: process.cpuUsage(),
    redis: engine === 'redis' ? await redisCpuMs(REDIS_URL) : null,
    postgres: engine === 'pglite' ? new Map() : postgresCpuMs(),
    machine: machineCpuMs(),
  }
}

interface Shot {
  answered: number
  statusCounts: Record<number, number>
  errors: number
  /** Wall time from the first request to the last answer. */
  durationSec: number
  p50Ms: number
  p99Ms: number
}

type Args = ReturnType<typeof parseArgs>
type Resident = { userId: string; token: string }

/** Resident i mod U, a fresh Idempotency-Key each. */
function claimHeaders(residents: readonly Resident[], run: string, index: number) {
  const resident = residents[index % residents.length]
  return { token: resident.token, key: `bench-${run}-${index}` }
}

async function fireLean(port: number, args: Args, residents: readonly Resident[], run: string, batchId = BATCH_ID): Promise<Shot> {
  const path = `/api/v1/batches/${batchId}/claims`
  const host = `127.0.0.1:${port}`
  const result = await runLoad({
    host: '127.0.0.1',
    port,
    connections: args.connections,
    requests: args.requests,
    timeoutMs: 30_000,
    request: (index) => {
      const { token, key } = claimHeaders(residents, run, index)
      return `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nIdempotency-Key: ${key}\r\nContent-Length: 2\r\n\r\n{}`
    },
  })
  return {
    answered: result.answered,
    statusCounts: result.statusCounts,
    errors: result.errors,
    durationSec: result.durationSec,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
  }
}

async function fireAutocannon(base: string, args: Args, residents: readonly Resident[], run: string): Promise<Shot> {
  let sent = 0
  const started = performance.now()
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
          const { token, key } = claimHeaders(residents, run, sent)
          sent += 1
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body: '{}',
          }
        },
      },
    ],
  })
  const statusCounts: Record<number, number> = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCounts[Number(code)] = count
  return {
    answered: result.requests.total,
    statusCounts,
    errors: result.errors + result.timeouts,
    // autocannon's own duration is counted in whole ticks of its 1 s sampler: measure the wall time.
    durationSec: (performance.now() - started) / 1000,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  }
}

interface FloorLine {
  requestsPerSec: number
  p99Ms: number
  cpuMsPerRequest: Record<string, number | null>
}

/** bench:floor's node:http + claim script with the same load, in a child process; its JSON line. */
async function runFloor(args: Args): Promise<FloorLine> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/floor.ts', '--kind', 'node-redis', '--requests', String(args.requests), '--connections', String(args.connections), '--force'],
    { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout!.on('data', (chunk) => (out += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`bench:floor exited with ${code}`)
  const line = JSON.parse(out.trim().split('\n').pop()!) as FloorLine & { errors: number }
  if (line.errors > 0 || line.requestsPerSec === 0) throw new Error(`bench:floor failed: ${JSON.stringify(line)}`)
  return line
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (args.processes > 1 && args.engine === 'pglite') throw new Error('--processes needs --engine postgres or redis (PGlite lives in one process)')
  const loadAtStart = checkQuiet(args.force, log)
  const floor = args.withFloor ? await runFloor(args) : null
  if (floor) log(`floor (node:http + claim script): ${floor.requestsPerSec}/s, p99 ${floor.p99Ms} ms`)
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
    // Their tokens are what the login gives a resident: signed with the server's key (issue 20).
    const signer = new SessionSigner(SESSION_KEY_SECRET)
    const residents = await bulkResidents(db, args.users, { signer })
    // --warmup W: a batch and W residents of its own, claimed before the rush and not measured.
    const warmupResidents = args.warmup > 0 ? await bulkResidents(db, args.warmup, { signer }) : []
    if (args.warmup > 0) {
      await importBatches(db, [rushBatch(WARMUP_BATCH_ID, now, { quota: args.warmup })])
      await mintSlots(db, WARMUP_BATCH_ID, 'r1', args.warmup)
    }
    // A store that has had its residents and stock for a while has statistics (autovacuum's
    // ANALYZE); one seeded a second ago has none, and its plans would scan whole tables.
    await db.exec('analyze')
    await db.close()
    db = null

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env: NodeJS.ProcessEnv = {
      // info: the supervisor's "all server processes listening" (the claim route logs at warn whatever the level).
      ...productionServerEnv({
        port,
        logLevel: args.processes > 1 ? 'info' : 'warn',
        processes: args.processes,
        sessionKeySecret: SESSION_KEY_SECRET,
        templates: TEMPLATES_ENV,
        name: 'bench',
      }),
      ...(pgliteDir ? { DATA_DIR: pgliteDir } : { DATABASE_URL: `${DATABASE_URL}${searchPath}` }),
      // The shared development Redis keeps no append-only file: the benchmark vouches for it, as an
      // operator would for a managed Redis (production refuses it otherwise; README, "Redis durability").
      ...(args.engine === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix, REDIS_PERSISTENCE_ASSURED: 'true' } : {}),
    }
    if (pgliteDir) delete env.DATABASE_URL
    if (args.engine !== 'redis') delete env.REDIS_URL
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : []
    const keepStdout = process.env.BENCH_SERVER_STDOUT
    child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      // BENCH_SERVER_STDOUT=<file> keeps the server's stdout (e.g. with --trace-gc in BENCH_SERVER_NODE_ARGS).
      stdio: ['ignore', args.processes > 1 ? 'pipe' : keepStdout ? openSync(keepStdout, 'w') : 'ignore', 'inherit'],
      env,
    })
    const allListening = args.processes > 1 ? waitForLine(child, ALL_LISTENING, keepStdout) : null
    await waitReady(base, child)
    if (allListening) await allListening
    await fetch(`${base}/api/v1/batches/${BATCH_ID}`)
    if (args.warmup > 0) {
      log(`warming up: ${args.warmup} claims on ${WARMUP_BATCH_ID} by other residents`)
      await fireLean(port, { ...args, requests: args.warmup }, warmupResidents, `${run}w`, WARMUP_BATCH_ID)
    }
    log(`server ready on ${base}; ${args.requests} claims over ${args.connections} connections`)

    const loadBefore = loadavg()[0]
    const cpuBefore = await cpuSnapshot(child.pid!, args.engine)
    const shot = args.client === 'lean' ? await fireLean(port, args, residents, run) : await fireAutocannon(base, args, residents, run)

    const cpuAtAnswers = await cpuSnapshot(child.pid!, args.engine)
    const answeredAt = performance.now()
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
    // Everything the claims cost, the stream writer's catching up included.
    const cpuAfter = await cpuSnapshot(child.pid!, args.engine)
    const writerLagSec = (performance.now() - answeredAt) / 1000
    await stopChild(child)
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
    const status = (code: number) => shot.statusCounts[code] ?? 0
    const answered201 = status(201)
    // Every claim must be answered 201 or 409 (SOLD_OUT, LIMIT_REACHED): anything else is an error.
    const errors = shot.errors + (shot.answered - status(201) - status(409))
    const seconds = shot.durationSec
    const perClaim = (ms: number | null) => (ms === null || record.claimed === 0 ? null : Number((ms / record.claimed).toFixed(3)))
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a)
    const benchMs = (cpuAtAnswers.bench.user + cpuAtAnswers.bench.system - cpuBefore.bench.user - cpuBefore.bench.system) / 1000
    const machine =
      cpuBefore.machine && cpuAfter.machine
        ? { busy: cpuAfter.machine.busy - cpuBefore.machine.busy, total: cpuAfter.machine.total - cpuBefore.machine.total }
        : null
    process.stdout.write(
      `${JSON.stringify({
        engine: args.engine,
        requests: shot.answered,
        claimsPerSec: Math.round(record.claimed / seconds),
        p50Ms: shot.p50Ms,
        p99Ms: shot.p99Ms,
        claimed: record.claimed,
        quota: args.quota,
        oversold: Math.max(0, record.claimed - args.quota, record.max_slot - args.quota),
        duplicatePerUser: record.over_limit,
        errors,
        requestsPerSec: Math.round(shot.answered / seconds),
        // Claims per second until the last one was in the record (the Redis writer's lag included).
        recordedPerSec: Math.round(record.claimed / (seconds + writerLagSec)),
        answeredClaimed: answered201,
        answeredConflict: status(409),
        durationSec: Number(seconds.toFixed(2)),
        client: args.client,
        warmup: args.warmup,
        processes: args.processes,
        connections: args.connections,
        users: args.users,
        // CPU milliseconds per stored claim: the server process (writer included), the load
        // generator, Redis, PostgreSQL, and the whole machine (others' work included).
        cpuMsPerClaim: {
          server: perClaim(diff(cpuBefore.server, cpuAfter.server)),
          loadGenerator: perClaim(benchMs),
          redis: perClaim(diff(cpuBefore.redis, cpuAfter.redis)),
          postgres: args.engine === 'pglite' ? null : perClaim(postgresDelta(cpuBefore.postgres, cpuAfter.postgres)),
          machine: perClaim(machine?.busy ?? null),
        },
        serverCpuBusy: Number(((diff(cpuBefore.server, cpuAfter.server) ?? 0) / ((seconds + writerLagSec) * 1000)).toFixed(2)),
        machineBusy: machine ? Number((machine.busy / machine.total).toFixed(2)) : null,
        writerLagSec: Number(writerLagSec.toFixed(2)),
        load1Before: Number(loadBefore.toFixed(2)),
        load1AtStart: Number(loadAtStart.toFixed(2)),
        ...(floor
          ? {
              floor: { requestsPerSec: floor.requestsPerSec, p99Ms: floor.p99Ms, cpuMsPerRequest: floor.cpuMsPerRequest },
              ratioToFloor: Number((record.claimed / seconds / floor.requestsPerSec).toFixed(3)),
            }
          : {}),
      })}\n`,
    )
    if (answered201 !== record.claimed) log(`warning: ${answered201} answers said CLAIMED but ${record.claimed} vouchers are stored`)
  } finally {
    if (child) await stopChild(child)
    if (db) await db.close()
    if (usesPostgres) await dropSchema(DATABASE_URL, schema).catch((error) => log(`could not drop ${schema}: ${String(error)}`))
    if (args.engine === 'redis') await purgeRedisPrefix(REDIS_URL, prefix)
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
