import { describeBatchRules } from './rules-text'
import { sampleBatches } from './samples'
import { makeBatch } from './test-fixtures'

test('the rules of a batch read as the decisions apply them', () => {
  const batch = makeBatch({ merchantDailyCap: { count: 50, amountFen: 150_000 }, residentCounties: ['330802'] })
  expect(describeBatchRules(batch)).toEqual([
    { label: '优惠', value: '满20减5' },
    { label: '限领', value: '每人每轮限领 2 张，本券每人共限领 3 张' },
    { label: '领取资格', value: '限柯城区居民' },
    { label: '有效期', value: '领取后 9 天有效（例：5月1日领取，可用至 5月10日 23:59）' },
    { label: '适用商户', value: '柯城区、衢江区的餐饮、商超便利类商户' },
    { label: '使用规则', value: '每笔订单限用一张，不与其他消费券叠加' },
    { label: '商户每日上限', value: '每家商户每天最多 50 张、优惠合计不超过 ¥1,500，满额后当天不能再用' },
    { label: '退款', value: '全额退款且券仍在有效期内，券退回券包、有效期不变；部分退款或过期后退款，券不退回' },
    { label: '名额', value: '未领完的名额转入下一轮；过期未用的券名额回到之后的轮次' },
    { label: '规则来源', value: '测试（待官方确认）' },
  ])
})

test.each([
  [
    'no daily cap, no quota return: those lines are left out',
    makeBatch({ quotaReturn: { unclaimed: false, expired: false } }),
    ['商户每日上限', '名额'],
    [],
  ],
  [
    'fixed dates',
    makeBatch({ validity: { kind: 'fixed', from: '2025-05-01', to: '2025-05-31' } }),
    [],
    ['2025-05-01 至 2025-05-31（每天 24 点前均可使用）'],
  ],
  [
    'a merchant list, city-wide',
    makeBatch({
      merchants: { kind: 'merchants', merchantIds: ['a', 'b'] },
      counties: ['330802', '330803', '330822', '330824', '330825', '330881'],
    }),
    [],
    ['衢州全市指定的 2 家商户'],
  ],
  [
    'days with a hard stop',
    makeBatch({ validity: { kind: 'days-after-claim', days: 9, notAfter: '2025-05-06' } }),
    [],
    ['领取后 9 天有效（例：5月1日领取，可用至 5月6日 23:59），最晚 2025-05-06 23:59'],
  ],
  ['never restored', makeBatch({ refund: 'never-restore' }), [], ['使用后退款，券不退回']],
])('%s', (_case, batch, absentLabels, presentValues) => {
  const lines = describeBatchRules(batch)
  for (const label of absentLabels) expect(lines.map((line) => line.label)).not.toContain(label)
  for (const value of presentValues) expect(lines.map((line) => line.value)).toContain(value)
})

test('every sample batch is described, marked 待官方确认', () => {
  for (const batch of sampleBatches('2025-05-01')) {
    expect(describeBatchRules(batch).at(-1)?.value).toMatch(/待官方确认）$/)
  }
})
