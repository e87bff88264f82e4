import { applyRedemption } from './redemption'
import { decideRefund, type RefundInput } from './refund'
import { VoucherError } from './errors'
import { makeBatch, makeVoucher, NOODLES, sh, testDecisionTable } from './test-fixtures'
import type { VoucherBatch } from './schema'

function redeemed(batch: VoucherBatch) {
  return applyRedemption({
    redemptionId: 'rd1',
    orderId: 'o1',
    voucher: makeVoucher(batch),
    merchant: NOODLES,
    orderAmountFen: 3000,
    discountFen: 500,
    at: sh('2025-05-02 12:00'),
  })
}

const batch = makeBatch()
const { voucher, redemption } = redeemed(batch)
const base: RefundInput = { batch, voucher, redemption, full: true, at: sh('2025-05-03 09:00') }

describe('decideRefund: a voucher comes back only for a full refund inside its validity', () => {
  testDecisionTable(decideRefund, base, 'restored', 'RESTORED', [
    ['full refund the next day', 'RESTORED', {}, '全额退款，消费券已退回券包，有效期不变'],
    ['full refund in the last valid ms', 'RESTORED', { at: sh('2025-05-10 23:59:59.999') }, '全额退款，消费券已退回券包，有效期不变'],
    ['partial refund', 'KEPT_USED_PARTIAL', { full: false }, '部分退款，消费券不退回'],
    ['full refund one ms after validTo', 'KEPT_USED_EXPIRED', { at: sh('2025-05-11 00:00') }, '消费券已过有效期，退款后不退回'],
    [
      'full refund, batch never restores',
      'KEPT_USED_NO_RETURN',
      { batch: makeBatch({ refund: 'never-restore' }) },
      '本批次消费券退款后不退回',
    ],
    [
      'second refund of the same redemption',
      'ALREADY_REFUNDED',
      { redemption: { ...redemption, refund: { at: '2025-05-03T08:00:00.000+08:00', full: false, restored: false } } },
      '这笔核销已经退过款了，不会重复处理',
    ],
  ])

  test('restored: usable again with the same expiry, flagged, budget given back', () => {
    const decision = decideRefund(base)
    expect(decision.voucher).toEqual({
      ...voucher,
      status: 'usable',
      usedAt: null,
      redemptionId: null,
      restoredAfterRefundAt: '2025-05-03T09:00:00.000+08:00',
    })
    expect(decision.voucher.validTo).toBe(makeVoucher(batch).validTo)
    expect(decision.redemption.refund).toEqual({ at: '2025-05-03T09:00:00.000+08:00', full: true, restored: true })
    expect(decision.budgetReleasedFen).toBe(500)
  })

  test('kept used: the voucher is untouched, the refund is recorded, nothing goes back to the budget', () => {
    const decision = decideRefund({ ...base, full: false })
    expect(decision.voucher).toBe(voucher)
    expect(decision.redemption.refund).toEqual({ at: '2025-05-03T09:00:00.000+08:00', full: false, restored: false })
    expect(decision.budgetReleasedFen).toBe(0)
  })

  test('a refund decided once is not decided again', () => {
    const first = decideRefund(base)
    const again = decideRefund({ ...base, voucher: first.voucher, redemption: first.redemption })
    expect(again.code).toBe('ALREADY_REFUNDED')
    expect(again.voucher).toBe(first.voucher)
    expect(again.budgetReleasedFen).toBe(0)
  })

  test('mismatched rows are a caller bug', () => {
    expect(() => decideRefund({ ...base, voucher: { ...voucher, id: 'v2' } })).toThrow(VoucherError)
    expect(() => decideRefund({ ...base, voucher: { ...voucher, status: 'usable', redemptionId: null } })).toThrow(VoucherError)
    expect(() => decideRefund({ ...base, at: sh('2025-05-02 11:00') })).toThrow(VoucherError)
  })
})
