/**
 * The pause switch (issue 17): an operator pauses a round and the claim path refuses new claims
 * within a second — at once in the server that took the request, and within a second in another
 * server process on the same store (a second app here, its timers running as in production) —
 * on PGlite, PostgreSQL and the Redis gate. Resuming lets claims through again.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CONTROL_REFRESH_MS } from '../src/vouchers/controls'
import { staffSession } from './helpers/staff'
import { importBatches, rushBatch } from './helpers/voucher-fixtures'
import { bearer, ENGINES, newKey, skipReason, startVoucherHarness, type Account, type VoucherHarness } from './helpers/voucher-harness'

for (const engine of ENGINES) {
  const skip = skipReason(engine)
  if (skip) console.log(`# pause switch on ${engine}: ${skip}`)

  describe(`pause switch on ${engine}`, { skip: skip ?? false }, () => {
    let first: VoucherHarness
    let second: VoucherHarness
    let operator: { headers: { authorization: string } }
    let resident: Account

    const claimOn = (h: VoucherHarness) =>
      h.request({ method: 'POST', url: '/api/v1/batches/pause-rush/claims', headers: { ...bearer(resident), 'idempotency-key': newKey() } })
    const pause = async (paused: boolean) => {
      const response = await first.request({ method: 'POST', url: '/api/v1/admin/batches/pause-rush/rounds/r1/pause', headers: operator.headers, payload: { paused } })
      assert.equal(response.statusCode, 200, response.body)
    }
    /** Claims on `h` until one is answered `code`; the time that took. */
    async function msUntil(h: VoucherHarness, refused: boolean): Promise<number> {
      const started = performance.now()
      for (;;) {
        const response = await claimOn(h)
        const isRefusal = response.statusCode === 409 && response.json().error.code === 'ROUND_PAUSED'
        if (isRefusal === refused) {
          if (refused) assert.match(response.json().error.message, /暂停/)
          else assert.equal(response.statusCode, 201, response.body)
          return performance.now() - started
        }
        if (performance.now() - started > 5000) assert.fail(`still ${refused ? 'claiming' : 'refused'} after 5 s: ${response.body}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    before(async () => {
      first = await startVoucherHarness(engine, { seed: false })
      await importBatches(first.db, [rushBatch('pause-rush', first.clock.now.getTime(), { quota: 5000, perRound: 5000, perBatch: 5000 })])
      await first.vouchers.tick()
      second = await startVoucherHarness(engine, { db: first.db, redisPrefix: first.redisPrefix ?? undefined, vouchers: { timers: true } })
      operator = await staffSession(first, 'ops.pause', 'operator')
      resident = await first.login('暂停测试居民')
    })
    after(async () => {
      await second?.close()
      await first?.close()
    })

    test('claims stop at once where the switch was thrown, and within a second on another server; resume lets them through', async () => {
      assert.equal((await claimOn(first)).statusCode, 201)
      assert.equal((await claimOn(second)).statusCode, 201)
      await pause(true)
      const here = await claimOn(first)
      assert.equal(here.statusCode, 409, here.body)
      assert.equal(here.json().error.code, 'ROUND_PAUSED')
      const elsewhereMs = await msUntil(second, true)
      assert.ok(elsewhereMs < 1000, `the other server took ${elsewhereMs.toFixed(0)} ms to honour the pause`)
      console.log(`# ${engine}: the other server refused claims ${elsewhereMs.toFixed(0)} ms after the pause (refresh every ${CONTROL_REFRESH_MS} ms)`)
      await pause(false)
      assert.equal((await claimOn(first)).statusCode, 201)
      const resumedMs = await msUntil(second, false)
      assert.ok(resumedMs < 1000, `the other server took ${resumedMs.toFixed(0)} ms to resume`)
    })
  })
}
