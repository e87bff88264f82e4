/**
 * Sample content for a fresh server, generated relative to "today in Shanghai" so that whenever
 * it is imported the app shows a round open now, rounds about to open, events coming up and
 * vouchers about to expire. Every sample title says 示例 and every sample record says where it
 * came from: none of this is a real offer. Toll stations are the real candidate list of
 * policy/toll-stations.ts (provisional), and the real 2025 events are in events-2025.yaml.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ContentBundleInput, TollStationInput } from '../../../src/domain/content'
import { CITY_DOCUMENT } from '../../../src/domain/policy/types'
import { BUNDLED_TOLL_STATIONS } from '../../../src/domain/policy/toll-stations'
import { addDays, parseDate, todayInShanghai } from '../../../src/domain/time'
import { COUNTY_CODES } from '../../../src/domain/vouchers/places'

export const REAL_EVENTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'events-2025.yaml')

const SAMPLE_SOURCE = '示例数据：为演示生成，不是真实的活动或优惠'
const VOUCHER_PROVENANCE = {
  clause: '十五',
  source: SAMPLE_SOURCE,
  status: 'provisional',
  note: '衢州未公布消费券细则；规则参照浙江做法（shared/policy/facts.md），以数据形式给出',
} as const

/** Rough positions in the old town and county seats (WGS-84, hand-placed): shown as 位置仅供参考. */
const PLACES = {
  oldTown: { lng: 118.8637, lat: 28.9592 },
  kecheng: { lng: 118.8731, lat: 28.9415 },
  qujiang: { lng: 118.9595, lat: 28.9797 },
  longyou: { lng: 119.1722, lat: 29.0283 },
  jiangshan: { lng: 118.6268, lat: 28.7375 },
  changshan: { lng: 118.5113, lat: 28.9017 },
  kaihua: { lng: 118.4153, lat: 29.1372 },
} as const

function venue(name: string, place: keyof typeof PLACES, address?: string) {
  return {
    name,
    ...(address ? { address } : {}),
    ...PLACES[place],
    coordinateSystem: 'wgs84' as const,
    coordinateStatus: 'provisional' as const,
    coordinateNote: '示例位置，仅供参考',
  }
}

const at = (date: string, time: string) => `${date}T${time}:00+08:00`

