import fc from 'fast-check'
import { makeBatch } from '../vouchers/test-fixtures'
import { editBatchProblems } from './batch-edit'
import { contentChange, fieldChanges } from './content-diff'
import { adminBatchSchema, staffLoginBodySchema } from './schemas'
import { csvCell, settlementCsv, summariseSettlement, type RedemptionRecord } from './settlement'

/** Round 1 open on 2026-12-06 10:00–20:00, round 2 on 2026-12-07. */
const rushLikeBatch = () =>
  makeBatch({
    rounds: [
      { id: 'r1', opensAt: '2026-12-06T10:00:00+08:00', closesAt: '2026-12-06T20:00:00+08:00', quota: 100 },
      { id: 'r2', opensAt: '2026-12-07T10:00:00+08:00', closesAt: '2026-12-07T20:00:00+08:00', quota: 100 },
    ],
    budgetFen: 1_000_000,
  })

const record = (overrides: Partial<RedemptionRecord> = {}): RedemptionRecord => ({
  day: '2026-12-06',
  merchantId: 'm1',
  merchantName: '示例餐馆',
  county: '330802',
  batchId: 'b1',
  batchTitle: '示例券',
  faceValueFen: 1000,
  orderAmountFen: 6000,
  discountFen: 1000,
  refundRestored: null,
  ...overrides,
})

describe('settlement (对账)', () => {
  test.each([
    ['no refunds', [record(), record()], { redemptions: 2, discountFen: 2000, restoredFen: 0, keptRefunds: 0, netFen: 2000 }],
    ['a full refund within validity is not paid', [record(), record({ refundRestored: true })], { redemptions: 2, discountFen: 2000, restoredFen: 1000, keptRefunds: 0, netFen: 1000 }],
    ['a partial refund keeps the voucher used: still paid', [record({ refundRestored: false })], { redemptions: 1, discountFen: 1000, restoredFen: 0, keptRefunds: 1, netFen: 1000 }],
  ])('%s', (_name, records, expected) => {
    const { totals } = summariseSettlement('2026-12-06', '2026-12-06', records)
    expect(totals).toMatchObject(expected)
  })

  test('rows per day, merchant and batch; the totals are the sum of the rows and net = discount − restored', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.constantFrom('2026-12-05', '2026-12-06'),
            merchantId: fc.constantFrom('m1', 'm2'),
            batchId: fc.constantFrom('b1', 'b2'),
            discountFen: fc.integer({ min: 1, max: 100_000 }),
            refundRestored: fc.constantFrom(null, true, false),
          }),
          { maxLength: 40 },
        ),
        (items) => {
          const settlement = summariseSettlement('2026-12-05', '2026-12-06', items.map((item) => record(item)))
          expect(new Set(settlement.rows.map((row) => `${row.day}${row.merchantId}${row.batchId}`)).size).toBe(settlement.rows.length)
          expect(settlement.totals.netFen).toBe(settlement.rows.reduce((sum, row) => sum + row.netFen, 0))
          const paid = items.filter((item) => item.refundRestored !== true).reduce((sum, item) => sum + item.discountFen, 0)
          expect(settlement.totals.netFen).toBe(paid)
        },
      ),
    )
  })

  test('CSV: BOM, yuan with two decimals, a 合计 line, and no formula injection from a merchant name', () => {
    const csv = settlementCsv(summariseSettlement('2026-12-06', '2026-12-06', [record({ merchantName: '=HYPERLINK("x")', discountFen: 1234 })]))
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('"\'=HYPERLINK(""x"")"')
    expect(lines[2].split(',')[0]).toBe('合计')
    expect(lines[2]).toContain('12.34')
    expect(csvCell('-12.50')).toBe('-12.50')
  })
})

describe('editBatchProblems: what may change once claiming started', () => {
  const at = Date.parse('2026-12-06T12:00:00+08:00')
  const batch = rushLikeBatch()
  test.each([
    ['a new title', { title: '新名字' }, []],
    ['a larger budget', { budgetFen: batch.budgetFen + 100 }, []],
    ['a smaller budget', { budgetFen: batch.budgetFen - 100 }, ['budgetFen']],
    ['another face value', { faceValueFen: 900 }, ['faceValueFen']],
    ['other limits', { limits: { perRound: 1, perBatch: 1 } }, ['limits']],
    ['more quota in the open round', { rounds: [{ ...batch.rounds[0], quota: 200 }, batch.rounds[1]] }, []],
    ['less quota in the open round', { rounds: [{ ...batch.rounds[0], quota: 50 }, batch.rounds[1]] }, ['rounds[0].quota']],
    ['a later round moved', { rounds: [batch.rounds[0], { ...batch.rounds[1], opensAt: '2026-12-08T10:00:00+08:00' }] }, []],
    ['the open round’s end moved', { rounds: [{ ...batch.rounds[0], closesAt: '2026-12-06T23:00:00+08:00' }, batch.rounds[1]] }, ['rounds[0].closesAt']],
    ['a round removed', { rounds: [batch.rounds[0]] }, ['rounds[1]']],
  ])('%s', (_name, change, paths) => {
    expect(editBatchProblems(batch, { ...batch, ...change }, true, at).map((problem) => problem.path)).toEqual(paths)
  })

  test('before claiming starts anything may change but the id; key order of the stored copy does not matter', () => {
    expect(editBatchProblems(batch, { ...batch, faceValueFen: 900 }, false, at)).toEqual([])
    expect(editBatchProblems(batch, { ...batch, id: 'other' }, false, at)).toHaveLength(1)
    const { validity, ...rest } = batch
    const reordered = JSON.parse(JSON.stringify({ validity: { ...validity }, ...rest, limits: { perBatch: batch.limits.perBatch, perRound: batch.limits.perRound } }))
    expect(editBatchProblems(batch, reordered, true, at)).toEqual([])
  })
})

describe('content diff for the dry run', () => {
  test('leaf changes with before and after; a new item is added', () => {
    expect(fieldChanges({ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'y' }, d: [1] })).toEqual([
      { path: 'b.c', before: 'x', after: 'y' },
      { path: 'd[0]', before: null, after: 1 },
    ])
    expect(contentChange('merchants', 'm1', '店', null, { id: 'm1' })).toMatchObject({ change: 'added', screen: '消费券 · 适用商户' })
    expect(contentChange('events', 'e1', '活动', { id: 'e1' }, { id: 'e1' }).change).toBe('unchanged')
  })
})

describe('console schemas', () => {
  test('sign-in body: a 6-digit code, a well-formed account, Chinese messages', () => {
    expect(staffLoginBodySchema.safeParse({ account: 'ops.zhang', password: 'x', code: '123456' }).success).toBe(true)
    const bad = staffLoginBodySchema.safeParse({ account: 'Ops Zhang', password: 'x', code: '12345' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((issue) => issue.message).join()).toMatch(/6 位数字/)
  })
  test('an admin batch carries a batch the batch schema accepts', () => {
    const batch = rushLikeBatch()
    expect(adminBatchSchema.safeParse({ batch, status: 'open', claimingStarted: true, rounds: [], redeemed: { count: 0, netFen: 0 }, closedAt: null, updatedAt: 'x' }).success).toBe(true)
  })
})
