/**
 * `npm run test:fault [-- --scenario all|redis-restart-flush|kill-pglite|kill-postgres|kill-redis --residents R --quota Q --connections C]`
 *
 * The fault test of issue 16 (server/README.md, "Fault test"): a rush of R residents (default
 * 2,500) on a round of Q vouchers (default 2,000), each resident claiming once with one
 * Idempotency-Key and retrying it as the app does (same key; after Retry-After on 503; again on a
 * refused connection or CLAIM_IN_FLIGHT) until a definitive answer, against the real server
 * (src/main.ts, production mode) in a child process, while a fault is played mid-rush:
 *   redis-restart-flush — a private redis-server (own port and folder, appendonly yes, everysec)
 *                         killed with kill -9 at 25% of the answers and restarted on its files,
 *                         then FLUSHALL on it at 60%;
 *   kill-<engine>       — the server process killed with kill -9 at 40% and started again, on
 *                         pglite, postgres, or redis (the private redis-server).
 * Then the checks, each printed with its numbers; the process exits 1 when one fails:
 *   every resident got a definitive answer; 201s = Q and SOLD_OUT = R − Q (no false SOLD_OUT);
 *   the store holds exactly the vouchers answered 201, one per resident (no duplicate);
 *   every 201 was in the store within 5 s (of its answer, or of the fault's end if answered before);
 *   the live counts say claimed + remaining = quota; a sample of wallets (GET /me/vouchers) show theirs.
 *
 * PostgreSQL: FAULT_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * a schema per scenario, dropped afterwards. PGlite: a temporary folder, deleted afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { openSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { SessionSigner } from '../src/auth/signed-session'
import { openDb, type Db } from '../src/store/db'
import { migrate } from '../src/store/migrate'
import { dropSchema } from '../src/store/postgres-db'
import { bulkResidents, importBatches, rushBatch } from '../test/helpers/voucher-fixtures'
import { startPrivateRedis, type PrivateRedis } from '../test/helpers/private-redis'

const SESSION_KEY_SECRET = 'fault-test-only-session-key-secret-fault'
import { TEMPLATES_ENV } from '../test/helpers/reminders'
import { freePort, parseFlags, stopChild, waitReady } from './harness'

type Scenario = 'redis-restart-flush' | 'kill-pglite' | 'kill-postgres' | 'kill-redis'
const SCENARIOS: Scenario[] = ['redis-restart-flush', 'kill-pglite', 'kill-postgres', 'kill-redis']

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATABASE_URL = process.env.FAULT_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const BATCH_ID = 'fault-rush'
const WALLET_LAG_LIMIT_MS = 5000

const log = (message: string) => process.stderr.write(`fault: ${message}\n`)
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

interface Answer {
  resident: number
  status: number
  code: string
  voucherId: string | null
  at: number
}

interface Check {
  name: string
  ok: boolean
  detail: string
}

interface Store {
  engine: 'pglite' | 'postgres'
  open(): Promise<Db>
  serverEnv: Record<string, string>
  cleanup(): Promise<void>
}

async function makeStore(engine: 'pglite' | 'postgres', run: string): Promise<Store> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'qht-fault-'))
    return {
      engine,
      open: () => openDb({ engine: 'pglite', dataDir: path.join(dir, 'pglite') }),
      serverEnv: { DATA_DIR: dir },
      cleanup: () => rm(dir, { recursive: true, force: true }),
    }
  }
  const schema = `fault_${run}`
  return {
    engine,
    open: () => openDb({ engine: 'postgres', url: DATABASE_URL, schema, maxConnections: 2 }),
    serverEnv: { DATABASE_URL: `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    cleanup: () => dropSchema(DATABASE_URL, schema),
  }
}

class Server {
  child: ChildProcess | null = null
  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}
  get base() {
    return `http://127.0.0.1:${this.port}`
  }
  async start(): Promise<void> {
    // FAULT_SERVER_STDOUT=<file> keeps the servers' logs (both runs, appended).
    const stdout = process.env.FAULT_SERVER_STDOUT ? openSync(process.env.FAULT_SERVER_STDOUT, 'a') : 'ignore'
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      stdio: ['ignore', stdout, 'inherit'],
      env: this.env,
    })
    await waitReady(this.base, this.child)
  }
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGKILL')
    await exited
  }
  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child)
  }
}

async function runScenario(scenario: Scenario, options: { residents: number; quota: number; connections: number }): Promise<Check[]> {
  const run = randomUUID().replace(/-/g, '').slice(0, 10)
  const usesRedis = scenario === 'redis-restart-flush' || scenario === 'kill-redis'
  const store = await makeStore(scenario === 'kill-pglite' ? 'pglite' : 'postgres', run)
  let redis: PrivateRedis | null = null
  let control: Redis | null = null
  let server: Server | null = null
  try {
    if (usesRedis) {
      redis = await startPrivateRedis({ appendonly: true, appendfsync: 'everysec' })
      // Connected before the rush, so the FLUSHALL lands when it is called, not after a connect.
      control = new Redis(redis.url, { maxRetriesPerRequest: null })
      control.on('error', () => undefined)
      await control.ping()
    }
    log(`${scenario}: seeding ${store.engine}, quota ${options.quota}, ${options.residents} residents`)
    let db = await store.open()
    await migrate(db)
    await importBatches(db, [rushBatch(BATCH_ID, Date.now(), { quota: options.quota, perRound: 1, perBatch: 1 })])
    const residents = await bulkResidents(db, options.residents, { signer: new SessionSigner(SESSION_KEY_SECRET) })
    await db.exec('analyze')
    if (store.engine === 'pglite') await db.close()

    const port = await freePort()
    server = new Server(port, {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      STATIC_DIR: '',
      SEED_SAMPLE: 'never',
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL || 'error',
      REDEMPTION_SECRET: 'fault-test-only-secret-fault-test-only',
      // A production server refuses to start without these (the residents have sessions already).
      WECHAT_APPID: 'wx-fault',
      WECHAT_SECRET: 'fault-test-only-wechat-secret',
      SESSION_KEY_SECRET,
      WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATES_ENV,
      RATE_LIMIT_IP_PER_MINUTE: '100000000',
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
      CLAIM_RATE_LIMIT_IP_PER_10S: '100000000',
      CLAIM_RATE_LIMIT_USER_PER_10S: '100000000',
      ...store.serverEnv,
      ...(redis ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `fault-${run}:` } : { REDIS_URL: '' }),
      ...(store.engine === 'pglite' ? { DATABASE_URL: '' } : {}),
    })
    await server.start()

    // The poller: when each voucher first appears in the store (every 100 ms; PGlite's files belong to the server, so its wallet API is asked there).
    const seenAt = new Map<string, number>()
    let polling = true
    const poll = (async () => {
      while (polling) {
        try {
          if (store.engine === 'postgres') {
            const rows = await db.query<{ id: string }>('select id from vouchers where batch_id = $1', [BATCH_ID])
            const now = Date.now()
            for (const row of rows) if (!seenAt.has(row.id)) seenAt.set(row.id, now)
          }
        } catch {
          // the store is briefly unreachable: try again
        }
        await sleep(100)
      }
    })()

    const answers: Answer[] = []
    // Each fault's window: a 201 not yet stored when one began is timed from that fault's end.
    const windows: { start: number; end: number }[] = []
    const window = () => {
      const entry = { start: Date.now(), end: Infinity }
      windows.push(entry)
      return entry
    }
    let restartedAfter = Infinity
    let flushed = false
    const faults: Promise<void>[] = []
    const events: string[] = []
    const at = (share: number) => Math.floor(options.residents * share)
    const onAnswer = () => {
      const n = answers.length
      if (scenario === 'redis-restart-flush' && n === at(0.25))
        faults.push(
          (async () => {
            const fault = window()
            await redis!.kill()
            events.push(`redis killed (kill -9) after ${n} answers`)
            await sleep(1000)
            await redis!.restart()
            fault.end = Date.now()
            restartedAfter = answers.length
            events.push(`redis restarted on its append-only file ${fault.end - fault.start} ms later`)
          })(),
        )
      // The flush while claims are still being granted: at 60%, or 10% after the restart if that came later.
      if (scenario === 'redis-restart-flush' && !flushed && n >= Math.max(at(0.6), restartedAfter + at(0.1))) {
        flushed = true
        faults.push(
          (async () => {
            const fault = window()
            await control!.flushall()
            fault.end = Date.now()
            events.push(`FLUSHALL after ${n} answers`)
          })(),
        )
      }
      if (scenario.startsWith('kill-') && n === at(0.4))
        faults.push(
          (async () => {
            const fault = window()
            await server!.kill()
            events.push(`server killed (kill -9) after ${n} answers`)
            await server!.start()
            fault.end = Date.now()
            events.push(`server started again ${fault.end - fault.start} ms later`)
          })(),
        )
    }

    const wallet = async (index: number) => {
      const response = await fetch(`${server!.base}/api/v1/me/vouchers`, { headers: { authorization: `Bearer ${residents[index].token}` } })
      if (!response.ok) throw new Error(`wallet: ${response.status}`)
      return ((await response.json()) as { data: { id: string }[] }).data.map((voucher) => voucher.id)
    }
    // PGlite's files belong to the server: there the resident's wallet (GET /me/vouchers) is asked after each 201, as the app does.
    const watchers: Promise<void>[] = []
    const watchWallet = async (answer: Answer): Promise<void> => {
      for (let attempt = 0; attempt < 600; attempt += 1) {
        // Timed by when the request that showed it was sent: its answer may wait behind the rush on PGlite's one connection.
        const sent = Date.now()
        const held = await wallet(answer.resident).catch((): string[] => [])
        if (held.includes(answer.voucherId!)) {
          seenAt.set(answer.voucherId!, sent)
          return
        }
        await sleep(200)
      }
    }

    let busy = 0
    let failures = 0
    let refused = 0
    let inFlight = 0
    const started = Date.now()
    let next = 0
    const claimOne = async (index: number): Promise<void> => {
      const key = `fault-${run}-${index}`
      for (let attempt = 0; attempt < 2000; attempt += 1) {
        let response: Response
        try {
          response = await fetch(`${server!.base}/api/v1/batches/${BATCH_ID}/claims`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${residents[index].token}`, 'idempotency-key': key },
            body: '{}',
          })
        } catch {
          refused += 1
          await sleep(100)
          continue
        }
        const body = (await response.json().catch(() => ({}))) as { data?: { voucher?: { id: string } }; error?: { code: string } }
        const code = body.error?.code ?? (response.status === 201 ? 'CLAIMED' : `HTTP_${response.status}`)
        if (response.status >= 500 || code === 'CLAIM_IN_FLIGHT') {
          if (code === 'CLAIM_BUSY') busy += 1
          else if (response.status >= 500) failures += 1
          if (code === 'CLAIM_IN_FLIGHT') inFlight += 1
          const retryAfter = Number(response.headers.get('retry-after') ?? 0)
          await sleep(Math.min(1000, Math.max(100, retryAfter * 1000)))
          continue
        }
        const answer = { resident: index, status: response.status, code, voucherId: body.data?.voucher?.id ?? null, at: Date.now() }
        answers.push(answer)
        onAnswer()
        if (store.engine === 'pglite' && answer.voucherId) watchers.push(watchWallet(answer))
        return
      }
      throw new Error(`resident ${index}: no definitive answer after 2000 tries`)
    }
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        for (let index = next++; index < options.residents; index = next++) await claimOne(index)
      }),
    )
    await Promise.all(faults)
    await Promise.all(watchers)
    const rushEnd = Date.now()
    log(
      `${scenario}: ${answers.length} answers in ${rushEnd - started} ms; ${busy} CLAIM_BUSY, ${failures} other 5xx, ${inFlight} CLAIM_IN_FLIGHT, ${refused} refused connections; ${events.join('; ')}`,
    )

    const granted = answers.filter((answer) => answer.status === 201)
    const grantedIds = new Set(granted.map((answer) => answer.voucherId!))
    // Until every 201 is stored (at most 5 s past the rush's end).
    while (Date.now() - rushEnd < WALLET_LAG_LIMIT_MS && ![...grantedIds].every((id) => seenAt.has(id))) await sleep(100)
    polling = false
    await poll

    // The live counts are cached for up to 1 s (and marked sold out the moment a claim proves it): read them fresh.
    await sleep(1100)
    const live = (await (await fetch(`${server.base}/api/v1/batches/${BATCH_ID}`)).json()) as {
      data: { live: { claimedByRound: Record<string, number>; remainingByRound: Record<string, number> } }
    }
    const sample = granted.filter((_, index) => index % Math.max(1, Math.floor(granted.length / 25)) === 0)
    const walletMisses = (
      await Promise.all(sample.map(async (answer) => ((await wallet(answer.resident)).includes(answer.voucherId!) ? 0 : 1)))
    ).reduce<number>((sum, miss) => sum + miss, 0)
    await server.stop()
    if (store.engine === 'pglite') db = await store.open()
    const stored = await db.query<{ id: string; owner_id: string }>('select id, owner_id from vouchers where batch_id = $1', [BATCH_ID])
    await db.close()

    const lags = granted.map((answer) => {
      const seen = seenAt.get(answer.voucherId!)
      if (seen === undefined) return Infinity
      const from = windows
        .filter((fault) => fault.start <= seen && fault.end >= answer.at)
        .reduce((latest, fault) => Math.max(latest, fault.end), answer.at)
      return seen - from
    })
    const maxLag = Math.max(0, ...lags)
    if (process.env.FAULT_DEBUG) {
      const t0 = started
      log(`windows ${JSON.stringify(windows.map((w) => [w.start - t0, w.end - t0]))} rushEnd ${rushEnd - t0}`)
      const worst = granted
        .map((answer, index) => ({ at: answer.at - t0, seen: (seenAt.get(answer.voucherId!) ?? NaN) - t0, lag: lags[index] }))
        .sort((a, b) => b.lag - a.lag)
      log(`worst ${JSON.stringify(worst.slice(0, 8))}`)
    }
    const overOneSecond = lags.filter((lag) => lag > 1000).length
    const soldOut = answers.filter((answer) => answer.code === 'SOLD_OUT').length
    const other = answers.filter((answer) => answer.status !== 201 && answer.code !== 'SOLD_OUT')
    const storedIds = new Set(stored.map((row) => row.id))
    const owners = new Set(stored.map((row) => row.owner_id))
    const claimed = live.data.live.claimedByRound.r1
    const remaining = live.data.live.remainingByRound.r1
    return [
      {
        name: 'every resident answered, no 5xx but 503 CLAIM_BUSY',
        ok: answers.length === options.residents && failures === 0,
        detail: `${answers.length} of ${options.residents}, other 5xx ${failures}`,
      },
      {
        name: 'no false SOLD_OUT',
        ok: granted.length === options.quota && soldOut === options.residents - options.quota && other.length === 0,
        detail: `201: ${granted.length} (quota ${options.quota}), SOLD_OUT: ${soldOut} (want ${options.residents - options.quota}), other: ${JSON.stringify(other.slice(0, 3).map((answer) => answer.code))}`,
      },
      {
        name: 'the store holds exactly the 201s',
        ok: storedIds.size === grantedIds.size && [...grantedIds].every((id) => storedIds.has(id)),
        detail: `stored ${storedIds.size}, answered 201 ${grantedIds.size}, missing ${[...grantedIds].filter((id) => !storedIds.has(id)).length}`,
      },
      {
        name: 'no duplicate',
        ok: owners.size === stored.length && grantedIds.size === granted.length,
        detail: `${stored.length} vouchers, ${owners.size} owners`,
      },
      {
        name: `every 201 in the wallet within ${WALLET_LAG_LIMIT_MS / 1000} s`,
        ok: maxLag <= WALLET_LAG_LIMIT_MS,
        detail: `slowest ${maxLag} ms, ${overOneSecond} over 1 s`,
      },
      {
        name: 'claimed + remaining = quota',
        ok: claimed + remaining === options.quota && claimed === options.quota,
        detail: `${claimed} + ${remaining}`,
      },
      {
        name: 'wallets show their vouchers',
        ok: walletMisses === 0,
        detail: `${sample.length - walletMisses} of ${sample.length} sampled`,
      },
    ]
  } finally {
    await server?.kill().catch(() => undefined)
    control?.disconnect()
    await redis?.stop().catch(() => undefined)
    await store.cleanup().catch(() => undefined)
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2))
  const scenario = flags.scenario ?? 'all'
  const chosen = scenario === 'all' ? SCENARIOS : [scenario as Scenario]
  if (!chosen.every((name) => SCENARIOS.includes(name))) throw new Error(`--scenario must be all or one of ${SCENARIOS.join(', ')}`)
  const options = {
    residents: Number(flags.residents ?? 2500),
    quota: Number(flags.quota ?? 2000),
    connections: Number(flags.connections ?? 100),
  }
  if (!(options.quota > 0 && options.residents > options.quota && options.connections > 0))
    throw new Error('need residents > quota > 0 and connections > 0')
  log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
  let failed = 0
  for (const name of chosen) {
    const checks = await runScenario(name, options)
    for (const check of checks) {
      process.stdout.write(`${check.ok ? 'ok    ' : 'FAILED'} ${name}: ${check.name} — ${check.detail}\n`)
      if (!check.ok) failed += 1
    }
  }
  const total = chosen.length * 7
  process.stdout.write(`${total - failed} passed, ${failed} failed\n`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
