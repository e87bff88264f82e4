import { bestVoucher, type WalletEntry } from './best-voucher'
import { makeBatch, makeVoucher, NOODLES, sh } from './test-fixtures'
import type { Merchant, VoucherBatch } from './schema'

const at = sh('2025-05-02 12:00')
const small = makeBatch({ id: 'b-20-5' })
const medium = makeBatch({ id: 'b-40-10', faceValueFen: 1000, thresholdFen: 4000, budgetFen: 200_000 })
const large = makeBatch({ id: 'b-80-20', faceValueFen: 2000, thresholdFen: 8000, budgetFen: 400_000 })
const free = makeBatch({ id: 'b-free-3', faceValueFen: 300, thresholdFen: 0, budgetFen: 60_000 })
const supermarketOnly = makeBatch({
  id: 'b-market',
  faceValueFen: 1500,
  thresholdFen: 3000,
  merchants: { kind: 'categories', categories: ['supermarket'] },
  budgetFen: 300_000,
})

function entry(batch: VoucherBatch, id: string, claimed = '2025-05-01 10:00', overrides = {}): WalletEntry {
  return { batch, voucher: makeVoucher(batch, { id, ...overrides }, sh(claimed)) }
}

const ids = (result: ReturnType<typeof bestVoucher>) =>
  result.others.map((other) => [other.voucher.id, other.applicable ? other.code : other.rejection.code])

describe('bestVoucher picks the largest saving', () => {
  test.each([
    ['a ¥30 bill: only 满20减5 (and 无门槛) apply', 3000, 'v-small', 500, 2500],
    ['a ¥45 bill: 满40减10 beats 满20减5', 4500, 'v-medium', 1000, 3500],
    ['a ¥80 bill: 满80减20 is best', 8000, 'v-large', 2000, 6000],
    ['a ¥10 bill: only 无门槛 applies', 1000, 'v-free', 300, 700],
    ['a ¥2 bill: 无门槛 never pays more than the bill', 200, 'v-free', 200, 0],
  ])('%s', (_case, billFen, bestId, savingFen, payFen) => {
    const wallet = [entry(small, 'v-small'), entry(medium, 'v-medium'), entry(large, 'v-large'), entry(free, 'v-free')]
    const result = bestVoucher(billFen, wallet, NOODLES, at)
    expect(result.best).toMatchObject({ voucher: { id: bestId }, savingFen, payFen })
    expect(result.others).toHaveLength(3)
  })

  test('every other voucher says why it was not picked', () => {
    const wallet = [
      entry(small, 'v-small'),
      entry(medium, 'v-medium'),
      entry(large, 'v-large'),
      entry(supermarketOnly, 'v-market'),
      entry(small, 'v-used', '2025-05-01 10:00', { status: 'used', redemptionId: 'rd', usedAt: '2025-05-01T12:00:00+08:00' }),
      entry(small, 'v-old', '2025-04-20 10:00'),
      entry(small, 'v-later', '2025-05-01 10:00', { validFrom: '2025-05-05T00:00:00.000+08:00' }),
    ]
    const result = bestVoucher(4500, wallet, NOODLES, at)
    expect(result.best?.voucher.id).toBe('v-medium')
    expect(result.message).toBe('用这张省 ¥10，实付 ¥35')
    expect(ids(result)).toEqual([
      ['v-small', 'SAVES_LESS'],
      ['v-large', 'BELOW_THRESHOLD'],
      ['v-market', 'WRONG_CATEGORY'],
      ['v-used', 'ALREADY_USED'],
      ['v-old', 'EXPIRED'],
      ['v-later', 'NOT_YET_VALID'],
    ])
    const messages = Object.fromEntries(
      result.others.map((other) => [other.voucher.id, other.applicable ? other.message : other.rejection.message]),
    )
    expect(messages['v-small']).toBe('可用，但只省 ¥5')
    expect(messages['v-large']).toBe('满80减20，还差 ¥35')
    expect(messages['v-market']).toBe('本券限商超便利类商户使用，面馆 属于餐饮')
    const large80 = result.others.find((other) => other.voucher.id === 'v-large')
    expect(large80 && !large80.applicable && large80.rejection).toMatchObject({ thresholdFen: 8000, shortfallFen: 3500 })
  })

  test('wrong merchant and wrong county are told apart', () => {
    const listed = makeBatch({ id: 'b-list', merchants: { kind: 'merchants', merchantIds: ['m-elsewhere'] } })
    const farShop: Merchant = { ...NOODLES, id: 'm-far', name: '开化面馆', county: '330824' }
    const result = bestVoucher(3000, [entry(listed, 'v-list'), entry(small, 'v-small')], farShop, at)
    expect(result.best).toBeNull()
    expect(result.message).toBe('没有可用于这笔消费的券')
    expect(ids(result)).toEqual([
      ['v-list', 'WRONG_MERCHANT'],
      ['v-small', 'WRONG_COUNTY'],
    ])
  })
})

describe('ties go to the voucher that expires first', () => {
  test('same saving: the earlier validTo wins, whatever the order in the wallet', () => {
    const wallet = [entry(small, 'v-later', '2025-05-02 09:00'), entry(small, 'v-sooner', '2025-05-01 10:00')]
    for (const order of [wallet, [...wallet].reverse()]) {
      const result = bestVoucher(3000, order, NOODLES, at)
      expect(result.best?.voucher.id).toBe('v-sooner')
      expect(ids(result)).toEqual([['v-later', 'EXPIRES_LATER']])
    }
  })

  test('same saving and same expiry: either will do, the answer is stable', () => {
    const wallet = [entry(small, 'v-b'), entry(small, 'v-a')]
    const result = bestVoucher(3000, wallet, NOODLES, at)
    expect(result.best?.voucher.id).toBe('v-a')
    expect(ids(result)).toEqual([['v-b', 'EQUIVALENT']])
  })

  test('a larger saving beats an earlier expiry', () => {
    const wallet = [entry(small, 'v-soon', '2025-04-25 10:00'), entry(medium, 'v-big', '2025-05-02 09:00')]
    expect(bestVoucher(4000, wallet, NOODLES, at).best?.voucher.id).toBe('v-big')
  })
})

describe('without a merchant', () => {
  test('shop rules are not checked, and the answer says so', () => {
    const result = bestVoucher(3500, [entry(supermarketOnly, 'v-market'), entry(small, 'v-small')], null, at)
    expect(result.merchantChecked).toBe(false)
    expect(result.best?.voucher.id).toBe('v-market')
    expect(result.message).toBe('用这张省 ¥15，实付 ¥20（未选择商户，使用前请确认该店可用）')
  })

  test('an empty wallet or a zero bill has no best voucher', () => {
    expect(bestVoucher(3000, [], NOODLES, at).best).toBeNull()
    const zero = bestVoucher(0, [entry(free, 'v-free')], NOODLES, at)
    expect(zero.best).toBeNull()
    expect(ids(zero)).toEqual([['v-free', 'BELOW_THRESHOLD']])
  })

  test('a bill that is not whole fen is refused', () => {
    expect(() => bestVoucher(10.5, [], NOODLES, at)).toThrow()
  })
})
