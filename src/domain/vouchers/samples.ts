/**
 * Sample content for a fresh server and for the app's demo mode. Quzhou's voucher mechanics were
 * not published, so these follow the Zhejiang practice (Hangzhou 2022 consumption vouchers:
 * first come first served, 2×满20减5, 2×满40减10, 1×满80减20, about 9 days' validity, offline
 * stores) and are marked 示例 and provisional. Every date is relative to "today" in Shanghai, so
 * whenever the server starts there is an open round, an upcoming round with a countdown, and
 * vouchers about to expire:
 *
 *   day:                −12  −9 … −1   today   +1   +2   +3
 *   满20减5   rounds     r1   r2   [r3 10:00 ─────── 22:00]  r4
 *   满40减10  rounds                            r1         r2
 *   满80减20  round            [r1 10:00 ────── 20:00]  valid until the end of +1
 *   柯城餐饮   round            [r1 10:00 ──────────────────── +5 22:00]  柯城 residents only
 *   南孔市集   round            [r1 quota 5 ─────── +1 22:00]  sells out in a demo
 */
import { addDays, assertDate, type DateString } from '../time'
import { yuanToFen } from '../money'
import { VOUCHER_COUNTY_CODES } from './places'
import { newWalletVoucher } from './claim'
import { parseIsoInstant } from './instants'
import type { Merchant, Redemption, VoucherBatch, VoucherContent, WalletVoucher } from './schema'
import { applyRedemption } from './redemption'
import { decideRefund } from './refund'

const SAMPLE_PROVENANCE: VoucherBatch['provenance'] = {
  clause: '十五',
  source:
    '本应用暂定：衢州消费券规则未公布，示例参照浙江做法（杭州 2022 年消费券）：先到先得，满20减5×2、满40减10×2、满80减20×1，有效期约 9 天，线下门店使用；' +
    '每人每轮限领、每笔限用一张、全额退款且在有效期内退回、未领或过期名额回到后续轮次为全国常见规则',
  status: 'provisional',
  note: '衢州消费券的具体规则未公布，此为示例数据，待官方确认',
}

function at(today: DateString, dayOffset: number, time: string): string {
  return `${addDays(today, dayOffset)}T${time}:00+08:00`
}

export function sampleMerchants(): Merchant[] {
  return [
    {
      id: 'sample-m-kecheng-noodles',
      name: '示例·水亭门老字号面馆',
      county: '330802',
      category: 'catering',
      address: '柯城区水亭门历史文化街区（示例地址）',
      lng: 118.8676,
      lat: 28.9395,
    },
    {
      id: 'sample-m-kecheng-bistro',
      name: '示例·府山小炒馆',
      county: '330802',
      category: 'catering',
      address: '柯城区府山街道（示例地址）',
      lng: 118.872,
      lat: 28.936,
    },
    {
      id: 'sample-m-kecheng-market',
      name: '示例·柯城便民超市',
      county: '330802',
      category: 'supermarket',
      address: '柯城区荷花街道（示例地址）',
      lng: 118.88,
      lat: 28.95,
    },
    {
      id: 'sample-m-qujiang-bakery',
      name: '示例·樟潭烤饼店',
      county: '330803',
      category: 'catering',
      address: '衢江区樟潭街道（示例地址）',
      lng: 118.96,
      lat: 28.98,
    },
    {
      id: 'sample-m-qujiang-mall',
      name: '示例·衢江百货',
      county: '330803',
      category: 'retail',
      address: '衢江区（示例地址）',
      lng: 118.958,
      lat: 28.975,
      tags: ['衢州智造新城'],
    },
    {
      id: 'sample-m-changshan-pomelo',
      name: '示例·常山胡柚特产店',
      county: '330822',
      category: 'retail',
      address: '常山县天马街道（示例地址）',
      lng: 118.51,
      lat: 28.9,
    },
    {
      id: 'sample-m-changshan-appliances',
      name: '示例·常山家电城',
      county: '330822',
      category: 'appliances-digital',
      address: '常山县（示例地址）',
    },
    {
      id: 'sample-m-kaihua-farmhouse',
      name: '示例·钱江源农家菜馆',
      county: '330824',
      category: 'catering',
      address: '开化县（示例地址）',
      lng: 118.41,
      lat: 29.14,
    },
    {
      id: 'sample-m-kaihua-market',
      name: '示例·开化城关超市',
      county: '330824',
      category: 'supermarket',
      address: '开化县城关镇（示例地址）',
      lng: 118.415,
      lat: 29.135,
    },
    {
      id: 'sample-m-longyou-cake',
      name: '示例·龙游发糕坊',
      county: '330825',
      category: 'catering',
      address: '龙游县龙洲街道（示例地址）',
      lng: 119.17,
      lat: 29.03,
    },
    {
      id: 'sample-m-longyou-gym',
      name: '示例·龙游全民健身馆',
      county: '330825',
      category: 'sports-fitness',
      address: '龙游县（示例地址）',
      lng: 119.175,
      lat: 29.028,
    },
    {
      id: 'sample-m-jiangshan-inn',
      name: '示例·江郎山下民宿',
      county: '330881',
      category: 'accommodation',
      address: '江山市石门镇（示例地址）',
      lng: 118.58,
      lat: 28.62,
    },
    {
      id: 'sample-m-jiangshan-mall',
      name: '示例·江山鹿溪商场',
      county: '330881',
      category: 'retail',
      address: '江山市虎山街道（示例地址）',
      lng: 118.63,
      lat: 28.74,
    },
  ]
}

