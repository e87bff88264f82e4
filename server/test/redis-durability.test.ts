/**
 * Issue 16, gap 2, on a redis-server of the test's own: production refuses a Redis that would
 * forget answered claims on restart; a Redis killed with kill -9 mid-rush answers 503 CLAIM_BUSY
 * with Retry-After while it is down (not 500), and after it restarts on its append-only file every
 * 201 is in PostgreSQL within 5 s, none sold twice.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Redis } from 'ioredis'
import { openDb } from '../src/store/db'
import { RedisClaimEngine } from '../src/vouchers/redis-engine'
import { checkPersistence, judgePersistence, RedisPersistenceError } from '../src/vouchers/redis-persistence'
import { bulkResidents, importBatches, inParallel, rushBatch } from './helpers/voucher-fixtures'
import { bearer, newKey, startVoucherHarness, type VoucherHarness } from './helpers/voucher-harness'
import { privateRedisSkipReason, startPrivateRedis, type PrivateRedis } from './helpers/private-redis'

const skip = privateRedisSkipReason()
if (skip) console.log(`# Redis durability tests: ${skip}`)

test('what each persistence setting promises: only append-only with everysec or always keeps answered claims', () => {
  const table: [string | null, string | null, boolean, RegExp][] = [
    ['yes', 'always', true, /none/],
    ['yes', 'everysec', true, /~1 s/],
    ['yes', 'no', false, /appendfsync=no/],
    ['no', 'everysec', false, /未开启 AOF/],
    [null, null, false, /未开启 AOF/],
  ]
  for (const [appendonly, appendfsync, ok, says] of table) {
    const verdict = judgePersistence({ appendonly, appendfsync })
    assert.equal(verdict.ok, ok, `${appendonly}/${appendfsync}`)
    assert.match(verdict.ok ? verdict.lossOnMachineCrash : verdict.reason, says)
  }
})

describe('the Redis persistence check at start-up', { skip: skip ?? false }, () => {
  let redis: PrivateRedis
  before(async () => {
    redis = await startPrivateRedis({ appendonly: false })
  })
  after(() => redis?.stop())

  test('production refuses a Redis without an append-only file; demo and development start with a warning; on with everysec starts', async () => {
    const client = new Redis(redis.url)
    try {
      await assert.rejects(checkPersistence(client, 'require'), (error: Error) => {
        assert.ok(error instanceof RedisPersistenceError)
        assert.match(error.message, /生产环境拒绝启动.*appendonly=no/)
        return true
      })
      const warnings: unknown[] = []
      const warned = await checkPersistence(client, 'warn', { warn: (obj) => warnings.push(obj) })
      assert.equal(warned?.ok, false)
      assert.equal(warnings.length, 1)
      await client.config('SET', 'appendonly', 'yes')
      await client.config('SET', 'appendfsync', 'everysec')
      assert.deepEqual(await checkPersistence(client, 'require'), {
        ok: true,
        lossOnMachineCrash: 'up to ~1 s of claims (appendfsync everysec)',
      })
      await client.config('SET', 'appendonly', 'no')
    } finally {
      client.disconnect()
    }
  })

  test('the engine of a production server does not start on it', async () => {
    const db = await openDb(
      process.env.TEST_DATABASE_URL
        ? { engine: 'postgres', url: process.env.TEST_DATABASE_URL, maxConnections: 1 }
        : { engine: 'pglite', dataDir: null },
    )
    const engine = new RedisClaimEngine(db, { url: redis.url, prefix: 'durability:', worker: false, persistence: 'require' })
    try {
      await assert.rejects(engine.start(), RedisPersistenceError)
    } finally {
      await engine.close()
      await db.close()
    }
  })
})

type Answer = Awaited<ReturnType<VoucherHarness['request']>>

/**
 * 400 residents rush a batch of 300, 40 at a time, each retrying a 503 or CLAIM_IN_FLIGHT with
 * the same Idempotency-Key after 50 ms, as the app does. `onAnswer` sees the count of definitive
 * answers as it grows. Returns each resident's definitive answer and every 5xx met on the way.
 */