export function generateSampleContent(now: Date = new Date()): ContentBundleInput {
  const today = todayInShanghai(now.getTime())
  const day = (offset: number) => addDays(today, offset)
  // dayjs day(): 0 = Sunday … 6 = Saturday, in Shanghai (parseDate returns a +08:00 instant).
  const nextSaturday = day((6 - parseDate(today).day() + 7) % 7 || 7)

  const merchants: NonNullable<ContentBundleInput['merchants']> = [
    { id: 'sample-kecheng-noodles', name: '示例·柯城老街面馆', county: '330802', category: 'catering', address: '柯城区示例路 1 号', ...PLACES.kecheng },
    { id: 'sample-qujiang-hotpot', name: '示例·衢江火锅', county: '330803', category: 'catering', address: '衢江区示例路 8 号', ...PLACES.qujiang },
    { id: 'sample-longyou-market', name: '示例·龙游生活超市', county: '330825', category: 'supermarket', address: '龙游县示例街 12 号', ...PLACES.longyou },
    { id: 'sample-kecheng-digital', name: '示例·柯城数码广场', county: '330802', category: 'appliances-digital', address: '柯城区示例大道 66 号', ...PLACES.kecheng },
    { id: 'sample-qujiang-appliances', name: '示例·衢江电器城', county: '330803', category: 'appliances-digital', address: '衢江区示例大道 9 号', ...PLACES.qujiang },
    { id: 'sample-jiangshan-store', name: '示例·江山百货', county: '330881', category: 'retail', address: '江山市示例路 3 号', ...PLACES.jiangshan },
    { id: 'sample-changshan-teahouse', name: '示例·常山胡柚茶铺', county: '330822', category: 'catering', address: '常山县示例街 5 号', ...PLACES.changshan },
    { id: 'sample-kaihua-inn', name: '示例·开化山居民宿', county: '330824', category: 'accommodation', address: '开化县示例村 2 号', ...PLACES.kaihua, tags: ['乡村民宿'] },
  ]

  const batches: NonNullable<ContentBundleInput['batches']> = [
    {
      id: 'sample-dining',
      title: '示例·乐享衢州 餐饮消费券（满 80 减 20）',
      sponsor: '示例发放单位',
      campaign: '乐享衢州·有礼惠购',
      eventId: 'sample-promotion-week',
      faceValueFen: 2000,
      thresholdFen: 8000,
      limits: { perRound: 1, perBatch: 2 },
      rounds: [
        { id: 'round-1', opensAt: at(day(-1), '10:00'), closesAt: at(day(2), '22:00'), quota: 5000 },
        { id: 'round-2', opensAt: at(day(3), '10:00'), closesAt: at(day(5), '22:00'), quota: 5000 },
      ],
      validity: { kind: 'fixed', from: day(-1), to: day(14) },
      merchants: { kind: 'categories', categories: ['catering'] },
      counties: [...COUNTY_CODES],
      residentCounties: null,
      oneVoucherPerTransaction: true,
      merchantDailyCap: { count: 200, amountFen: null },
      refund: 'restore-on-full-refund-within-validity',
      quotaReturn: { unclaimed: true, expired: false },
      budgetFen: 10_000 * 2000,
      provenance: VOUCHER_PROVENANCE,
    },
    {
      id: 'sample-appliances',
      title: '示例·家电数码消费券（满 1000 减 100）',
      sponsor: '示例发放单位',
      campaign: '乐享衢州·有礼惠购',
      eventId: null,
      faceValueFen: 10_000,
      thresholdFen: 100_000,
      limits: { perRound: 1, perBatch: 1 },
      rounds: [{ id: 'round-1', opensAt: at(day(1), '10:00'), closesAt: at(day(1), '22:00'), quota: 2000 }],
      validity: { kind: 'days-after-claim', days: 7, notAfter: null },
      merchants: { kind: 'merchants', merchantIds: ['sample-kecheng-digital', 'sample-qujiang-appliances'] },
      counties: ['330802', '330803'],
      residentCounties: null,
      oneVoucherPerTransaction: true,
      merchantDailyCap: { count: null, amountFen: 500_000 },
      refund: 'restore-on-full-refund-within-validity',
      quotaReturn: { unclaimed: false, expired: false },
      budgetFen: 2000 * 10_000,
      provenance: VOUCHER_PROVENANCE,
    },
    {
      id: 'sample-supermarket-expiring',
      title: '示例·周末商超券（满 50 减 10，即将到期）',
      sponsor: '示例发放单位',
      campaign: '乐享衢州·有礼惠购',
      eventId: null,
      faceValueFen: 1000,
      thresholdFen: 5000,
      limits: { perRound: 2, perBatch: 2 },
      rounds: [{ id: 'round-1', opensAt: at(day(-10), '10:00'), closesAt: at(day(-8), '22:00'), quota: 8000 }],
      validity: { kind: 'fixed', from: day(-10), to: day(1) },
      merchants: { kind: 'categories', categories: ['supermarket', 'retail'] },
      counties: [...COUNTY_CODES],
      residentCounties: null,
      oneVoucherPerTransaction: true,
      merchantDailyCap: { count: null, amountFen: null },
      refund: 'never-restore',
      quotaReturn: { unclaimed: false, expired: false },
      budgetFen: 8000 * 1000,
      provenance: VOUCHER_PROVENANCE,
    },
  ]

  const sample = { source: SAMPLE_SOURCE, status: 'provisional', sample: true } as const
  const events: NonNullable<ContentBundleInput['events']> = [
    {
      id: 'sample-promotion-week',
      type: 'promotion',
      title: '示例·乐享衢州·有礼惠购 促消费周',
      summary: '示例活动：参与商户满减，配合餐饮消费券使用。',
      county: '330800',
      venue: venue('衢州古城及各参与商户', 'oldTown'),
      allDay: true,
      start: day(0),
      end: day(6),
      admission: { kind: 'free' },
      organiser: '示例主办单位',
      voucherBatchIds: ['sample-dining'],
      provenance: sample,
    },
    {
      id: 'sample-nankong-market',
      type: 'market',
      title: '示例·南孔市集 古城夜市',
      county: '330802',
      venue: venue('水亭门历史文化街区', 'oldTown'),
      allDay: false,
      start: at(nextSaturday, '18:00'),
      end: at(nextSaturday, '21:30'),
      recurrence: { frequency: 'weekly', weekdays: [6], until: addDays(nextSaturday, 49) },
      admission: { kind: 'free' },
      organiser: '示例主办单位',
      provenance: sample,
    },
    {
      id: 'sample-dining-season',
      type: 'dining',
      title: '示例·餐饮消费欢乐季 美食周',
      county: '330803',
      venue: venue('衢江区示例美食街', 'qujiang'),
      allDay: true,
      start: day(2),
      end: day(9),
      admission: { kind: 'free' },
      organiser: '示例主办单位',
      provenance: sample,
    },
    {
      id: 'sample-basketball',
      type: 'sports',
      sportsLevel: 'municipal',
      title: '示例·衢州市民篮球联赛',
      county: '330802',
      venue: venue('柯城区示例体育馆', 'kecheng'),
      allDay: false,
      start: at(day(5), '19:00'),
      end: at(day(5), '21:00'),
      admission: { kind: 'free' },
      organiser: '示例主办单位',
      provenance: sample,
    },
    {
      id: 'sample-concert',
      type: 'concert',
      title: '示例·江郎山草地音乐会',
      county: '330881',
      venue: venue('江山市示例草坪', 'jiangshan'),
      allDay: false,
      start: at(day(12), '19:30'),
      end: at(day(12), '22:00'),
      admission: { kind: 'ticketed', priceText: '示例票价 ¥80 起' },
      organiser: '示例主办单位',
      provenance: sample,
    },
    {
      id: 'sample-cancelled-fair',
      type: 'other',
      title: '示例·柯城亲子市集（已取消）',
      county: '330802',
      venue: venue('柯城区示例广场', 'kecheng'),
      allDay: true,
      start: day(8),
      end: day(8),
      admission: { kind: 'free' },
      organiser: '示例主办单位',
      status: 'cancelled',
      changeNote: '示例：因天气原因取消',
      provenance: sample,
    },
  ]

  const stations: TollStationInput[] = BUNDLED_TOLL_STATIONS.map((station) => ({
    id: station.id,
    name: station.name,
    highway: station.highway.code as TollStationInput['highway'],
    county: station.county.code,
    lng: station.lng,
    lat: station.lat,
    inScheme: station.inScheme,
    status: station.status,
    ...(station.pinyin ? { pinyin: station.pinyin } : {}),
    ...(station.pinyinInitials ? { pinyinInitials: station.pinyinInitials } : {}),
  }))

  return {
    policy: {
      version: '2025.1',
      title: '衢州市 2025 年惠民政策数据',
      document: CITY_DOCUMENT,
      publishedOn: '2025-04-11',
      effective: { from: '2025-01-01', to: '2025-12-31' },
      note: '随应用发布的数据版本；运营方可用导入命令更正个别数字',
    },
    merchants,
    batches,
    events,
    stations,
  }
}