const CITY_WIDE = [...VOUCHER_COUNTY_CODES]
const EVERYDAY = ['catering', 'supermarket', 'retail'] as const

/** Sample batches for the given Shanghai date ('YYYY-MM-DD'); titles start with 示例. */
export function sampleBatches(todayShanghai: DateString): VoucherBatch[] {
  const today = assertDate(todayShanghai, 'todayShanghai')
  const common = {
    sponsor: '衢州市商务局（示例）',
    eventId: null,
    counties: CITY_WIDE,
    residentCounties: null,
    oneVoucherPerTransaction: true,
    refund: 'restore-on-full-refund-within-validity',
    provenance: SAMPLE_PROVENANCE,
  } as const
  return [
    {
      ...common,
      id: 'sample-lexiang-20-5',
      title: '示例·乐享衢州·有礼惠购 满20减5',
      campaign: '乐享衢州·有礼惠购',
      faceValueFen: yuanToFen(5),
      thresholdFen: yuanToFen(20),
      limits: { perRound: 2, perBatch: 4 },
      rounds: [
        { id: 'r1', opensAt: at(today, -12, '10:00'), closesAt: at(today, -12, '22:00'), quota: 20_000 },
        { id: 'r2', opensAt: at(today, -9, '10:00'), closesAt: at(today, -9, '22:00'), quota: 20_000 },
        { id: 'r3', opensAt: at(today, -1, '10:00'), closesAt: at(today, 1, '22:00'), quota: 20_000 },
        { id: 'r4', opensAt: at(today, 2, '10:00'), closesAt: at(today, 2, '22:00'), quota: 20_000 },
      ],
      validity: { kind: 'days-after-claim', days: 9, notAfter: null },
      merchants: { kind: 'categories', categories: [...EVERYDAY] },
      counties: CITY_WIDE,
      merchantDailyCap: { count: 500, amountFen: null },
      quotaReturn: { unclaimed: true, expired: true },
      budgetFen: 80_000 * yuanToFen(5),
    },
    {
      ...common,
      id: 'sample-lexiang-40-10',
      title: '示例·乐享衢州·有礼惠购 满40减10',
      campaign: '乐享衢州·有礼惠购',
      faceValueFen: yuanToFen(10),
      thresholdFen: yuanToFen(40),
      limits: { perRound: 2, perBatch: 2 },
      rounds: [
        { id: 'r1', opensAt: at(today, 1, '10:00'), closesAt: at(today, 1, '22:00'), quota: 10_000 },
        { id: 'r2', opensAt: at(today, 3, '10:00'), closesAt: at(today, 3, '22:00'), quota: 5_000 },
      ],
      validity: { kind: 'days-after-claim', days: 9, notAfter: null },
      merchants: { kind: 'categories', categories: [...EVERYDAY, 'appliances-digital'] },
      merchantDailyCap: { count: 300, amountFen: yuanToFen(3_000) },
      quotaReturn: { unclaimed: true, expired: false },
      budgetFen: 15_000 * yuanToFen(10),
    },
    {
      ...common,
      id: 'sample-lexiang-80-20',
      title: '示例·乐享衢州·有礼惠购 满80减20',
      campaign: '乐享衢州·有礼惠购',
      faceValueFen: yuanToFen(20),
      thresholdFen: yuanToFen(80),
      limits: { perRound: 1, perBatch: 1 },
      rounds: [{ id: 'r1', opensAt: at(today, -1, '10:00'), closesAt: at(today, 1, '20:00'), quota: 5_000 }],
      validity: { kind: 'fixed', from: addDays(today, -1), to: addDays(today, 1) },
      merchants: { kind: 'categories', categories: ['catering', 'supermarket', 'retail', 'accommodation', 'culture-tourism'] },
      merchantDailyCap: { count: 200, amountFen: null },
      quotaReturn: { unclaimed: false, expired: false },
      budgetFen: 5_000 * yuanToFen(20),
    },
    {
      ...common,
      id: 'sample-canyin-kecheng',
      title: '示例·餐饮消费欢乐季·柯城专场 满100减30',
      campaign: '餐饮消费欢乐季',
      sponsor: '柯城区商务局（示例）',
      faceValueFen: yuanToFen(30),
      thresholdFen: yuanToFen(100),
      limits: { perRound: 1, perBatch: 1 },
      rounds: [{ id: 'r1', opensAt: at(today, -1, '10:00'), closesAt: at(today, 5, '22:00'), quota: 2_000 }],
      validity: { kind: 'days-after-claim', days: 7, notAfter: addDays(today, 7) },
      merchants: { kind: 'merchants', merchantIds: ['sample-m-kecheng-noodles', 'sample-m-kecheng-bistro'] },
      counties: ['330802'],
      residentCounties: ['330802'],
      merchantDailyCap: { count: 50, amountFen: yuanToFen(1_500) },
      refund: 'never-restore',
      quotaReturn: { unclaimed: false, expired: false },
      budgetFen: 2_000 * yuanToFen(30),
    },
    {
      ...common,
      id: 'sample-nankong-market',
      title: '示例·南孔市集 满50减15（限量）',
      campaign: '南孔市集',
      faceValueFen: yuanToFen(15),
      thresholdFen: yuanToFen(50),
      limits: { perRound: 1, perBatch: 1 },
      rounds: [{ id: 'r1', opensAt: at(today, -1, '10:00'), closesAt: at(today, 1, '22:00'), quota: 5 }],
      validity: { kind: 'days-after-claim', days: 3, notAfter: null },
      merchants: { kind: 'categories', categories: ['catering', 'retail', 'culture-tourism'] },
      merchantDailyCap: { count: null, amountFen: null },
      quotaReturn: { unclaimed: false, expired: false },
      budgetFen: 5 * yuanToFen(15),
    },
  ]
}

