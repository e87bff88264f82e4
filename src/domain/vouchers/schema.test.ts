import { parseVoucherBatch, parseVoucherContent, merchantSchema, walletVoucherSchema } from './schema'
import { sampleVoucherContent } from './samples'
import { makeBatch, makeVoucher, NOODLES } from './test-fixtures'

const round = (id: string, opensAt: string, closesAt: string, quota = 100) => ({ id, opensAt, closesAt, quota })

describe('a batch file is accepted only when every rule in it makes sense', () => {
  test('the fixture batch and the sample content are valid', () => {
    expect(parseVoucherBatch(makeBatch())).toEqual({ ok: true, value: makeBatch() })
    const result = parseVoucherContent(sampleVoucherContent('2025-05-01'), 'sample.json')
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  test.each([
    ['满 X 小于减 Y', { thresholdFen: 300 }, 'thresholdFen', '门槛'],
    ['每轮限领多于整批', { limits: { perRound: 4, perBatch: 3 } }, 'limits.perRound', '每轮限领'],
    ['金额不是整数分', { faceValueFen: 5.5 }, 'faceValueFen', '整数分'],
    ['结束早于开抢', { rounds: [round('r1', '2025-05-01T10:00:00+08:00', '2025-05-01T09:00:00+08:00')] }, 'rounds[0].closesAt', '晚于开抢'],
    [
      '轮次重叠',
      {
        rounds: [
          round('r1', '2025-05-01T10:00:00+08:00', '2025-05-01T22:00:00+08:00'),
          round('r2', '2025-05-01T21:00:00+08:00', '2025-05-01T23:00:00+08:00'),
        ],
      },
      'rounds[1].opensAt',
      '互不重叠',
    ],
    [
      '轮次编号重复',
      {
        rounds: [
          round('r1', '2025-05-01T10:00:00+08:00', '2025-05-01T12:00:00+08:00'),
          round('r1', '2025-05-02T10:00:00+08:00', '2025-05-02T12:00:00+08:00'),
        ],
      },
      'rounds',
      '重复',
    ],
    ['时间不是北京时间', { rounds: [round('r1', '2025-05-01T02:00:00Z', '2025-05-01T14:00:00+08:00')] }, 'rounds[0].opensAt', '北京时间'],
    [
      '没有这一天',
      { rounds: [round('r1', '2025-02-30T10:00:00+08:00', '2025-03-01T14:00:00+08:00')] },
      'rounds[0].opensAt',
      '没有这个时间',
    ],
    ['没有轮次', { rounds: [] }, 'rounds', '至少要有一轮'],
    ['预算不够', { budgetFen: 99_999 }, 'budgetFen', '总预算'],
    ['固定有效期没覆盖领取日', { validity: { kind: 'fixed', from: '2025-05-01', to: '2025-05-02' } }, 'validity.to', '覆盖'],
    ['截止日早于领取日', { validity: { kind: 'days-after-claim', days: 9, notAfter: '2025-05-02' } }, 'validity.notAfter', '不早于'],
    ['区县代码不对', { counties: ['330801'] }, 'counties[0]', '区县代码'],
    ['区县重复', { counties: ['330802', '330802'] }, 'counties', '重复'],
    ['商户类别不对', { merchants: { kind: 'categories', categories: ['bank'] } }, 'merchants.categories[0]', '商户类别'],
  ])('%s → %s', (_case, overrides, path, reason) => {
    const result = parseVoucherBatch({ ...makeBatch(), ...overrides }, 'batches.json')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toContainEqual({ file: 'batches.json', path, reason: expect.stringContaining(reason) })
  })

  test('zod’s own messages come out in Chinese', () => {
    const result = parseVoucherBatch({ ...makeBatch(), title: undefined })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toEqual({ file: 'batch', path: 'title', reason: expect.stringMatching(/[\u4e00-\u9fa5]/) })
  })
})

describe('content files are all or nothing', () => {
  const listBatch = makeBatch({ id: 'listed', merchants: { kind: 'merchants', merchantIds: ['m-noodles', 'm-missing'] } })

  test('one bad batch rejects the file, with the batch index in the path', () => {
    const result = parseVoucherContent(
      { batches: [makeBatch(), { ...makeBatch({ id: 'b2' }), faceValueFen: -1 }], merchants: [] },
      'f.json',
    )
    expect(result).toEqual({ ok: false, errors: [{ file: 'f.json', path: 'batches[1].faceValueFen', reason: '金额必须大于 0' }] })
  })

  test('listed merchants must exist and lie in the batch counties; ids are unique', () => {
    const farAway = { ...NOODLES, id: 'm-far', county: '330881' as const }
    const result = parseVoucherContent(
      {
        batches: [{ ...listBatch, merchants: { kind: 'merchants', merchantIds: ['m-noodles', 'm-missing', 'm-far'] } }, listBatch],
        merchants: [NOODLES, farAway],
      },
      'f.json',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { file: 'f.json', path: 'batches', reason: '批次编号重复：listed' },
      { file: 'f.json', path: 'batches[0].merchants.merchantIds[1]', reason: '商户 m-missing 不在商户名单中' },
      { file: 'f.json', path: 'batches[0].merchants.merchantIds[2]', reason: '商户 m-far 所在区县不在本批次的适用区县内' },
      { file: 'f.json', path: 'batches[1].merchants.merchantIds[1]', reason: '商户 m-missing 不在商户名单中' },
    ])
  })
})

describe('merchants and wallet vouchers', () => {
  test.each([
    ['no coordinates', NOODLES, true],
    ['both coordinates', { ...NOODLES, lng: 118.87, lat: 28.94 }, true],
    ['longitude only', { ...NOODLES, lng: 118.87 }, false],
    ['outside China', { ...NOODLES, lng: 18.87, lat: 28.94 }, false],
    ['a functional zone as county', { ...NOODLES, county: '衢州智造新城' }, false],
  ])('merchant with %s: accepted = third column', (_case, merchant, valid) => {
    expect(merchantSchema.safeParse(merchant).success).toBe(valid)
  })

  test('a wallet voucher built by newWalletVoucher satisfies its schema', () => {
    expect(walletVoucherSchema.parse(makeVoucher(makeBatch()))).toEqual(makeVoucher(makeBatch()))
    expect(walletVoucherSchema.safeParse({ ...makeVoucher(makeBatch()), status: 'returned' }).success).toBe(false)
  })
})
