/**
 * Batches, merchants and vouchers for the tests in this folder: two rounds on fixed dates in May
 * 2025, so every expectation can be written as a Shanghai wall-clock time.
 */
import { newWalletVoucher } from './claim'
import { parseIsoInstant } from '../time/shanghai'
import type { Merchant, VoucherBatch, WalletVoucher } from './schema'

/** Epoch ms of a Shanghai wall-clock time, '2025-05-01 10:00' or with seconds/ms. */
export function sh(wallClock: string): number {
  const [date, time = '00:00'] = wallClock.split(' ')
  const withSeconds = time.length === 5 ? `${time}:00` : time
  return parseIsoInstant(`${date}T${withSeconds}+08:00`)
}

export function makeBatch(overrides: Partial<VoucherBatch> = {}): VoucherBatch {
  return {
    id: 'batch-20-5',
    title: '测试 满20减5',
    sponsor: '测试',
    campaign: '乐享衢州·有礼惠购',
    eventId: null,
    faceValueFen: 500,
    thresholdFen: 2000,
    limits: { perRound: 2, perBatch: 3 },
    rounds: [
      { id: 'r1', opensAt: '2025-05-01T10:00:00+08:00', closesAt: '2025-05-01T22:00:00+08:00', quota: 100 },
      { id: 'r2', opensAt: '2025-05-03T10:00:00+08:00', closesAt: '2025-05-03T22:00:00+08:00', quota: 100 },
    ],
    validity: { kind: 'days-after-claim', days: 9, notAfter: null },
    merchants: { kind: 'categories', categories: ['catering', 'supermarket'] },
    counties: ['330802', '330803'],
    residentCounties: null,
    oneVoucherPerTransaction: true,
    merchantDailyCap: { count: null, amountFen: null },
    refund: 'restore-on-full-refund-within-validity',
    quotaReturn: { unclaimed: true, expired: true },
    budgetFen: 200 * 500,
    provenance: { clause: '十五', source: '测试', status: 'provisional' },
    ...overrides,
  }
}

export const NOODLES: Merchant = {
  id: 'm-noodles',
  name: '面馆',
  county: '330802',
  category: 'catering',
  address: '柯城区',
}

export function makeVoucher(
  batch: VoucherBatch,
  overrides: Partial<WalletVoucher> = {},
  claimedAt = sh('2025-05-01 10:00'),
): WalletVoucher {
  return {
    ...newWalletVoucher({ id: 'v1', batch, roundId: batch.rounds[0].id, ownerId: 'u1', claimedAt }),
    ...overrides,
  }
}

/** A row of a decision table: the case, the code expected, what differs from the base input, the message. */
export type DecisionRow<Input> = [string, string, Partial<Input>, string]

/**
 * One test per row: deciding on the base input with the row's changes gives the row's code and
 * Chinese message, and `flag` (ok, restored…) is true exactly when the code is `okCode`.
 */
export function testDecisionTable<Input, Decision extends { code: string; message: string }>(
  decide: (input: Input) => Decision,
  base: Input,
  flag: keyof Decision,
  okCode: string,
  rows: DecisionRow<Input>[],
): void {
  test.each(rows)('%s → %s', (_case, code, overrides, message) => {
    const decision = decide({ ...base, ...overrides })
    expect(decision.code).toBe(code)
    expect(decision.message).toBe(message)
    expect(decision[flag]).toBe(code === okCode)
  })
}
