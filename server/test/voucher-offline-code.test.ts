/**
 * The offline code at the till (src/domain/vouchers/offline-code.ts) against the real server and
 * store: the owner's phone gets the voucher's secret once, derives rotating codes with no server
 * contact (here: the same domain function the app runs, with the HMAC the app uses), and the
 * merchant desk accepts one within the clock-skew window, refuses it outside, and refuses reuse —
 * also after a refund restored the voucher, and when two tills scan the same code at once.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  decodeOfflineCodeSecret,
  deriveOfflineCode,
  OFFLINE_CODE_SKEW_STEPS,
  OFFLINE_CODE_STEP_SECONDS,
} from '../../src/domain/vouchers/offline-code'
import { hmacSha256 as phoneHmac } from '../../src/services/crypto/hmac-sha256'
import { importBatches, rushBatch } from './helpers/voucher-fixtures'
import { bearer, newKey, skipReason, startVoucherHarness, type Account, type VoucherHarness } from './helpers/voucher-harness'

const STEP_MS = OFFLINE_CODE_STEP_SECONDS * 1000

for (const engine of ['pglite', 'postgres'] as const) {
  const skip = skipReason(engine)
  if (skip) console.log(`# offline code tests on ${engine}: ${skip}`)

  describe(`the offline code at the till on ${engine}`, { skip: skip ?? false }, () => {
    let h: VoucherHarness
    let alice: Account
    let bob: Account
    let market: Account
    let noodles: Account

    const claim = async (who: Account, batchId: string) => {
      const response = await h.request({ method: 'POST', url: `/api/v1/batches/${batchId}/claims`, headers: { ...bearer(who), 'idempotency-key': newKey() } })
      assert.equal(response.statusCode, 201, response.body)
      return response.json().data.voucher.id as string
    }
    const offlineKey = (who: Account, voucherId: string) =>
      h.request({ method: 'POST', url: `/api/v1/me/vouchers/${voucherId}/offline-key`, headers: bearer(who) })
    /** What the phone does with no network: derive the code from the kept secret and its own clock. */
    const phoneCode = (key: { voucherId: string; ownerId: string; secret: string }, phoneNow: number) =>
      deriveOfflineCode({ voucherId: key.voucherId, ownerId: key.ownerId, secret: decodeOfflineCodeSecret(key.secret)!, now: phoneNow }, phoneHmac).token
    const redeem = (who: Account, code: string, orderAmountFen: number, orderId = newKey()) =>
      h.request({ method: 'POST', url: '/api/v1/merchant/redemptions', headers: bearer(who), payload: { code, orderAmountFen, orderId } })

    before(async () => {
      h = await startVoucherHarness(engine)
      await importBatches(h.db, [rushBatch('offline-shop', h.clock.now.getTime(), { quota: 100, perRound: 10, perBatch: 10, lastsMs: 24 * 3_600_000, extra: { oneVoucherPerTransaction: false } })])
      await h.vouchers.tick()
      alice = await h.login(`离线甲-${engine}`)
      bob = await h.login(`离线乙-${engine}`)
      market = await h.login(`离线超市-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-market' })
      noodles = await h.login(`离线面馆-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-noodles' })
    })
    after(() => h?.close())

    test('only the owner gets the secret, never cached; a used voucher has none', async () => {
      const id = await claim(alice, 'offline-shop')
      const mine = await offlineKey(alice, id)
      assert.equal(mine.statusCode, 200, mine.body)
      assert.equal(mine.headers['cache-control'], 'no-store')
      const key = mine.json().data
      assert.equal(key.voucherId, id)
      assert.equal(key.stepSeconds, 30)
      assert.equal(decodeOfflineCodeSecret(key.secret)?.length, 32)
      assert.equal((await offlineKey(bob, id)).statusCode, 404)
      assert.equal((await redeem(market, phoneCode(key, h.clock.now.getTime()), 3000)).statusCode, 201)
      const used = await offlineKey(alice, id)
      assert.equal(used.statusCode, 409)
      assert.equal(used.json().error.code, 'NOT_USABLE')
    })

    test('two hours with no network: the code the phone derives then is accepted once', async () => {
      const id = await claim(alice, 'offline-shop')
      const key = (await offlineKey(alice, id)).json().data
      h.clock.now = new Date(h.clock.now.getTime() + 2 * 60 * 60 * 1000 + 13_000)
      const code = phoneCode(key, h.clock.now.getTime())
      const first = await redeem(market, code, 3000)
      assert.equal(first.statusCode, 201, first.body)
      assert.equal(first.json().data.voucher.displayStatus, 'used')
    })

    test('clock skew: ±2 steps accepted, 3 refused in either direction; a refused code changes nothing', async () => {
      const id = await claim(bob, 'offline-shop')
      const key = (await offlineKey(bob, id)).json().data
      const now = h.clock.now.getTime()
      const late = await redeem(market, phoneCode(key, now - (OFFLINE_CODE_SKEW_STEPS + 1) * STEP_MS), 3000)
      assert.equal(late.statusCode, 422)
      assert.equal(late.json().error.code, 'TOKEN_EXPIRED')
      const early = await redeem(market, phoneCode(key, now + (OFFLINE_CODE_SKEW_STEPS + 1) * STEP_MS), 3000)
      assert.equal(early.json().error.code, 'TOKEN_NOT_YET_VALID')
      const [{ n }] = await h.db.query<{ n: number }>('select count(*)::int as n from voucher_redemptions where voucher_id = $1', [id])
      assert.equal(n, 0)
      const slow = await redeem(market, phoneCode(key, now - OFFLINE_CODE_SKEW_STEPS * STEP_MS), 3000)
      assert.equal(slow.statusCode, 201, slow.body)
    })

    test('reuse is refused: the same code after a refund restored the voucher, and an older code; the next step works', async () => {
      const id = await claim(bob, 'offline-shop')
      const key = (await offlineKey(bob, id)).json().data
      const now = h.clock.now.getTime()
      const code = phoneCode(key, now)
      const done = await redeem(market, code, 3000)
      assert.equal(done.statusCode, 201, done.body)
      const refunded = await h.request({ method: 'POST', url: '/api/v1/merchant/refunds', headers: bearer(market), payload: { redemptionId: done.json().data.redemption.id, full: true } })
      assert.equal(refunded.json().data.outcome, 'RESTORED')
      const again = await redeem(market, code, 3000)
      assert.equal(again.statusCode, 409)
      assert.equal(again.json().error.code, 'CODE_REUSED')
      assert.match(again.json().error.message, /已经用过/)
      const older = await redeem(noodles, phoneCode(key, now - STEP_MS), 3000)
      assert.equal(older.json().error.code, 'CODE_REUSED')
      h.clock.now = new Date(now + STEP_MS)
      const next = await redeem(market, phoneCode(key, now + STEP_MS), 3000)
      assert.equal(next.statusCode, 201, next.body)
    })

    test('the same scan retried on the same order gets its first answer, not a reuse error', async () => {
      const id = await claim(alice, 'offline-shop')
      const key = (await offlineKey(alice, id)).json().data
      const code = phoneCode(key, h.clock.now.getTime())
      const orderId = newKey()
      const first = await redeem(market, code, 3000, orderId)
      const retry = await redeem(market, code, 3000, orderId)
      assert.equal(first.statusCode, 201)
      assert.equal(retry.statusCode, 201, retry.body)
      assert.equal(retry.json().data.redemption.id, first.json().data.redemption.id)
    })

    test('two tills scan one code at once: one redemption', async () => {
      const id = await claim(alice, 'offline-shop')
      const key = (await offlineKey(alice, id)).json().data
      const code = phoneCode(key, h.clock.now.getTime())
      const answers = await Promise.all([redeem(market, code, 3000), redeem(noodles, code, 3000)])
      assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 409])
      const [{ n }] = await h.db.query<{ n: number }>('select count(*)::int as n from voucher_redemptions where voucher_id = $1', [id])
      assert.equal(n, 1)
    })

    test('a code for another owner’s voucher, derived with one’s own secret, is forged', async () => {
      const id = await claim(alice, 'offline-shop')
      const mine = (await offlineKey(alice, id)).json().data
      const bobsId = await claim(bob, 'offline-shop')
      const forged = phoneCode({ ...mine, voucherId: bobsId, ownerId: mine.ownerId }, h.clock.now.getTime())
      assert.equal((await redeem(market, forged, 3000)).json().error.code, 'TOKEN_FORGED')
    })
  })
}
