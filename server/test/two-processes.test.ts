/**
 * Issue 20, beyond one process: two real server processes (src/main.ts, production mode) on one box
 * against one PostgreSQL — and one Redis for the Redis gate — with a rush sent to both at once.
 * Every resident taps twice with two keys, so the per-resident limit is decided across processes
 * too: 0 oversold, 0 duplicates, every 201 in PostgreSQL. Two ways to run two processes: two
 * servers on two ports (behind a balancer), and one server with SERVER_PROCESSES=2 on one port
 * (node:cluster, src/supervisor.ts) — the latter also loses a process mid-way and is stopped.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { childPids } from '../bench/cpu'
import { ALL_LISTENING, freePort, productionServerEnv, purgeRedisPrefix, stopChild, waitForLine, waitReady } from '../bench/harness'
import { SessionSigner } from '../src/auth/signed-session'
import { openDb, type Db } from '../src/store/db'
import { migrate } from '../src/store/migrate'
import { dropSchema } from '../src/store/postgres-db'
import { bulkResidents, importBatches, inParallel, rushBatch } from './helpers/voucher-fixtures'
import { TEMPLATES_ENV } from './helpers/reminders'
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './helpers/voucher-harness'

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const QUOTA = 300
const SESSION_KEY_SECRET = 'two-process-test-session-key-secret-two'
const RESIDENTS = 450

const CASES = (['two ports', 'one port, SERVER_PROCESSES=2'] as const).flatMap((topology) =>
  (['redis', 'postgres'] as const).map((engine) => ({ topology, engine })),
)

for (const { topology, engine } of CASES) {
  const onePort = topology !== 'two ports'
  const skip = !TEST_DATABASE_URL
    ? 'TEST_DATABASE_URL is not set'
    : engine === 'redis' && !TEST_REDIS_URL
      ? 'TEST_REDIS_URL is not set'
      : false
  describe(`two server processes (${topology}), one ${engine === 'redis' ? 'Redis and one PostgreSQL' : 'PostgreSQL'}`, { skip }, () => {
    const run = randomUUID().replace(/-/g, '').slice(0, 10)
    const schema = `t_two_${run}`
    const prefix = `test-two-${run}:`
    let db: Db
    let residents: { userId: string; token: string }[]
    const servers: { child: ChildProcess; base: string }[] = []

    before(async () => {
      db = await openDb({ engine: 'postgres', url: TEST_DATABASE_URL!, schema, maxConnections: 4 })
      await migrate(db)
      await importBatches(db, [rushBatch('two', Date.now(), { quota: QUOTA, perRound: 1, perBatch: 1 })])
      residents = await bulkResidents(db, RESIDENTS, { signer: new SessionSigner(SESSION_KEY_SECRET) })
      for (let index = 0; index < (onePort ? 1 : 2); index += 1) {
        const port = await freePort()
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: SERVER_DIR,
          stdio: ['ignore', onePort ? 'pipe' : 'ignore', 'inherit'],
          env: {
            // info on one port: the supervisor says when both processes listen.
            ...productionServerEnv({
              port,
              logLevel: onePort ? 'info' : 'error',
              processes: onePort ? 2 : 1,
              sessionKeySecret: SESSION_KEY_SECRET,
              templates: TEMPLATES_ENV,
              name: 'two-processes',
            }),
            CLAIM_RATE_LIMIT_USER_PER_10S: '100000000',
            DATABASE_URL: `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
            // The shared test Redis keeps no append-only file; the test vouches for it (README, "Redis durability").
            ...(engine === 'redis'
              ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, REDIS_PERSISTENCE_ASSURED: 'true' }
              : { REDIS_URL: '' }),
          },
        })
        const listening = onePort ? waitForLine(child, ALL_LISTENING) : null
        servers.push({ child, base: `http://127.0.0.1:${port}` })
        await waitReady(`http://127.0.0.1:${port}`, child)
        await listening
      }
      // One port: both "servers" are the same address; the supervisor hands each connection to a process in turn.
      if (onePort) servers.push(servers[0])
    })

    after(async () => {
      await Promise.all([...new Set(servers)].map((server) => stopChild(server.child)))
      await db?.close()
      await dropSchema(TEST_DATABASE_URL!, schema)
      if (engine === 'redis') await purgeRedisPrefix(TEST_REDIS_URL!, prefix)
    })

    test('a rush on both at once: 0 oversold, 0 duplicates, every 201 in PostgreSQL', { timeout: 120_000 }, async () => {
      // Resident i taps on process i % 2 and, with another key, on the other one.
      const answers = await inParallel(RESIDENTS * 2, 60, async (index) => {
        const resident = Math.floor(index / 2)
        const server = servers[(resident + index) % 2]
        const response = await fetch(`${server.base}/api/v1/batches/two/claims`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${residents[resident].token}`,
            'idempotency-key': `two-${run}-${index}`,
          },
          body: '{}',
        })
        const body = (await response.json()) as { data?: { voucher: { id: string } }; error?: { code: string } }
        return { resident, status: response.status, code: body.error?.code ?? 'CLAIMED', voucherId: body.data?.voucher.id }
      })
      const granted = answers.filter((answer) => answer.status === 201)
      assert.deepEqual(
        answers.filter((answer) => answer.status !== 201 && !['SOLD_OUT', 'LIMIT_REACHED'].includes(answer.code)),
        [],
        'every answer is 201, SOLD_OUT or LIMIT_REACHED',
      )
      assert.equal(granted.length, QUOTA, 'the whole quota and not one more')
      assert.equal(new Set(granted.map((answer) => answer.resident)).size, QUOTA, 'one voucher per resident across both processes')
      assert.ok(
        granted.every((answer) => answer.voucherId),
        'each 201 names its voucher',
      )

      let stored: { id: string; owner_id: string }[] = []
      for (let attempt = 0; attempt < 100; attempt += 1) {
        stored = await db.query<{ id: string; owner_id: string }>(`select id, owner_id from vouchers where batch_id = 'two'`)
        if (stored.length >= QUOTA) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.equal(stored.length, QUOTA, '0 oversold')
      assert.equal(new Set(stored.map((row) => row.owner_id)).size, QUOTA, '0 duplicates')
      assert.deepEqual(new Set(stored.map((row) => row.id)), new Set(granted.map((answer) => answer.voucherId)))
    })

    if (onePort) {
      test('a server process that dies is replaced, the port keeps answering, and SIGTERM stops them all', { timeout: 60_000 }, async () => {
        const supervisor = servers[0].child
        const workers = childPids(supervisor.pid!)
        assert.equal(workers.length, 2, 'two server processes under the supervisor')
        const replaced = waitForLine(supervisor, ALL_LISTENING)
        process.kill(workers[0], 'SIGKILL')
        await replaced
        const now = childPids(supervisor.pid!)
        assert.equal(now.length, 2, 'the supervisor started another process, and it listens')
        assert.ok(!now.includes(workers[0]))
        // Fresh connections reach both processes in turn: every one is answered.
        for (let index = 0; index < 6; index += 1) {
          const response = await fetch(`${servers[0].base}/readyz`, { headers: { connection: 'close' } })
          assert.equal(response.status, 200)
        }
        const exit = new Promise<number | null>((resolve) => supervisor.once('exit', resolve))
        supervisor.kill('SIGTERM')
        assert.equal(await exit, 0, 'the supervisor exits 0 once its processes stopped')
        for (const pid of now) assert.throws(() => process.kill(pid, 0), 'no server process is left behind')
      })
    }
  })
}