/** Batches and merchants together, in the shape parseVoucherContent accepts. */
export function sampleVoucherContent(todayShanghai: DateString): VoucherContent {
  return { batches: sampleBatches(todayShanghai), merchants: sampleMerchants() }
}

/**
 * A demo wallet for one resident on `todayShanghai`: one voucher of each wallet status — expired,
 * expiring at the end of today, expiring tomorrow, used, and given back after a full refund —
 * with the redemptions behind the used and refunded ones. Built with the same functions the
 * server uses, so it is consistent with the sample batches.
 */
export function sampleWallet(ownerId: string, todayShanghai: DateString): { vouchers: WalletVoucher[]; redemptions: Redemption[] } {
  const today = assertDate(todayShanghai, 'todayShanghai')
  const [small, , large] = sampleBatches(today)
  const merchant = sampleMerchants()[0]
  const claim = (id: string, batch: VoucherBatch, roundId: string, when: string) =>
    newWalletVoucher({ id, batch, roundId, ownerId, claimedAt: parseIsoInstant(when) })

  const expired = { ...claim('sample-v-expired', small, 'r1', at(today, -12, '10:03')), status: 'expired' as const }
  const endsToday = claim('sample-v-ends-today', small, 'r2', at(today, -9, '10:01'))
  const endsTomorrow = claim('sample-v-ends-tomorrow', large, 'r1', at(today, -1, '10:02'))

  const usedAt = parseIsoInstant(at(today, -1, '12:30'))
  const used = applyRedemption({
    redemptionId: 'sample-redemption-used',
    orderId: 'sample-order-1',
    voucher: claim('sample-v-used', small, 'r3', at(today, -1, '10:00')),
    merchant,
    orderAmountFen: yuanToFen(26.5),
    discountFen: small.faceValueFen,
    at: usedAt,
  })

  const refundedSale = applyRedemption({
    redemptionId: 'sample-redemption-refunded',
    orderId: 'sample-order-2',
    voucher: claim('sample-v-returned', small, 'r3', at(today, -1, '10:00')),
    merchant,
    orderAmountFen: yuanToFen(32),
    discountFen: small.faceValueFen,
    at: usedAt,
  })
  const refund = decideRefund({
    batch: small,
    redemption: refundedSale.redemption,
    voucher: refundedSale.voucher,
    full: true,
    at: parseIsoInstant(at(today, -1, '18:00')),
  })

  return {
    vouchers: [expired, endsToday, endsTomorrow, used.voucher, refund.voucher],
    redemptions: [used.redemption, refund.redemption],
  }
}
