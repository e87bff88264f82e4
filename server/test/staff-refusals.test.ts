/**
 * Issue 16, gap 3: staff cannot farm vouchers. Merchant and operator accounts cannot claim a
 * resident voucher; a merchant never redeems a voucher claimed by an account bound to its own
 * shop; each refused attempt is logged (who, what, when, why) for the operator. On every engine.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { setRole } from '../src/store/accounts'
import { importBatches, rushBatch } from './helpers/voucher-fixtures'
import { ENGINES, bearer, newKey, skipReason, startVoucherHarness, type Account, type VoucherHarness } from './helpers/voucher-harness'

const HAS_CHINESE = /[\u4e00-\u9fff]/

for (const engine of ENGINES) {
  const skip = skipReason(engine)
  describe(`staff cannot farm vouchers on ${engine}`, { skip: skip ?? false }, () => {
    let h: VoucherHarness
    let resident: Account
    let cashier: Account
    let otherShop: Account
    let operator: Account

    const claim = (who: Account, batchId = 'staff-test') =>
      h.request({ method: 'POST', url: `/api/v1/batches/${batchId}/claims`, headers: { ...bearer(who), 'idempotency-key': newKey() } })
    const code = async (who: Account, voucherId: string) => {
      // On the Redis gate a claim reaches the wallet (PostgreSQL) shortly after its 201.
      for (let tries = 0; tries < 50; tries += 1) {
        if ((await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${voucherId}`, headers: bearer(who) })).statusCode === 200) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const response = await h.request({ method: 'POST', url: `/api/v1/me/vouchers/${voucherId}/code`, headers: bearer(who) })
      assert.equal(response.statusCode, 200, response.body)
      return response.json().data.token as string
    }
    const redeem = (who: Account, token: string, orderId: string) =>
      h.request({ method: 'POST', url: '/api/v1/merchant/redemptions', headers: bearer(who), payload: { code: token, orderAmountFen: 10_000, orderId } })
    const refusals = async () => (await h.request({ method: 'GET', url: '/api/v1/admin/staff-refusals', headers: bearer(operator) })).json().data

    before(async () => {
      h = await startVoucherHarness(engine)
      await importBatches(h.db, [rushBatch('staff-test', h.clock.now.getTime(), { quota: 50, perRound: 5, perBatch: 5 })])
      await h.vouchers.tick()
      resident = await h.login(`员工测试居民-${engine}`)
      cashier = await h.login(`员工测试收银-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-noodles' })
      otherShop = await h.login(`员工测试他店-${engine}`, { role: 'merchant', merchantId: 'sample-m-kecheng-market' })
      operator = await h.login(`员工测试运营-${engine}`, { role: 'operator' })
    })
    after(() => h?.close())

    test('merchant and operator accounts get a Chinese 403 STAFF_CANNOT_CLAIM; nothing is taken; each attempt is logged', async () => {
      const stockBefore = (await h.request({ method: 'GET', url: '/api/v1/batches/staff-test' })).json().data.live
      for (const [who, role] of [
        [cashier, 'merchant'],
        [operator, 'operator'],
      ] as const) {
        const response = await claim(who)
        assert.equal(response.statusCode, 403, response.body)
        assert.equal(response.json().error.code, 'STAFF_CANNOT_CLAIM')
        assert.match(response.json().error.message, HAS_CHINESE)
        const wallet = (await h.request({ method: 'GET', url: '/api/v1/me/vouchers', headers: bearer(who) })).json().data
        assert.equal(wallet.length, 0, `${role} has no voucher`)
      }
      await h.vouchers.tick()
      const stockAfter = (await h.request({ method: 'GET', url: '/api/v1/batches/staff-test' })).json().data.live
      assert.deepEqual(stockAfter.remainingByRound, stockBefore.remainingByRound, 'no unit of stock was taken')
      const logged = (await refusals()).filter((row: { action: string }) => row.action === 'claim')
      assert.equal(logged.length, 2)
      const byUser = new Map(logged.map((row: { userId: string }) => [row.userId, row]))
      assert.deepEqual(
        { ...(byUser.get(cashier.userId) as object), id: undefined, at: undefined, requestId: undefined },
        {
          id: undefined,
          at: undefined,
          requestId: undefined,
          userId: cashier.userId,
          role: 'merchant',
          merchantId: 'sample-m-kecheng-noodles',
          action: 'claim',
          target: 'staff-test',
          code: 'STAFF_CANNOT_CLAIM',
          reason: '商户和运营人员账号不能领取居民消费券，请用本人的居民账号领取',
        },
      )
      assert.ok(byUser.has(operator.userId))
      for (const row of logged) assert.match(row.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/)
      assert.equal((await claim(resident)).statusCode, 201, 'a resident still claims')
    })

    test('a shop never redeems a voucher claimed by one of its own accounts; another shop may; refusals are logged', async () => {
      const colleague = await h.login(`员工测试同事-${engine}`)
      const claimed = await claim(colleague)
      assert.equal(claimed.statusCode, 201, claimed.body)
      const voucherId = claimed.json().data.voucher.id as string
      // The resident who claimed it is then bound to the noodle shop (a relative hired, an
      // account re-used): its vouchers are now the shop's own.
      await setRole(h.db, colleague.userId, 'merchant', 'sample-m-kecheng-noodles')
      const refused = await redeem(cashier, await code(colleague, voucherId), 'own-1')
      assert.equal(refused.statusCode, 403, refused.body)
      assert.equal(refused.json().error.code, 'OWN_STAFF_VOUCHER')
      assert.match(refused.json().error.message, HAS_CHINESE)
      const self = await redeem(colleague, await code(colleague, voucherId), 'own-2')
      assert.equal(self.statusCode, 403, 'nor by the owner at their own till')
      const still = (await h.request({ method: 'GET', url: `/api/v1/me/vouchers/${voucherId}`, headers: bearer(colleague) })).json().data
      assert.equal(still.displayStatus, 'usable', 'the voucher is untouched')
      const logged = (await refusals()).filter((row: { action: string }) => row.action === 'redeem')
      assert.deepEqual(
        logged.map((row: { userId: string; target: string; code: string; merchantId: string }) => [row.userId, row.target, row.code, row.merchantId]).sort(),
        [
          [cashier.userId, voucherId, 'OWN_STAFF_VOUCHER', 'sample-m-kecheng-noodles'],
          [colleague.userId, voucherId, 'OWN_STAFF_VOUCHER', 'sample-m-kecheng-noodles'],
        ].sort(),
      )
      const elsewhere = await redeem(otherShop, await code(colleague, voucherId), 'other-1')
      assert.equal(elsewhere.statusCode, 201, `another shop redeems it as for anyone: ${elsewhere.body}`)
    })

    test('the log is for operators only', async () => {
      for (const who of [resident, cashier]) {
        const response = await h.request({ method: 'GET', url: '/api/v1/admin/staff-refusals', headers: bearer(who) })
        assert.equal(response.statusCode, 403)
      }
      assert.equal((await h.request({ method: 'GET', url: '/api/v1/admin/staff-refusals' })).statusCode, 401)
    })
  })
}
