/**
 * Claims under a rush, on every engine: PGlite, PostgreSQL (TEST_DATABASE_URL) and the Redis gate
 * (TEST_REDIS_URL). The same invariants each time: never more vouchers than the quota, never more
 * per resident than the limits, one voucher per Idempotency-Key, a retry gets the first answer,
 * the window is the server's clock, and NOT_OPEN / SOLD_OUT come from memory without I/O.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { RedisClaimEngine } from '../src/vouchers/redis-engine'
import type { ClaimRequest } from '../src/vouchers/engine'
import { bulkResidents, importBatches, inParallel, rushBatch } from './helpers/voucher-fixtures'
import { bearer, ENGINES, newKey, skipReason, startVoucherHarness, type Account, type VoucherHarness } from './helpers/voucher-harness'

const claimUrl = (batchId: string) => `/api/v1/batches/${batchId}/claims`

/** A claim by `who` on `server`: a fresh Idempotency-Key unless `key` is given, a JSON body only when `payload` is. */
function claim(
  server: Pick<VoucherHarness, 'request'>,
  who: Account,
  batchId: string,
  options: { key?: string; payload?: object; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers = { ...bearer(who), 'idempotency-key': options.key ?? newKey(), ...options.headers }
  return server.request({
    method: 'POST',
    url: claimUrl(batchId),
    headers,
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  })
}

function tally(responses: readonly LightMyRequestResponse[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const response of responses) {
    const label = response.statusCode === 201 ? 'CLAIMED' : `${response.statusCode} ${response.json().error.code}`
    counts[label] = (counts[label] ?? 0) + 1
  }
  return counts
}

/** With the Redis gate, vouchers reach PostgreSQL through the stream writer: wait until it has written them. */
async function settled(h: VoucherHarness, batchId: string, expected: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [{ n }] = await h.db.query<{ n: number }>('select count(*)::int as n from vouchers where batch_id = $1', [batchId])
    if (n >= expected) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

for (const engine of ENGINES) {
  const skip = skipReason(engine)
  if (skip) console.log(`# voucher claims on ${engine}: ${skip}`)

  describe(`claims on ${engine}`, { skip: skip ?? false }, () => {
    let h: VoucherHarness

    before(async () => {
      h = await startVoucherHarness(engine)
    })
    after(() => h?.close())

    test('10,000 parallel claims for a quota of 1,000: exactly 1,000 vouchers, at most one per resident', { timeout: 90_000 }, async () => {
      const at = h.clock.now.getTime()
      await importBatches(h.db, [rushBatch('rush-10k', at, { quota: 1000 })])
      await h.vouchers.tick()
      const residents = await bulkResidents(h.db, 10_000)
      const keys = residents.map(() => newKey())
      const started = Date.now()
      const responses = await inParallel(residents.length, 1000, (index) => claim(h, residents[index], 'rush-10k', { key: keys[index], payload: {} }))
      const seconds = (Date.now() - started) / 1000
      const counts = tally(responses)
      console.log(`# ${engine}: 10,000 claims in ${seconds.toFixed(1)} s → ${JSON.stringify(counts)}`)
      assert.equal(counts.CLAIMED, 1000)
      assert.equal(counts['409 SOLD_OUT'], 9000)

      await settled(h, 'rush-10k', 1000)
      const [stored] = await h.db.query<{ vouchers: number; owners: number; slots: number; max_slot: number }>(
        `select (select count(*)::int from vouchers where batch_id = 'rush-10k') as vouchers,
                (select count(distinct owner_id)::int from vouchers where batch_id = 'rush-10k') as owners,
                (select count(voucher_id)::int from voucher_slots where batch_id = 'rush-10k') as slots,
                (select coalesce(max(slot), 0)::int from voucher_slots where batch_id = 'rush-10k') as max_slot`,
      )
      assert.deepEqual(stored, { vouchers: 1000, owners: 1000, slots: 1000, max_slot: 1000 })
      const claimedIds = new Set(
        responses.filter((response) => response.statusCode === 201).map((response) => response.json().data.voucher.id),
      )
      const storedIds = new Set(
        (await h.db.query<{ id: string }>(`select id from vouchers where batch_id = 'rush-10k'`)).map((row) => row.id),
      )
      assert.deepEqual(storedIds, claimedIds, 'every voucher answered CLAIMED is the one stored, and nothing else is')

      // Live counts are at most ~1 s old.
      await new Promise((resolve) => setTimeout(resolve, 1100))
      const batch = (await h.request({ method: 'GET', url: '/api/v1/batches/rush-10k' })).json().data
      assert.deepEqual(batch.live.remainingByRound, { r1: 0 })
      assert.deepEqual(batch.live.claimedByRound, { r1: 1000 })
      if (h.vouchers.engine instanceof RedisClaimEngine) {
        const proof = await h.vouchers.engine.verify(await h.vouchers.findBatch('rush-10k'))
        assert.equal(proof.ok, true, JSON.stringify(proof))
      }

      // Sold out is now answered from memory: no claim reaches the engine, which only looks up
      // whether each key was used before (a retry gets its first answer, never SOLD_OUT over a 201).
      const queries = spyOnIo(h)
      const late = await Promise.all(residents.slice(0, 20).map((resident) => claim(h, resident, 'rush-10k')))
      assert.deepEqual(tally(late), { '409 SOLD_OUT': 20 })
      assert.equal(queries.stop(['claim', 'claimedByRound', 'upkeep']), 0)
      // A retry of a key that claimed gets its 201 from the gate of any process, after a restart too.
      const winner = responses.find((response) => response.statusCode === 201)!
      const winnerIndex = responses.indexOf(winner)
      const retried = await claim(h, residents[winnerIndex % residents.length], 'rush-10k', { key: keys[winnerIndex] })
      assert.equal(retried.statusCode, 201, retried.body)
      assert.equal(retried.body, winner.body)
    })

    test("one resident's 50 parallel claims get exactly the limit", async () => {
      const at = h.clock.now.getTime()
      await importBatches(h.db, [rushBatch('limit-3', at, { quota: 500, perRound: 3, perBatch: 3 })])
      await h.vouchers.tick()
      const [resident] = await bulkResidents(h.db, 1)
      const responses = await Promise.all(Array.from({ length: 50 }, () => claim(h, resident, 'limit-3')))
      assert.deepEqual(tally(responses), { CLAIMED: 3, '409 LIMIT_REACHED': 47 })
      await settled(h, 'limit-3', 3)
      const [{ n }] = await h.db.query<{ n: number }>(
        `select count(*)::int as n from vouchers where batch_id = 'limit-3' and owner_id = $1`,
        [resident.userId],
      )
      assert.equal(n, 3)
    })

    describe('Idempotency-Key', () => {
      let resident: Account
      before(async () => {
        await importBatches(h.db, [
          rushBatch('idem', h.clock.now.getTime(), { quota: 100, perRound: 5, perBatch: 5 }),
          rushBatch('idem-county', h.clock.now.getTime(), { quota: 100, extra: { residentCounties: ['330802'] } }),
        ])
        await h.vouchers.tick()
        resident = await h.login(`幂等-${engine}`)
      })

      test('a retry with the same key and body gets the first answer, byte for byte, and one voucher', async () => {
        const key = newKey()
        const first = await claim(h, resident, 'idem', { key, payload: {} })
        const retry = await claim(h, resident, 'idem', { key, payload: {} })
        assert.equal(first.statusCode, 201)
        assert.equal(retry.statusCode, 201)
        assert.equal(retry.body, first.body)
        await settled(h, 'idem', 1)
        const rows = await h.db.query(`select id from vouchers where owner_id = $1 and claim_key = $2`, [resident.userId, key])
        assert.equal(rows.length, 1)
      })

      test('a failed first answer is replayed too, even after the reason went away', async () => {
        const key = newKey()
        const first = await claim(h, resident, 'idem-county', { key })
        assert.equal(first.statusCode, 403)
        assert.equal(first.json().error.code, 'NOT_ELIGIBLE')
        const moved = await h.request({
          method: 'PUT',
          url: '/api/v1/me/resident-county',
          headers: bearer(resident),
          payload: { county: '330802' },
        })
        assert.equal(moved.statusCode, 200)
        const retry = await claim(h, resident, 'idem-county', { key })
        assert.equal(retry.statusCode, 403)
        assert.equal(retry.body, first.body)
        const fresh = await claim(h, resident, 'idem-county')
        assert.equal(fresh.statusCode, 201, fresh.body)
      })

      test('the same key with another body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
        const key = newKey()
        const first = await claim(h, resident, 'idem', { key, payload: {} })
        assert.equal(first.statusCode, 201)
        const other = await claim(h, resident, 'idem', { key, payload: { roundId: 'r1' } })
        assert.equal(other.statusCode, 422)
        assert.equal(other.json().error.code, 'IDEMPOTENCY_KEY_REUSED')
        const otherBatch = await claim(h, resident, 'idem-county', { key })
        assert.equal(otherBatch.statusCode, 422)
      })

      test('a retry while the first is still running → 409 CLAIM_IN_FLIGHT; afterwards the first answer', async () => {
        let release: () => void = () => undefined
        const unhold = holdInEngine(h, new Promise<void>((resolve) => (release = resolve)), 'idem')
        try {
          const key = `hold-${newKey()}`
          const first = claim(h, resident, 'idem', { key })
          await new Promise((resolve) => setTimeout(resolve, 100))
          const retry = await claim(h, resident, 'idem', { key })
          assert.equal(retry.statusCode, 409)
          assert.equal(retry.json().error.code, 'CLAIM_IN_FLIGHT')
          release()
          const answered = await first
          assert.equal(answered.statusCode, 201, answered.body)
          const later = await claim(h, resident, 'idem', { key })
          assert.equal(later.statusCode, 201)
          assert.equal(later.body, answered.body)
        } finally {
          release()
          unhold()
        }
      })

      test('no key → 400 IDEMPOTENCY_KEY_REQUIRED; a malformed key too; no sign-in → 401; unknown batch or round → 404', async () => {
        const none = await h.request({ method: 'POST', url: claimUrl('idem'), headers: bearer(resident) })
        assert.equal(none.statusCode, 400)
        assert.equal(none.json().error.code, 'IDEMPOTENCY_KEY_REQUIRED')
        const bad = await claim(h, resident, 'idem', { key: 'short' })
        assert.equal(bad.statusCode, 400)
        const anonymous = await h.request({ method: 'POST', url: claimUrl('idem'), headers: { 'idempotency-key': newKey() } })
        assert.equal(anonymous.statusCode, 401)
        const missing = await claim(h, resident, 'no-such-batch')
        assert.equal(missing.statusCode, 404)
        const round = await claim(h, resident, 'idem', { payload: { roundId: 'r9' } })
        assert.equal(round.statusCode, 404)
        // The route's own validator compiler still validates everything but the headers.
        const strictBody = await claim(h, resident, 'idem', { payload: { roundId: 'r1', extra: 1 } })
        assert.equal(strictBody.statusCode, 400)
        assert.equal(strictBody.json().error.code, 'VALIDATION_FAILED')
        const query = await h.request({
          method: 'POST',
          url: `${claimUrl('idem')}?round=r1`,
          headers: { ...bearer(resident), 'idempotency-key': newKey() },
        })
        assert.equal(query.statusCode, 400)
        assert.equal(query.json().error.code, 'VALIDATION_FAILED')
      })
    })

    test('the window is the server clock: NOT_OPEN a millisecond before (from memory), open at opensAt, CLOSED at closesAt', async () => {
      const base = h.clock.now
      const opens = Math.floor(base.getTime() / 60_000) * 60_000 + 10 * 60_000
      await importBatches(h.db, [
        rushBatch('window', base.getTime(), { quota: 10, opensInMs: opens - base.getTime(), lastsMs: 60 * 60_000 }),
      ])
      await h.vouchers.tick()
      const resident = await h.login(`窗口-${engine}`)
      try {
        h.clock.now = new Date(opens - 1)
        // The first request reads the session and the batch's live stock; the gate then has all it needs.
        await claim(h, resident, 'window')
        await h.request({ method: 'GET', url: '/api/v1/batches/window' })
        const queries = spyOnIo(h)
        const early = await claim(h, resident, 'window', { headers: { date: new Date(opens + 60_000).toUTCString() } })
        assert.equal(queries.stop(), 0, 'NOT_OPEN is answered without I/O')
        assert.equal(early.statusCode, 409)
        assert.equal(early.json().error.code, 'NOT_OPEN')
        h.clock.now = new Date(opens)
        const onTime = await claim(h, resident, 'window')
        assert.equal(onTime.statusCode, 201, onTime.body)
        h.clock.now = new Date(opens + 60 * 60_000)
        const late = await claim(h, resident, 'window')
        assert.equal(late.statusCode, 409)
        assert.equal(late.json().error.code, 'CLOSED')
      } finally {
        h.clock.now = base
      }
    })

    test('a county-only batch: NOT_ELIGIBLE (403) until the resident says they live there', async () => {
      await importBatches(h.db, [rushBatch('county-only', h.clock.now.getTime(), { quota: 10, extra: { residentCounties: ['330881'] } })])
      await h.vouchers.tick()
      const resident = await h.login(`区县-${engine}`, { county: '330802' })
      const refused = await claim(h, resident, 'county-only')
      assert.equal(refused.statusCode, 403)
      assert.equal(refused.json().error.code, 'NOT_ELIGIBLE')
      await h.request({ method: 'PUT', url: '/api/v1/me/resident-county', headers: bearer(resident), payload: { county: '330881' } })
      const granted = await claim(h, resident, 'county-only')
      assert.equal(granted.statusCode, 201, granted.body)
    })
  })
}

for (const engine of ['pglite', 'postgres'] as const) {
  const skip = skipReason(engine)
  describe(`the store engine's Idempotency-Keys on ${engine}`, { skip: skip ?? false }, () => {
    let h: VoucherHarness
    let other: VoucherHarness

    before(async () => {
      h = await startVoucherHarness(engine, { seed: false })
      // A second server process on the same store.
      other = await startVoucherHarness(engine, { db: h.db })
      await importBatches(h.db, [rushBatch('keys', h.clock.now.getTime(), { quota: 100, perRound: 3, perBatch: 3 })])
      await h.vouchers.tick()
      await other.vouchers.tick()
    })
    after(async () => {
      await other?.close()
      await h?.close()
    })

    test('one key sent to two processes at once: one voucher, and both hear its answer', async () => {
      const residents = await bulkResidents(h.db, 20)
      const pairs = await Promise.all(
        residents.map(async (resident) => {
          const key = newKey()
          const send = (server: VoucherHarness) => claim(server, resident, 'keys', { key })
          return Promise.all([send(h), send(other)])
        }),
      )
      for (const [first, second] of pairs) {
        assert.equal(first.statusCode, 201, first.body)
        assert.equal(second.body, first.body)
      }
      const [{ n }] = await h.db.query<{ n: number }>(`select count(*)::int as n from vouchers where batch_id = 'keys'`)
      assert.equal(n, residents.length)
    })

    test('a key left in flight by a process that died: CLAIM_IN_FLIGHT within its lease, taken over after it', async () => {
      const [resident] = await bulkResidents(h.db, 1)
      const key = newKey()
      const fingerprint = (h.vouchers as unknown as { claimFingerprint(batchId: string, roundId?: string): string }).claimFingerprint(
        'keys',
        undefined,
      )
      const leave = (leasedUntil: Date) =>
        h.db.query(
          `insert into idempotency_keys (scope, user_id, key, fingerprint, state, leased_until) values ('claim', $1, $2, $3, 'in-flight', $4)
           on conflict (scope, user_id, key) do update set leased_until = excluded.leased_until`,
          [resident.userId, key, fingerprint, leasedUntil],
        )
      const retry = () => claim(h, resident, 'keys', { key })
      await leave(new Date(h.clock.now.getTime() + 30_000))
      const held = await retry()
      assert.equal(held.statusCode, 409)
      assert.equal(held.json().error.code, 'CLAIM_IN_FLIGHT')
      await leave(new Date(h.clock.now.getTime() - 1))
      const taken = await retry()
      assert.equal(taken.statusCode, 201, taken.body)
      assert.equal((await retry()).body, taken.body)
      const [row] = await h.db.query<{ state: string; status: number }>(
        `select state, status from idempotency_keys where scope = 'claim' and user_id = $1 and key = $2`,
        [resident.userId, key],
      )
      assert.deepEqual(row, { state: 'done', status: 201 })
    })
  })
}

// The store engines count through @fastify/rate-limit and the per-resident window; the Redis gate
// in the claim's own script (issue 20). Same limits, same answers.
for (const engine of ['pglite', 'redis'] as const) {
  describe(`rate limits on the claim route (${engine})`, { skip: skipReason(engine) ?? false }, () => {
    let h: VoucherHarness
    before(async () => {
      h = await startVoucherHarness(engine, { env: { CLAIM_RATE_LIMIT_USER_PER_10S: '3', CLAIM_RATE_LIMIT_IP_PER_10S: '6' } })
      await importBatches(h.db, [rushBatch('limited', h.clock.now.getTime(), { quota: 100 })])
      await h.vouchers.tick()
    })
    after(() => h?.close())

    test('per resident: the 4th tap within 10 s → 429 RATE_LIMITED with Retry-After; per IP: the 7th', async () => {
      const [first, second] = await bulkResidents(h.db, 2)
      const tap = (resident: { token: string; userId: string }) => claim(h, resident, 'limited')
      const firstTaps = [await tap(first), await tap(first), await tap(first), await tap(first)]
      assert.deepEqual(
        firstTaps.map((response) => response.statusCode),
        [201, 409, 409, 429],
      )
      assert.equal(firstTaps[3].json().error.code, 'RATE_LIMITED')
      assert.ok(Number(firstTaps[3].headers['retry-after']) >= 1)
      assert.equal(firstTaps[2].headers['x-user-ratelimit-remaining'], '0')
      const secondTaps = [await tap(second), await tap(second), await tap(second)]
      assert.deepEqual(
        secondTaps.map((response) => response.statusCode),
        [201, 409, 429],
        'the 7th request from this IP is refused',
      )
    })
  })
}

/** Counts store queries and calls into the claim engine (the only ways to Redis) until stop(). */
function spyOnIo(h: VoucherHarness): { stop(only?: readonly string[]): number } {
  const counts = new Map<string, number>()
  const restore: (() => void)[] = []
  const wrap = (target: object, name: string) => {
    const holder = target as Record<string, (...args: unknown[]) => unknown>
    const original = holder[name]
    holder[name] = function (this: unknown, ...args: unknown[]) {
      counts.set(name, (counts.get(name) ?? 0) + 1)
      return original.apply(this, args)
    }
    restore.push(() => {
      holder[name] = original
    })
  }
  wrap(h.db, 'query')
  for (const name of ['claim', 'answered', 'claimedByRound', 'upkeep']) wrap(h.vouchers.engine, name)
  return {
    /** Calls so far (of the named functions only, when given). */
    stop(only) {
      for (const undo of restore) undo()
      return [...counts].reduce((sum, [name, count]) => sum + (only && !only.includes(name) ? 0 : count), 0)
    },
  }
}

/**
 * Holds the engine's work for claims whose key starts with "hold", after the key was taken. The
 * Redis gate binds and claims in one script, so there the batch's gate is paused instead (as a
 * rebuild does): the claim has bound its key and waits for the pause to end.
 */
function holdInEngine(h: VoucherHarness, until: Promise<void>, batchId: string): () => void {
  if (h.vouchers.engine instanceof RedisClaimEngine) {
    const engine = h.vouchers.engine
    const paused = engine.keys(batchId).paused
    const held = engine.redis.set(paused, 'test-hold', 'PX', 10_000)
    void until.then(async () => {
      await held
      await engine.redis.del(paused)
    })
    return () => undefined
  }
  const engine = h.vouchers.engine as unknown as Record<string, (request: ClaimRequest | ClaimRequest[]) => Promise<unknown>>
  // The store engine decides claims in groups.
  const name = 'takeGroup'
  const original = engine[name]
  engine[name] = async function (this: unknown, request: ClaimRequest | ClaimRequest[]) {
    if ([request].flat().some((item) => item.key.startsWith('hold'))) await until
    return original.call(this, request)
  }
  return () => {
    engine[name] = original
  }
}