async function rush(h: VoucherHarness, batchId: string, onAnswer: (answered: number) => void) {
  const residents = await bulkResidents(h.db, 400)
  let answered = 0
  const busy: { status: number; code: string; retryAfter: string | undefined }[] = []
  const answers = await inParallel(residents.length, 40, async (index): Promise<Answer> => {
    const key = newKey()
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const response = await h.request({
        method: 'POST',
        url: `/api/v1/batches/${batchId}/claims`,
        headers: { ...bearer(residents[index]), 'idempotency-key': key },
      })
      if (response.statusCode >= 500 || response.json().error?.code === 'CLAIM_IN_FLIGHT') {
        if (response.statusCode >= 500)
          busy.push({
            status: response.statusCode,
            code: response.json().error.code,
            retryAfter: response.headers['retry-after'] as string,
          })
        await new Promise((resolve) => setTimeout(resolve, 50))
        continue
      }
      answered += 1
      onAnswer(answered)
      return response
    }
    throw new Error('no answer after 400 tries')
  })
  return { answers, busy }
}

/** Exactly 300 granted to 300 residents, 100 sold out, and within 5 s of `back` every 201 is in PostgreSQL and nothing else. */
async function assertSoldExactlyOnce(h: VoucherHarness, batchId: string, answers: Answer[], back: number) {
  const granted = answers.filter((response) => response.statusCode === 201).map((response) => response.json().data.voucher.id as string)
  const soldOut = answers.filter((response) => response.json().error?.code === 'SOLD_OUT')
  assert.equal(granted.length, 300, 'no more 201s than vouchers')
  assert.equal(soldOut.length, 100)
  assert.equal(new Set(granted).size, 300)

  const want = new Set(granted)
  let stored = new Set<string>()
  while (Date.now() - back < 5000) {
    stored = new Set((await h.db.query<{ id: string }>(`select id from vouchers where batch_id = $1`, [batchId])).map((row) => row.id))
    if ([...want].every((id) => stored.has(id))) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.deepEqual(stored, want, 'every 201 is in the wallet within 5 s of Redis coming back, and nothing else')
  const [{ owners }] = await h.db.query<{ owners: number }>(
    `select count(distinct owner_id)::int as owners from vouchers where batch_id = $1`,
    [batchId],
  )
  assert.equal(owners, 300, 'no resident holds two')
  const proof = await (h.vouchers.engine as RedisClaimEngine).verify(await h.vouchers.findBatch(batchId))
  assert.equal(proof.ok, true, JSON.stringify(proof))
}

describe('a Redis killed with kill -9 mid-rush and restarted on its append-only file', { skip: skip ?? false }, () => {
  let redis: PrivateRedis
  let h: VoucherHarness
  before(async () => {
    redis = await startPrivateRedis()
    h = await startVoucherHarness('redis', {
      seed: false,
      redisPrefix: 'durability:',
      env: { REDIS_URL: redis.url },
      vouchers: { redisEngine: { lossGraceMs: 100 } },
    })
    await importBatches(h.db, [
      rushBatch('restart', h.clock.now.getTime(), { quota: 300 }),
      rushBatch('behind', h.clock.now.getTime(), { quota: 300 }),
    ])
    await h.vouchers.tick()
  })
  after(async () => {
    await h?.close()
    await redis?.stop()
  })

  test(
    '503 CLAIM_BUSY with Retry-After while it is down; the same key then claims once; every 201 in PostgreSQL within 5 s',
    { timeout: 60_000 },
    async () => {
      let killed: Promise<void> | null = null
      let back = 0
      const { answers, busy } = await rush(h, 'restart', (answered) => {
        if (answered === 100 && !killed)
          killed = (async () => {
            await redis.kill()
            await new Promise((resolve) => setTimeout(resolve, 700))
            await redis.restart()
            back = Date.now()
          })()
      })
      await killed
      assert.ok(busy.length > 0, 'claims arrived while Redis was down')
      for (const refusal of busy) assert.deepEqual(refusal, { status: 503, code: 'CLAIM_BUSY', retryAfter: '1' })
      await assertSoldExactlyOnce(h, 'restart', answers, back)
    },
  )

  // With appendfsync everysec Redis answers while a slow fsync holds its append-only write back;
  // killed then, it comes back without those claims (seen on a busy disk: 240 answered, 102
  // replayed, 318 sold of 300). Its lost script cache is the sign: every gate is checked against
  // PostgreSQL — with each process's unsettled 201s written first — before the next claim.
  test(
    'restarted behind its answers (on its append-only file from before the rush): still 300 sold, every 201 in PostgreSQL',
    { timeout: 60_000 },
    async () => {
      const copy = await redis.copyAppendOnly()
      let killed: Promise<void> | null = null
      let back = 0
      const { answers } = await rush(h, 'behind', (answered) => {
        if (answered === 100 && !killed)
          killed = (async () => {
            await redis.kill()
            await redis.restart(copy)
            back = Date.now()
          })()
      })
      await killed
      await assertSoldExactlyOnce(h, 'behind', answers, back)
    },
  )
})
