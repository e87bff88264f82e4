/**
 * The Redis gate's own pitfalls (TEST_REDIS_URL): the duplicate check compares with `== 1`, a
 * missing stock key fails closed, NOSCRIPT after SCRIPT FLUSH is recovered (the gates checked
 * first), the writer and a journal writing the same vouchers place each once, a writer killed
 * mid-stream loses nothing once the reconciler has run, and a Redis that lost everything is
 * rebuilt from PostgreSQL with limits and first answers intact.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { newWalletVoucher } from '../../src/domain/vouchers/claim'
import { writeReservedVouchers } from '../src/store/vouchers'
import { RedisClaimEngine } from '../src/vouchers/redis-engine'
import { CLAIM_SCRIPT } from '../src/vouchers/redis-scripts'
import { bulkResidents, importBatches, inParallel, rushBatch } from './helpers/voucher-fixtures'
import { bearer, newKey, skipReason, startVoucherHarness, type VoucherHarness } from './helpers/voucher-harness'

const skip = skipReason('redis')
if (skip) console.log(`# Redis gate tests: ${skip}`)

const claimUrl = (batchId: string) => `/api/v1/batches/${batchId}/claims`

describe('the Redis claim gate', { skip: skip ?? false }, () => {
  let h: VoucherHarness
  let engine: RedisClaimEngine

  before(async () => {
    h = await startVoucherHarness('redis', { seed: false, vouchers: { redisEngine: { worker: false, lossGraceMs: 50 } } })
    engine = h.vouchers.engine as RedisClaimEngine
    const at = h.clock.now.getTime()
    await importBatches(h.db, [
      rushBatch('lua', at, { quota: 10, perRound: 2, perBatch: 2 }),
      rushBatch('closed-fail', at, { quota: 10 }),
      rushBatch('crash', at, { quota: 300 }),
      rushBatch('amnesia', at, { quota: 50 }),
      rushBatch('orphaned', at, { quota: 50 }),
      rushBatch('reconnect', at, { quota: 50 }),
      rushBatch('twice', at, { quota: 40 }),
    ])
    await h.vouchers.tick()
  })
  after(() => h?.close())

  const scriptArgs = (userId: string, key: string) => {
    const k = engine.keys('lua')
    return {
      keys: [k.total('r1'), k.taken('r1'), k.user(userId), k.claim(userId, key), k.stream, k.paused, k.epoch],
      args: ['r1', userId, `v-${key}-${userId.slice(0, 8)}`, h.clock.now.getTime(), 2, 2, key, 60_000],
    }
  }

  test('the duplicate check compares with == 1: a new key claims, the same key is a duplicate of the first', async () => {
    const [lua, lua2] = await bulkResidents(h.db, 2)
    const first = scriptArgs(lua.userId, 'key-one')
    assert.deepEqual(((await engine.runScript(CLAIM_SCRIPT, first.keys, first.args)) as string[])[0], 'CLAIMED')
    const again = (await engine.runScript(CLAIM_SCRIPT, first.keys, first.args)) as string[]
    assert.equal(again[0], 'DUPLICATE')
    assert.match(again[1], /^v-key-one-/)
    const second = scriptArgs(lua.userId, 'key-two')
    assert.equal(((await engine.runScript(CLAIM_SCRIPT, second.keys, second.args)) as string[])[0], 'CLAIMED')
    const third = scriptArgs(lua.userId, 'key-three')
    assert.deepEqual(((await engine.runScript(CLAIM_SCRIPT, third.keys, third.args)) as string[]).slice(0, 3), ['LIMIT_REACHED', '2', '2'])

    // The pitfall itself: without `== 1`, EXISTS's 0 is true in Lua and every new key looks like a duplicate.
    const pitfall = CLAIM_SCRIPT.replace("if redis.call('EXISTS', kClaim) == 1 then", "if redis.call('EXISTS', kClaim) then")
    assert.notEqual(pitfall, CLAIM_SCRIPT)
    const fresh = scriptArgs(lua2.userId, 'key-fresh')
    const wrong = (await engine.redis.eval(pitfall, fresh.keys.length, ...fresh.keys, ...fresh.args)) as unknown[]
    assert.equal(wrong[0], 'DUPLICATE', 'the test above would catch a truthiness check')
  })

  test('a missing stock key is rebuilt from PostgreSQL before the claim is answered: never SOLD_OUT from missing state', async () => {
    const k = engine.keys('closed-fail')
    const [resident, other] = await bulkResidents(h.db, 2)
    await engine.redis.del(k.total('r1'))
    const key = newKey()
    const granted = await h.request({ method: 'POST', url: claimUrl('closed-fail'), headers: { ...bearer(resident), 'idempotency-key': key } })
    assert.equal(granted.statusCode, 201, granted.body)
    assert.equal(await engine.redis.get(k.total('r1')), '10', 'the total was rebuilt from the batch and the record')
    assert.equal(await engine.redis.get(k.taken('r1')), '1')
    // Only definitive answers are kept against a key: the retry replays the 201.
    const retry = await h.request({ method: 'POST', url: claimUrl('closed-fail'), headers: { ...bearer(resident), 'idempotency-key': key } })
    assert.equal(retry.body, granted.body)
    const next = await h.request({ method: 'POST', url: claimUrl('closed-fail'), headers: { ...bearer(other), 'idempotency-key': newKey() } })
    assert.equal(next.statusCode, 201, next.body)
  })

  test('NOSCRIPT after SCRIPT FLUSH: the gates are checked against PostgreSQL once, then the claim succeeds and EVALSHA works again', async () => {
    const [resident] = await bulkResidents(h.db, 1)
    const recoveries = engine.shared.cacheLossRecoveries
    await engine.redis.script('FLUSH')
    const response = await h.request({
      method: 'POST',
      url: claimUrl('lua'),
      headers: { ...bearer(resident), 'idempotency-key': newKey() },
    })
    assert.equal(response.statusCode, 201, response.body)
    assert.equal(engine.shared.cacheLossRecoveries, recoveries + 1, 'a lost script cache means Redis may be behind: checked once')
    const reloads = engine.scriptReloads
    const next = await h.request({ method: 'POST', url: claimUrl('lua'), headers: { ...bearer(resident), 'idempotency-key': newKey() } })
    assert.equal(next.statusCode, 201)
    assert.equal(engine.scriptReloads, reloads, 'the script is loaded again: EVALSHA works from then on')
    assert.equal(engine.shared.cacheLossRecoveries, recoveries + 1)
  })

  // After Redis came back behind its answers the claim journal writes its unsettled 201s while the
  // stream writer writes the same entries: both transactions looked before either committed, and
  // the second put vouchers already written on second slots (a 500 in the fault test).
  test('the stream writer and a claim journal writing the same vouchers at once: each once, on one slot', async () => {
    const batch = await h.vouchers.findBatch('twice')
    const residents = await bulkResidents(h.db, 40)
    const items = residents.map((resident, index) => ({
      voucher: newWalletVoucher({ id: randomUUID(), batch, roundId: 'r1', ownerId: resident.userId, claimedAt: h.clock.now.getTime() }),
      batchSeq: index + 1,
      roundSeq: index + 1,
      claimKey: newKey(),
    }))
    const written = await Promise.all([
      h.db.transaction((tx) => writeReservedVouchers(tx, 'twice', items)),
      h.db.transaction((tx) => writeReservedVouchers(tx, 'twice', items.slice(10))),
      h.db.transaction((tx) => writeReservedVouchers(tx, 'twice', items.slice(0, 30))),
    ])
    assert.equal(new Set(written.flat()).size, 40)
    assert.equal(written.flat().length, 40, 'each voucher written by exactly one of them')
    const [row] = await h.db.query<{ vouchers: number; slots: number }>(
      `select (select count(*)::int from vouchers where batch_id = 'twice') as vouchers,
              (select count(*)::int from voucher_slots where batch_id = 'twice' and voucher_id is not null) as slots`,
    )
    assert.deepEqual(row, { vouchers: 40, slots: 40 })
  })

  test('the idempotency record: a 201 is replayed from the claim record; a key whose process died mid-claim is taken over after its lease', async () => {
    const [resident] = await bulkResidents(h.db, 1)
    const idem = (key: string) => `${engine.prefix}idem:{u:${resident.userId}}:${key}`
    const claim = (key: string, payload?: object) =>
      h.request({ method: 'POST', url: claimUrl('lua'), headers: { ...bearer(resident), 'idempotency-key': key }, payload })

    // A 201 is not stored as text: the record holds the fingerprint and a lease, and a retry
    // rebuilds the answer from the claim record, byte for byte, even long after the lease.
    const key = newKey()
    const first = await claim(key)
    assert.equal(first.statusCode, 201, first.body)
    const record = (await engine.redis.get(idem(key)))!
    assert.match(record, /^l\|\d+\|/)
    await engine.redis.set(idem(key), record.replace(/^l\|\d+\|/, 'l|1|'), 'KEEPTTL')
    const late = await claim(key)
    assert.equal(late.statusCode, 201)
    assert.equal(late.body, first.body)
    assert.equal((await claim(key, { roundId: 'r1' })).json().error.code, 'IDEMPOTENCY_KEY_REUSED')

    // A process bound a key and has not answered: while its writer's heartbeat lives and within the
    // lease the retry hears CLAIM_IN_FLIGHT; after the lease, or once the heartbeat is gone (the
    // process was killed), the retry takes the key over and claims once.
    const orphan = newKey()
    await engine.redis.set(`${engine.prefix}writer:another-process`, '1', 'PX', 60_000)
    const fingerprint = record.split('|')[2]
    await engine.redis.set(idem(orphan), `l|${Date.now() + 60_000}|${fingerprint}|another-process`, 'PX', 86_400_000)
    const held = await claim(orphan)
    assert.equal(held.statusCode, 409)
    assert.equal(held.json().error.code, 'CLAIM_IN_FLIGHT')
    await engine.redis.del(`${engine.prefix}writer:another-process`)
    const takenOver = await claim(orphan)
    assert.equal(takenOver.statusCode, 201, takenOver.body)
    assert.notEqual(takenOver.json().data.voucher.id, first.json().data.voucher.id)
    const replayed = await claim(orphan)
    assert.equal(replayed.body, takenOver.body)

    // A refusal is recorded with its text and replayed as it was.
    const refusedKey = newKey()
    const refused = await claim(refusedKey)
    assert.equal(refused.json().error.code, 'LIMIT_REACHED')
    assert.equal(JSON.parse((await engine.redis.get(idem(refusedKey)))!).b, refused.body)
    assert.equal((await claim(refusedKey)).body, refused.body)

    // While an operator pauses the round, the gate still replays first answers (the 201 above), but
    // a key bound by a process that died before answering is refused, not claimed: the engine only
    // looks when the gate refuses.
    const [other] = await bulkResidents(h.db, 1)
    const stranded = newKey()
    await engine.redis.set(`${engine.prefix}idem:{u:${other.userId}}:${stranded}`, `l|1|${fingerprint}|gone-process`, 'PX', 86_400_000)
    h.vouchers.controls.setPaused('lua', 'r1', true)
    try {
      assert.equal((await claim(key)).body, first.body)
      const paused = await h.request({ method: 'POST', url: claimUrl('lua'), headers: { ...bearer(other), 'idempotency-key': stranded } })
      assert.equal(paused.statusCode, 409)
      assert.equal(paused.json().error.code, 'ROUND_PAUSED')
    } finally {
      h.vouchers.controls.setPaused('lua', 'r1', false)
    }
  })

  test('a writer killed mid-stream loses nothing: after reconciliation PostgreSQL holds exactly the vouchers answered CLAIMED', async () => {
    const batch = await h.vouchers.findBatch('crash')
    const residents = await bulkResidents(h.db, 400)
    const responses = await inParallel(residents.length, 100, (index) =>
      h.request({ method: 'POST', url: claimUrl('crash'), headers: { ...bearer(residents[index]), 'idempotency-key': newKey() } }),
    )
    const claimed = new Set(
      responses.filter((response) => response.statusCode === 201).map((response) => response.json().data.voucher.id as string),
    )
    assert.equal(claimed.size, 300)

    // The doomed writer reads 200 entries, commits 100 of them and dies before acknowledging any.
    const [{ entries }] = (await engine.writer.readNew('doomed-writer', 200, null)).filter((group) => group.batch.id === 'crash')
    assert.equal(entries.length, 200)
    await engine.writer.writeEntries(batch, entries.slice(0, 100), { ack: false })
    const [{ n: midway }] = await h.db.query<{ n: number }>(`select count(*)::int as n from vouchers where batch_id = 'crash'`)
    assert.equal(midway, 100)
    assert.equal(((await engine.redis.xpending(engine.keys('crash').stream, 'writers')) as [number])[0], 200)

    // Another process starts on the same Redis and store and reconciles.
    const restarted = await startVoucherHarness('redis', {
      db: h.db,
      redisPrefix: h.redisPrefix!,
      vouchers: { redisEngine: { worker: false } },
    })
    try {
      const survivor = restarted.vouchers.engine as RedisClaimEngine
      const report = await survivor.reconcile(batch, h.clock.now.getTime(), { staleMs: 0 })
      assert.equal(report.redriven, 200, 'the 100 uncommitted pending entries and the 100 never read; the 100 committed are skipped')
      assert.equal(report.agreed, true)
      const stored = new Set((await h.db.query<{ id: string }>(`select id from vouchers where batch_id = 'crash'`)).map((row) => row.id))
      assert.deepEqual(stored, claimed)
      const proof = await survivor.verify(batch)
      assert.equal(proof.ok, true, JSON.stringify(proof))
      assert.equal(proof.residents, 300)
    } finally {
      await restarted.close()
    }
  })

  test('Redis lost everything (a flush): the 201s not yet written reach PostgreSQL from the journal, the gate is rebuilt before any answer — no false SOLD_OUT, limits and first answers intact', async () => {
    const batch = await h.vouchers.findBatch('amnesia')
    const residents = await bulkResidents(h.db, 12)
    const [resident, other] = residents
    const key = newKey()
    const first = await h.request({ method: 'POST', url: claimUrl('amnesia'), headers: { ...bearer(resident), 'idempotency-key': key } })
    assert.equal(first.statusCode, 201)
    // Ten more answered claims, none written yet (no writer runs here): they exist only in Redis's stream and this process's journal.
    const answered = await inParallel(10, 10, (index) =>
      h.request({ method: 'POST', url: claimUrl('amnesia'), headers: { ...bearer(residents[2 + index]), 'idempotency-key': newKey() } }),
    )
    assert.ok(answered.every((response) => response.statusCode === 201))
    const ids = [first, ...answered].map((response) => response.json().data.voucher.id as string)
    assert.equal(engine.journal.size >= 11, true, 'the journal holds the unwritten 201s')

    await engine.purgeAll()
    const fresh = await h.request({ method: 'POST', url: claimUrl('amnesia'), headers: { ...bearer(other), 'idempotency-key': newKey() } })
    assert.equal(fresh.statusCode, 201, `a flushed Redis is rebuilt before the answer, not SOLD_OUT: ${fresh.body}`)
    const stored = new Set((await h.db.query<{ id: string }>(`select id from vouchers where batch_id = 'amnesia'`)).map((row) => row.id))
    for (const id of ids) assert.ok(stored.has(id), `answered voucher ${id} is in PostgreSQL`)
    assert.equal(await engine.redis.get(engine.keys('amnesia').taken('r1')), '12', 'the rebuilt count includes the orphans and the new claim')

    const retry = await h.request({ method: 'POST', url: claimUrl('amnesia'), headers: { ...bearer(resident), 'idempotency-key': key } })
    assert.equal(retry.statusCode, 201)
    assert.equal(retry.json().data.voucher.id, first.json().data.voucher.id, 'the retry gets the same voucher, not a second one')
    const again = await h.request({ method: 'POST', url: claimUrl('amnesia'), headers: { ...bearer(resident), 'idempotency-key': newKey() } })
    assert.equal(again.json().error.code, 'LIMIT_REACHED')
    await engine.reconcile(batch, h.clock.now.getTime(), { staleMs: 0 })
    const proof = await engine.verify(batch)
    assert.equal(proof.ok, true, JSON.stringify(proof))
    assert.equal(proof.residents, 12)
  })

  const storedIds = async (batchId: string) =>
    new Set((await h.db.query<{ id: string }>('select id from vouchers where batch_id = $1', [batchId])).map((row) => row.id))
  async function allStoredWithin(batchId: string, ids: readonly string[], ms: number): Promise<Set<string>> {
    const until = Date.now() + ms
    let stored = await storedIds(batchId)
    while (Date.now() < until && !ids.every((id) => stored.has(id))) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      stored = await storedIds(batchId)
    }
    return stored
  }
  const claimAll = async (batchId: string, count: number) => {
    const residents = await bulkResidents(h.db, count)
    const responses = await inParallel(count, 10, (index) =>
      h.request({ method: 'POST', url: claimUrl(batchId), headers: { ...bearer(residents[index]), 'idempotency-key': newKey() } }),
    )
    assert.ok(responses.every((response) => response.statusCode === 201))
    return responses.map((response) => response.json().data.voucher.id as string)
  }

  test('a killed server left entries pending for its writer: a live writer sees no heartbeat and writes them within seconds, not after staleMs', { timeout: 30_000 }, async () => {
    const ids = await claimAll('orphaned', 30)
    const [{ entries }] = (await engine.writer.readNew('killed-server-writer', 100, null)).filter((group) => group.batch.id === 'orphaned')
    assert.equal(entries.length, 30, 'the dead writer had read them all')
    const started = Date.now()
    const next = await startVoucherHarness('redis', { db: h.db, redisPrefix: h.redisPrefix!, vouchers: { redisEngine: { writer: 'loop' } } })
    try {
      const stored = await allStoredWithin('orphaned', ids, 5000)
      assert.deepEqual(stored, new Set(ids), `in PostgreSQL ${Date.now() - started} ms after the new server started`)
    } finally {
      await next.close()
    }
  })

  test('the writer reads its own pending entries again after every reconnect: a read whose reply was lost is written within seconds', { timeout: 30_000 }, async () => {
    const live = await startVoucherHarness('redis', { db: h.db, redisPrefix: h.redisPrefix!, vouchers: { redisEngine: { writer: 'loop' } } })
    try {
      const { writer } = live.vouchers.engine as RedisClaimEngine
      // The first read that brings this batch's entries loses its reply: the connection drops
      // (CLIENT KILL of the writer's named connections) and the loop never sees them.
      const read = writer.readNew.bind(writer)
      let lost = 0
      writer.readNew = async (consumer, count, blockMs, options = {}) => {
        const groups = await read(consumer, count, blockMs, options)
        const hit = groups.find((group) => group.batch.id === 'reconnect' && group.entries.length > 0)
        if (!hit || options.pending || lost > 0) return groups
        lost = hit.entries.length
        const clients = (await engine.redis.client('LIST')) as string
        for (const line of clients.split('\n')) {
          const name = /\bname=(\S+)/.exec(line)?.[1]
          if (name === `writer-${writer.consumer}` || name === `gate-${writer.consumer}`)
            await engine.redis.client('KILL', 'ID', /\bid=(\d+)/.exec(line)![1])
        }
        return groups.filter((group) => group !== hit)
      }
      const ids = await claimAll('reconnect', 20)
      const stored = await allStoredWithin('reconnect', ids, 5000)
      assert.ok(lost > 0, 'a read lost its reply')
      assert.deepEqual(stored, new Set(ids))
    } finally {
      await live.close()
    }
  })
})

describe(
  'the stream writer thread (Redis gate over PostgreSQL)',
  { skip: skip ?? (process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set: the writer runs in-process on PGlite') },
  () => {
    let h: VoucherHarness
    before(async () => {
      h = await startVoucherHarness('redis', { seed: false })
      await importBatches(h.db, [rushBatch('thread', h.clock.now.getTime(), { quota: 200 })])
      await h.vouchers.tick()
    })
    after(() => h?.close())

    const stored = async () => (await h.db.query<{ n: number }>(`select count(*)::int as n from vouchers where batch_id = 'thread'`))[0].n
    async function until(n: number): Promise<number> {
      for (let attempt = 0; attempt < 200 && (await stored()) < n; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50))
      return stored()
    }

    test('writes from its own thread; killed, another starts and the claims still reach PostgreSQL', { timeout: 30_000 }, async () => {
      const engine = h.vouchers.engine as RedisClaimEngine
      assert.ok(engine.writerThread, 'the writer runs in a worker thread')
      const residents = await bulkResidents(h.db, 100)
      const claim = (index: number) =>
        h.request({ method: 'POST', url: claimUrl('thread'), headers: { ...bearer(residents[index]), 'idempotency-key': newKey() } })
      const first = await inParallel(50, 25, claim)
      assert.ok(first.every((response) => response.statusCode === 201))
      assert.equal(await until(50), 50)

      const killed = engine.writerThread!.threadId
      await engine.writerThread!.terminate()
      const second = await inParallel(50, 25, (index) => claim(50 + index))
      assert.ok(second.every((response) => response.statusCode === 201))
      assert.equal(await until(100), 100)
      assert.ok(engine.writerThread && engine.writerThread.threadId !== killed, 'a new writer thread took over')
      const proof = await engine.verify(await h.vouchers.findBatch('thread'))
      assert.equal(proof.ok, true, JSON.stringify(proof))
    })
  },
)
