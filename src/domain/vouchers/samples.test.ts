import { checkMerchant } from './applicability'
import { VOUCHER_COUNTY_CODES } from './places'
import { roundState } from './rounds'
import { sampleBatches, sampleMerchants, sampleVoucherContent, sampleWallet } from './samples'
import { parseVoucherContent, redemptionSchema, walletVoucherSchema } from './schema'
import { walletStatus } from './validity'
import { sh } from './test-fixtures'

describe('sample content is valid on any day', () => {
  test.each([['2025-05-01'], ['2025-01-31'], ['2024-02-29'], ['2025-12-31'], ['2026-03-01']])('%s', (today) => {
    const result = parseVoucherContent(sampleVoucherContent(today), 'sample')
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  test('a day that is not YYYY-MM-DD is refused', () => {
    expect(() => sampleBatches('2025-5-1')).toThrow()
  })
})

describe('whenever a server starts today, there is something open, something to count down to, something expiring', () => {
  const today = '2025-05-01'
  const batches = sampleBatches(today)
  const times = [...Array.from({ length: 24 }, (_, hour) => `${today} ${String(hour).padStart(2, '0')}:00`), `${today} 23:59:59.999`]

  test.each(times.map((time) => [time]))('at %s', (time) => {
    const phases = batches.map((batch) => roundState(batch, sh(time)).phase)
    expect(phases).toContain('open')
    expect(phases).toContain('upcoming')
  })

  test('a batch whose vouchers end tomorrow, a tiny one that sells out, one only for 柯城 residents', () => {
    expect(batches.some((batch) => batch.validity.kind === 'fixed' && batch.validity.to === '2025-05-02')).toBe(true)
    expect(batches.some((batch) => batch.rounds.some((round) => round.quota <= 5))).toBe(true)
    expect(batches.some((batch) => batch.residentCounties?.join() === '330802')).toBe(true)
  })
})

describe('sample data is marked and provisional', () => {
  const batches = sampleBatches('2025-05-01')
  const merchants = sampleMerchants()

  test('titles and names start with 示例; every batch is provisional, clause 十五', () => {
    expect(batches.every((batch) => batch.title.startsWith('示例'))).toBe(true)
    expect(merchants.every((merchant) => merchant.name.startsWith('示例'))).toBe(true)
    expect(batches.every((batch) => batch.provenance.status === 'provisional' && batch.provenance.clause === '十五')).toBe(true)
  })

  test('the Zhejiang pack: 满20减5, 满40减10, 满80减20, 9 days', () => {
    const rules = batches.slice(0, 3).map((batch) => [batch.thresholdFen, batch.faceValueFen, batch.limits.perRound])
    expect(rules).toEqual([
      [2000, 500, 2],
      [4000, 1000, 2],
      [8000, 2000, 1],
    ])
    expect(batches[0].validity).toEqual({ kind: 'days-after-claim', days: 9, notAfter: null })
  })

  test('merchants in all six counties, and every batch has a sample merchant that accepts it', () => {
    expect(new Set(merchants.map((merchant) => merchant.county))).toEqual(new Set(VOUCHER_COUNTY_CODES))
    for (const batch of batches) {
      expect(merchants.some((merchant) => checkMerchant(batch, merchant) === null)).toBe(true)
    }
  })
})

describe('sample wallet', () => {
  const today = '2025-05-01'
  const { vouchers, redemptions } = sampleWallet('u-demo', today)

  test('one voucher in each wallet status, all owned by the given resident and valid rows', () => {
    const statuses = vouchers.map((voucher) => [voucher.id, walletStatus(voucher, sh(`${today} 12:00`))])
    expect(statuses).toEqual([
      ['sample-v-expired', 'expired'],
      ['sample-v-ends-today', 'usable'],
      ['sample-v-ends-tomorrow', 'usable'],
      ['sample-v-used', 'used'],
      ['sample-v-returned', 'returned-after-refund'],
    ])
    expect(vouchers.every((voucher) => voucher.ownerId === 'u-demo' && walletVoucherSchema.safeParse(voucher).success)).toBe(true)
    expect(redemptions.every((redemption) => redemptionSchema.safeParse(redemption).success)).toBe(true)
  })

  test('the vouchers about to expire end tonight and tomorrow night', () => {
    const validTo = Object.fromEntries(vouchers.map((voucher) => [voucher.id, voucher.validTo]))
    expect(validTo['sample-v-ends-today']).toBe('2025-05-01T23:59:59.999+08:00')
    expect(validTo['sample-v-ends-tomorrow']).toBe('2025-05-02T23:59:59.999+08:00')
  })
})
