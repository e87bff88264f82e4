/**
 * After the claim: the wallet (owner only), the signed redemption code, merchant redemption
 * (exactly once, threshold, one per transaction, daily cap, merchant eligibility, token checks),
 * refunds both ways, the expiry job (exactly once, quota handed back), the development login
 * and the demo wallet. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { yuanToFen } from '../../src/domain/money'
import { seedDevAccounts } from '../src/vouchers/dev-accounts'
import { importBatches, rushBatch } from './helpers/voucher-fixtures'
import { bearer, newKey, skipReason, startVoucherHarness, type Account, type VoucherHarness } from './helpers/voucher-harness'

const DAY = 86_400_000

for (const engine of ['pglite', 'postgres'] as const) {
  const skip = skipReason(engine)
  if (skip) console.log(`# wallet and merchant tests on ${engine}: ${skip}`)

  describe(`wallet, redemption, refund and expiry on ${engine}`, { skip: skip ?? false }, () => {
    let h: VoucherHarness
    let alice: Account
    let bob: Account
    let noodles: Account
    let market: Account
    let gym: Account

    const claim = async (who: Account, batchId: string) => {
      const response = await h.request({
        method: 'POST',
        url: `/api/v1/batches/${batchId}/claims`,
        headers: { ...bearer(who), 'idempotency-key': newKey() },
      })
      assert.equal(response.statusCode, 201, response.body)
      return response.json().data.voucher.id as string
    }
    const code = async (who: Account, voucherId: string) => {
      const response = await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${voucherId}/code`, headers: bearer(who) })
      assert.equal(response.statusCode, 200, response.body)
      return response.json().data.token as string
    }
    const redeem = (who: Account, token: string, orderAmountFen: number, orderId: string, key?: string) =>
      h.request({
        method: 'POST',
        url: '/api/v1/merchant/redemptions',
        headers: { ...bearer(who), ...(key ? { 'idempotency-key': key } : {}) },
        payload: { code: token, orderAmountFen, orderId },
      })
    const refund = (who: Account, redemptionId: string, full: boolean) =>
      h.request({ method: 'POST', url: '/api/v1/merchant/refunds', headers: bearer(who), payload: { redemptionId, full } })
    const voucher = async (who: Account, id: string) =>
      (await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${id}`, headers: bearer(who) })).json().data

    before(async () => {
      h = await startVoucherHarness(engine)
      const at = h.clock.now.getTime()
      await importBatches(h.db, [
        rushBatch('shop', at, { quota: 100, perRound: 3, perBatch: 3, extra: { merchantDailyCap: { count: 2, amountFen: null } } }),
        rushBatch('shop-multi', at, { quota: 100, perRound: 10, perBatch: 10, extra: { oneVoucherPerTransaction: false } }),
        rushBatch('shop-keep', at, { quota: 100, perRound: 10, perBatch: 10, extra: { refund: 'never-restore' } }),
      ])
      await h.vouchers.tick()
      alice = await h.login(`甲-${engine}`)
      bob = await h.login(`乙-${engine}`)
      noodles = await h.login(`面馆-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-noodles' })
      market = await h.login(`超市-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-market' })
      gym = await h.login(`健身-${engine}`, { role: 'merchant', merchantId: 'sample-m-longyou-gym' })
    })
    after(() => h?.close())

    test('the wallet is the owner’s: another resident gets 404 for the voucher and its code', async () => {
      const id = await claim(alice, 'shop')
      const own = await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${id}`, headers: bearer(alice) })
      assert.equal(own.statusCode, 200)
      assert.equal(own.json().data.displayStatus, 'usable')
      assert.equal(own.json().data.batch.id, 'shop')
      assert.equal((await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${id}`, headers: bearer(bob) })).statusCode, 404)
      assert.equal((await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${id}/code`, headers: bearer(bob) })).statusCode, 404)
      assert.equal((await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${id}` })).statusCode, 401)
      const mine = (await h.request({ method: 'GET', url: '/api/v1/me/vouchers?status=usable', headers: bearer(alice) })).json().data
      assert.ok(mine.some((item: { id: string }) => item.id === id))
      const bobs = (await h.request({ method: 'GET', url: '/api/v1/me/vouchers', headers: bearer(bob) })).json().data
      assert.ok(!bobs.some((item: { id: string }) => item.id === id))
    })

    test('the code is a signed 60 s token; forged, expired and malformed codes are refused (422)', async () => {
      const id = await claim(alice, 'shop')
      const issued = (await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${id}/code`, headers: bearer(alice) })).json().data
      assert.equal(Date.parse(issued.expiresAt) - Date.parse(issued.refreshAt), 10_000)
      const token = issued.token as string
      const [payload, signature] = token.split('.')
      const forged = `${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`
      assert.equal((await redeem(noodles, forged, 3000, newKey())).json().error.code, 'TOKEN_FORGED')
      assert.equal((await redeem(noodles, 'not-a-code', 3000, newKey())).json().error.code, 'TOKEN_MALFORMED')
      const base = h.clock.now
      try {
        h.clock.now = new Date(base.getTime() + 70_000)
        const late = await redeem(noodles, token, 3000, newKey())
        assert.equal(late.statusCode, 422)
        assert.equal(late.json().error.code, 'TOKEN_EXPIRED')
      } finally {
        h.clock.now = base
      }
      assert.equal((await voucher(alice, id)).displayStatus, 'usable', 'a refused code changes nothing')
    })

    test('redemption happens once: the same order again returns the same redemption; another order → ALREADY_USED', async () => {
      const id = await claim(alice, 'shop')
      const token = await code(alice, id)
      const orderId = newKey()
      const first = await redeem(market, token, 3000, orderId)
      assert.equal(first.statusCode, 201, first.body)
      const { redemption, voucher: used } = first.json().data
      assert.equal(redemption.discountFen, 500)
      assert.equal(used.displayStatus, 'used')
      const again = await redeem(market, token, 3000, orderId)
      assert.equal(again.statusCode, 201)
      assert.equal(again.json().data.redemption.id, redemption.id)
      const other = await redeem(market, token, 3000, newKey())
      assert.equal(other.statusCode, 409)
      assert.equal(other.json().error.code, 'ALREADY_USED')
      const [{ n }] = await h.db.query<{ n: number }>('select count(*)::int as n from voucher_redemptions where voucher_id = $1', [id])
      assert.equal(n, 1)
      const usedCode = await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${id}/code`, headers: bearer(alice) })
      assert.equal(usedCode.statusCode, 409)
      assert.equal(usedCode.json().error.code, 'NOT_USABLE')
    })

    test('concurrent scans of one code at two tills: one redemption', async () => {
      const id = await claim(bob, 'shop-multi')
      const token = await code(bob, id)
      const results = await Promise.all([redeem(market, token, 5000, newKey()), redeem(noodles, token, 5000, newKey())])
      assert.deepEqual(results.map((response) => response.statusCode).sort(), [201, 409])
      const [{ n }] = await h.db.query<{ n: number }>('select count(*)::int as n from voucher_redemptions where voucher_id = $1', [id])
      assert.equal(n, 1)
    })

    test('an Idempotency-Key on a redemption replays the first answer', async () => {
      const id = await claim(bob, 'shop-multi')
      const token = await code(bob, id)
      const key = newKey()
      const orderId = newKey()
      const first = await redeem(noodles, token, 4000, orderId, key)
      const retry = await redeem(noodles, token, 4000, orderId, key)
      assert.equal(first.statusCode, 201)
      assert.equal(retry.body, first.body)
      assert.equal((await redeem(noodles, token, 4100, orderId, key)).json().error.code, 'IDEMPOTENCY_KEY_REUSED')
    })

    test('below the threshold → 422 BELOW_THRESHOLD and the voucher stays usable; a shop of another trade → WRONG_CATEGORY', async () => {
      const id = await claim(bob, 'shop-multi')
      const token = await code(bob, id)
      const below = await redeem(market, token, 1999, newKey())
      assert.equal(below.statusCode, 422)
      assert.equal(below.json().error.code, 'BELOW_THRESHOLD')
      const wrong = await redeem(gym, token, 5000, newKey())
      assert.equal(wrong.statusCode, 422)
      assert.equal(wrong.json().error.code, 'WRONG_CATEGORY')
      assert.equal((await voucher(bob, id)).displayStatus, 'usable')
    })

    test('one voucher per transaction: a second voucher on the same order → 409 ONE_PER_TRANSACTION', async () => {
      const carol = await h.login(`丙-${engine}`)
      const [first, second] = [await claim(carol, 'shop'), await claim(carol, 'shop')]
      const orderId = newKey()
      assert.equal((await redeem(noodles, await code(carol, first), 9000, orderId)).statusCode, 201)
      const refused = await redeem(noodles, await code(carol, second), 9000, orderId)
      assert.equal(refused.statusCode, 409)
      assert.equal(refused.json().error.code, 'ONE_PER_TRANSACTION')
    })

    test('the daily cap per merchant: the 3rd redemption of the day at one shop → 409 DAILY_CAP; another shop still can', async () => {
      const shopper = await h.login(`丁-${engine}`)
      const ids = [await claim(shopper, 'shop'), await claim(shopper, 'shop'), await claim(shopper, 'shop')]
      const dave = await h.login(`戊-${engine}`)
      const extra = await claim(dave, 'shop')
      // Noodles already redeemed one 'shop' voucher today in the test above.
      assert.equal((await redeem(noodles, await code(shopper, ids[0]), 3000, newKey())).statusCode, 201)
      const capped = await redeem(noodles, await code(shopper, ids[1]), 3000, newKey())
      assert.equal(capped.statusCode, 409)
      assert.equal(capped.json().error.code, 'DAILY_CAP')
      assert.equal((await redeem(market, await code(shopper, ids[1]), 3000, newKey())).statusCode, 201)
      // Tomorrow the cap starts again.
      const base = h.clock.now
      try {
        h.clock.now = new Date(base.getTime() + DAY)
        assert.equal((await redeem(noodles, await code(dave, extra), 3000, newKey())).statusCode, 201)
      } finally {
        h.clock.now = base
      }
    })

    test('merchant endpoints: residents 403; a merchant lists only its own redemptions and cannot refund another shop’s (404)', async () => {
      assert.equal((await h.request({ method: 'GET', url: '/api/v1/merchant/redemptions', headers: bearer(alice) })).statusCode, 403)
      const id = await claim(alice, 'shop-multi')
      const done = await redeem(market, await code(alice, id), 3000, newKey())
      const redemptionId = done.json().data.redemption.id
      const marketList = (await h.request({ method: 'GET', url: '/api/v1/merchant/redemptions', headers: bearer(market) })).json().data
      const noodleList = (await h.request({ method: 'GET', url: '/api/v1/merchant/redemptions', headers: bearer(noodles) })).json().data
      assert.ok(marketList.some((item: { id: string }) => item.id === redemptionId))
      assert.ok(marketList.every((item: { merchantId: string }) => item.merchantId === 'sample-m-kecheng-market'))
      assert.ok(!noodleList.some((item: { id: string }) => item.id === redemptionId))
      const foreign = await refund(noodles, redemptionId, true)
      assert.equal(foreign.statusCode, 404)
      assert.equal((await voucher(alice, id)).displayStatus, 'used')
    })

    test('refunds: full inside validity → RESTORED (same validTo, budget back), once; partial → kept used; never-restore batch → kept used', async () => {
      const id = await claim(bob, 'shop-multi')
      const before = await voucher(bob, id)
      const done = await redeem(market, await code(bob, id), 3000, newKey())
      const redemptionId = done.json().data.redemption.id
      const paid = async () =>
        (await h.db.query<{ fen: number }>(`select redeemed_fen::float8 as fen from voucher_batch_totals where batch_id = 'shop-multi'`))[0]
          .fen
      const paidBefore = await paid()
      const restored = await refund(market, redemptionId, true)
      assert.equal(restored.statusCode, 200, restored.body)
      assert.equal(restored.json().data.outcome, 'RESTORED')
      const back = await voucher(bob, id)
      assert.equal(back.displayStatus, 'returned-after-refund')
      assert.equal(back.validTo, before.validTo)
      assert.equal(await paid(), paidBefore - 500)
      const twice = await refund(market, redemptionId, true)
      assert.equal(twice.statusCode, 409)
      assert.equal(twice.json().error.code, 'ALREADY_REFUNDED')
      // Given back, it can be used again.
      const reused = await redeem(market, await code(bob, id), 3000, newKey())
      assert.equal(reused.statusCode, 201, reused.body)
      const partial = await refund(market, reused.json().data.redemption.id, false)
      assert.equal(partial.json().data.outcome, 'KEPT_USED_PARTIAL')
      assert.equal((await voucher(bob, id)).displayStatus, 'used')

      const kept = await claim(bob, 'shop-keep')
      const keptDone = await redeem(market, await code(bob, kept), 3000, newKey())
      const noReturn = await refund(market, keptDone.json().data.redemption.id, true)
      assert.equal(noReturn.json().data.outcome, 'KEPT_USED_NO_RETURN')
      assert.equal((await voucher(bob, kept)).displayStatus, 'used')
    })

    test('a full refund after the voucher’s validity → KEPT_USED_EXPIRED', async () => {
      const id = await claim(alice, 'shop-multi')
      const done = await redeem(noodles, await code(alice, id), 3000, newKey())
      const base = h.clock.now
      try {
        h.clock.now = new Date(base.getTime() + 10 * DAY)
        const late = await refund(noodles, done.json().data.redemption.id, true)
        assert.equal(late.json().data.outcome, 'KEPT_USED_EXPIRED')
      } finally {
        h.clock.now = base
      }
    })

    test('expiry: each usable voucher past validTo moves to expired exactly once, and its quota returns to the next round', async () => {
      const at = h.clock.now.getTime()
      const opens = Math.floor(at / 60_000) * 60_000 - 3_600_000
      const batch = rushBatch('expiring', at, {
        quota: 50,
        perRound: 5,
        perBatch: 5,
        extra: { validity: { kind: 'days-after-claim', days: 1, notAfter: null }, quotaReturn: { unclaimed: false, expired: true } },
      })
      batch.rounds.push({ id: 'r2', opensAt: toShanghai(opens + 5 * DAY), closesAt: toShanghai(opens + 5 * DAY + 3_600_000), quota: 10 })
      batch.budgetFen = 60 * 500 * 2
      await importBatches(h.db, [batch])
      await h.vouchers.tick()
      const eve = await h.login(`己-${engine}`)
      const ids = [await claim(eve, 'expiring'), await claim(eve, 'expiring'), await claim(eve, 'expiring')]
      await redeem(market, await code(eve, ids[0]), 3000, newKey())

      const later = new Date(at + 3 * DAY)
      const [first, second] = await Promise.all([h.vouchers.expire(later), h.vouchers.expire(later)])
      assert.equal(first.expired + second.expired, 2, 'two usable vouchers expired, once each; the used one stays used')
      assert.equal(first.returned + second.returned, 2)
      assert.deepEqual(await h.vouchers.expire(later), { expired: 0, returned: 0 })
      const statuses = (
        await h.db.query<{ id: string; status: string }>(`select id, status from vouchers where batch_id = 'expiring' order by id`)
      ).map((row) => `${row.id === ids[0] ? 'redeemed' : 'other'}:${row.status}`)
      assert.deepEqual(statuses.sort(), ['other:expired', 'other:expired', 'redeemed:used'])
      const live = (await h.request({ method: 'GET', url: '/api/v1/batches/expiring' })).json().data.live
      assert.equal(live.remainingByRound.r2, 12, 'round 2 offers its 10 and the 2 handed back')
      const expiredView = (await h.request({ method: 'GET', url: '/api/v1/me/vouchers?status=expired', headers: bearer(eve) })).json().data
      assert.equal(expiredView.length, 2)
    })

    test('development login: a merchant must name an existing shop; operator and county work', async () => {
      const noShop = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '无店商户', role: 'merchant' } })
      assert.equal(noShop.statusCode, 400)
      const unknown = await h.request({
        method: 'POST',
        url: '/api/v1/auth/dev',
        payload: { name: '无店商户', role: 'merchant', merchantId: 'no-such-shop' },
      })
      assert.equal(unknown.statusCode, 404)
      const operator = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '运营-测试', role: 'operator' } })
      assert.equal(operator.json().data.user.role, 'operator')
      const county = await h.login('区县居民', { county: '330881' })
      const read = await h.request({ method: 'GET', url: '/api/v1/me/resident-county', headers: bearer(county) })
      assert.deepEqual(read.json().data, { county: '330881' })
    })

    test('the sample seed: dev accounts and a demo wallet with every status, once', async () => {
      const first = await seedDevAccounts(h.db, h.clock.now)
      assert.equal(first.accounts, 4)
      assert.equal(first.demoVouchers, 5)
      assert.equal((await seedDevAccounts(h.db, h.clock.now)).demoVouchers, 0)
      const resident = await h.login('示例居民')
      const wallet = (await h.request({ method: 'GET', url: '/api/v1/me/vouchers', headers: bearer(resident) })).json().data as {
        displayStatus: string
      }[]
      assert.deepEqual(wallet.map((item) => item.displayStatus).sort(), ['expired', 'returned-after-refund', 'usable', 'usable', 'used'])
      const cashierLogin = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '示例商户-1' } })
      const cashier = cashierLogin.json().data
      assert.equal(cashier.user.role, 'merchant')
      const yesterday = new Date(h.clock.now.getTime() - DAY).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
      const list = (
        await h.request({
          method: 'GET',
          url: `/api/v1/merchant/redemptions?date=${yesterday}`,
          headers: { authorization: `Bearer ${cashier.token}` },
        })
      ).json().data
      assert.equal(list.length, 2)
      assert.equal(list[0].discountFen, yuanToFen(5))
    })
  })
}

describe('the development login in production', () => {
  let h: VoucherHarness
  before(async () => {
    h = await startVoucherHarness('pglite', { seed: false, env: { NODE_ENV: 'production', DEMO_MODE: '0', REDEMPTION_SECRET: 'x'.repeat(32) } })
  })
  after(() => h?.close())

  test('does not exist', async () => {
    const response = await h.request({ method: 'POST', url: '/api/v1/auth/dev', payload: { name: '示例商户-1' } })
    assert.equal(response.statusCode, 404)
  })
})

function toShanghai(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00')
}
