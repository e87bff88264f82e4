import { applyRedemption, checkRedemption, redemptionDay, type RedemptionInput } from './redemption'
import { VoucherError } from './errors'
import { makeBatch, makeVoucher, NOODLES, sh, testDecisionTable } from './test-fixtures'
import type { Merchant } from './schema'

const batch = makeBatch({ merchantDailyCap: { count: 10, amountFen: 3000 } })
const voucher = makeVoucher(batch)
const base: RedemptionInput = {
  voucher,
  batch,
  merchant: NOODLES,
  orderAmountFen: 2650,
  at: sh('2025-05-02 12:00'),
  merchantRedemptionsToday: { count: 0, discountFen: 0 },
  ownerId: 'u1',
  scannedBy: 'm-noodles',
  batchRedeemedFen: 0,
}
const bank: Merchant = { ...NOODLES, id: 'm-bank', name: '某超市', category: 'retail' }
const jiangshan: Merchant = { ...NOODLES, id: 'm-js', name: '江山面馆', county: '330881' }

describe('checkRedemption: one row per outcome code', () => {
  testDecisionTable(checkRedemption, base, 'ok', 'OK', [
    ['a valid voucher over the threshold', 'OK', {}, '核销成功，优惠 ¥5，顾客实付 ¥21.50'],
    ['exactly the threshold', 'OK', { orderAmountFen: 2000 }, '核销成功，优惠 ¥5，顾客实付 ¥15'],
    ['the last valid ms', 'OK', { at: sh('2025-05-10 23:59:59.999') }, '核销成功，优惠 ¥5，顾客实付 ¥21.50'],
    ['someone else’s code', 'NOT_OWNER', { ownerId: 'u2' }, '券码与券的持有人不符，请让顾客刷新券码后重新出示'],
    ['another shop’s account scanning', 'NOT_MERCHANT_STAFF', { scannedBy: 'm-other' }, '当前账号不属于该商户，不能核销'],
    [
      'already used',
      'ALREADY_USED',
      { voucher: { ...voucher, status: 'used', redemptionId: 'x', usedAt: '2025-05-02T11:00:00+08:00' } },
      '这张券已经用过了',
    ],
    ['stored as expired', 'EXPIRED', { voucher: { ...voucher, status: 'expired' } }, '这张券已过期'],
    ['one ms after validTo', 'EXPIRED', { at: sh('2025-05-11 00:00') }, '这张券已过期'],
    [
      'before a fixed validity starts',
      'NOT_YET_VALID',
      { voucher: { ...voucher, validFrom: '2025-05-05T00:00:00.000+08:00' } },
      '这张券还没到可使用的时间',
    ],
    [
      'a shop of another trade',
      'WRONG_CATEGORY',
      { merchant: bank, scannedBy: 'm-bank' },
      '本券限餐饮、商超便利类商户使用，某超市 属于百货零售',
    ],
    [
      'a shop in another county',
      'WRONG_COUNTY',
      { merchant: jiangshan, scannedBy: 'm-js' },
      '本券限柯城区、衢江区商户使用，江山面馆 位于江山市',
    ],
    ['one fen short', 'BELOW_THRESHOLD', { orderAmountFen: 1999 }, '满20减5，还差 ¥0.01'],
    [
      'a second voucher on the order',
      'ONE_PER_TRANSACTION',
      { alreadyOnOrder: { count: 1, exclusive: false } },
      '每笔订单只能使用一张消费券',
    ],
    [
      'daily count cap reached',
      'DAILY_CAP',
      { merchantRedemptionsToday: { count: 10, discountFen: 0 } },
      '本店今日已核销 10 张，达到每日 10 张上限，请明天再用',
    ],
    [
      'daily amount cap would be passed',
      'DAILY_CAP',
      { merchantRedemptionsToday: { count: 5, discountFen: 2501 } },
      '本店今日核销金额将超过每日 ¥30 上限，请明天再用',
    ],
    ['budget would be passed', 'BUDGET_EXHAUSTED', { batchRedeemedFen: 100_000 - 499 }, '本批次消费券资金已用完，暂不能核销'],
  ])

  test('an accepted redemption gives the discount, what is left to pay and the cap day', () => {
    expect(checkRedemption(base)).toEqual({
      ok: true,
      code: 'OK',
      message: '核销成功，优惠 ¥5，顾客实付 ¥21.50',
      discountFen: 500,
      payFen: 2150,
      day: '2025-05-02',
    })
  })

  test('caps are inclusive: the 10th redemption and exactly ¥30 of discounts pass', () => {
    expect(checkRedemption({ ...base, merchantRedemptionsToday: { count: 9, discountFen: 0 } }).code).toBe('OK')
    expect(checkRedemption({ ...base, merchantRedemptionsToday: { count: 0, discountFen: 2500 } }).code).toBe('OK')
    expect(checkRedemption({ ...base, batchRedeemedFen: 100_000 - 500 }).code).toBe('OK')
  })

  test('a merchant list admits only listed shops', () => {
    const listed = makeBatch({ merchants: { kind: 'merchants', merchantIds: ['m-noodles'] } })
    const listedVoucher = makeVoucher(listed)
    expect(checkRedemption({ ...base, batch: listed, voucher: listedVoucher }).code).toBe('OK')
    expect(checkRedemption({ ...base, batch: listed, voucher: listedVoucher, merchant: bank, scannedBy: 'm-bank' })).toMatchObject({
      code: 'WRONG_MERCHANT',
      message: '某超市 不在本券的适用商户名单中',
    })
  })

  test('stacking: allowed for a batch without the rule, unless an exclusive voucher is already on the order', () => {
    const stackable = makeBatch({ oneVoucherPerTransaction: false })
    const input = { ...base, batch: stackable, voucher: makeVoucher(stackable) }
    expect(checkRedemption({ ...input, alreadyOnOrder: { count: 1, exclusive: false } }).code).toBe('OK')
    expect(checkRedemption({ ...input, alreadyOnOrder: { count: 1, exclusive: true } }).code).toBe('ONE_PER_TRANSACTION')
  })

  test('the daily cap counts Shanghai days: 23:59 and 00:00 are different days', () => {
    expect(redemptionDay(sh('2025-05-02 23:59:59.999'))).toBe('2025-05-02')
    expect(redemptionDay(sh('2025-05-03 00:00'))).toBe('2025-05-03')
  })

  test('inconsistent input is a caller bug', () => {
    expect(() => checkRedemption({ ...base, batch: makeBatch({ id: 'other' }) })).toThrow(VoucherError)
    expect(() => checkRedemption({ ...base, orderAmountFen: 12.5 })).toThrow()
    expect(() => checkRedemption({ ...base, merchantRedemptionsToday: { count: -1, discountFen: 0 } })).toThrow(VoucherError)
  })
})

describe('applyRedemption', () => {
  test('marks the voucher used and records the redemption', () => {
    const result = applyRedemption({
      redemptionId: 'rd1',
      orderId: 'o1',
      voucher,
      merchant: NOODLES,
      orderAmountFen: 2650,
      discountFen: 500,
      at: sh('2025-05-02 12:00'),
    })
    expect(result.voucher).toEqual({ ...voucher, status: 'used', usedAt: '2025-05-02T12:00:00.000+08:00', redemptionId: 'rd1' })
    expect(result.redemption).toEqual({
      id: 'rd1',
      voucherId: 'v1',
      batchId: 'batch-20-5',
      merchantId: 'm-noodles',
      orderId: 'o1',
      orderAmountFen: 2650,
      discountFen: 500,
      redeemedAt: '2025-05-02T12:00:00.000+08:00',
      refund: null,
    })
  })

  test('refuses a voucher that is not usable', () => {
    expect(() =>
      applyRedemption({
        redemptionId: 'rd2',
        orderId: 'o2',
        voucher: { ...voucher, status: 'used' },
        merchant: NOODLES,
        orderAmountFen: 2650,
        discountFen: 500,
        at: sh('2025-05-02 12:00'),
      }),
    ).toThrow(VoucherError)
  })
})
