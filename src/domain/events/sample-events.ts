/**
 * Upcoming sample events of every type, relative to today, so a fresh server (or the app with no
 * network) always has something on the calendar. Every title carries 示例 and every record has
 * provenance.sample = true: they are shown as samples and never counted toward clause (十五).
 * Ids are stable (not date-based), so re-seeding on another day replaces rather than duplicates.
 */
import { assertDate, type DateString } from '../time'
import type { CityEvent, CityEventInput } from './model'
import { withSchemaDefaults } from './schema-defaults'
import { dateOfDayNumber, dayNumberOf, isoWeekdayOf } from './day-numbers'
import { ZHIZAO_XINCHENG_TAG } from './places'

const SAMPLE_PROVENANCE = { source: '本应用暂定：示例活动，用于演示，并非真实安排', status: 'provisional', sample: true, note: '示例，并非真实活动' } as const
const ORGANISER = '示例主办单位'

/** County seats, approximate (GCJ-02): good enough for a sample pin. */
const PLACES = {
  kecheng: { name: '示例场地·柯城', address: '柯城区（示例地址）', lng: 118.8735, lat: 28.9420 },
  qujiang: { name: '示例场地·衢江', address: '衢江区（示例地址）', lng: 118.9590, lat: 28.9800 },
  changshan: { name: '示例场地·常山', address: '常山县（示例地址）', lng: 118.5110, lat: 28.9010 },
  kaihua: { name: '示例场地·开化', address: '开化县（示例地址）', lng: 118.4150, lat: 29.1370 },
  longyou: { name: '示例场地·龙游', address: '龙游县（示例地址）', lng: 119.1720, lat: 29.0280 },
  jiangshan: { name: '示例场地·江山', address: '江山市（示例地址）', lng: 118.6270, lat: 28.7375 },
} as const

function venue(place: keyof typeof PLACES): CityEventInput['venue'] {
  return { ...PLACES[place], coordinateSystem: 'gcj02', coordinateStatus: 'provisional', coordinateNote: '示例位置' }
}

function at(date: DateString, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** Number of weekly 南孔市集 samples. */
const SAMPLE_MARKET_WEEKS = 12

export function sampleEvents(todayShanghai: DateString, options: { voucherBatchIds?: string[] } = {}): CityEvent[] {
  const today = dayNumberOf(assertDate(todayShanghai, 'todayShanghai'))
  const day = (offset: number) => dateOfDayNumber(today + offset)
  const nextSaturday = today + ((6 - isoWeekdayOf(today) + 7) % 7)
  const saturday = (week: number) => dateOfDayNumber(nextSaturday + week * 7)

  const inputs: CityEventInput[] = [
    {
      id: 'sample-promotion',
      type: 'promotion',
      title: '【示例】乐享衢州·有礼惠购 促消费周',
      summary: '示例：商场、超市联合让利，可使用消费券',
      county: '330802',
      venue: venue('kecheng'),
      allDay: true,
      start: day(2),
      end: day(8),
      admission: { kind: 'free' },
      organiser: ORGANISER,
      voucherBatchIds: options.voucherBatchIds ?? [],
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-dining',
      type: 'dining',
      title: '【示例】餐饮消费欢乐季·美食街',
      county: '330803',
      venue: venue('qujiang'),
      allDay: true,
      start: day(3),
      end: day(16),
      admission: { kind: 'free' },
      organiser: ORGANISER,
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-market-weekly',
      type: 'market',
      title: '【示例】南孔市集（每周六）',
      summary: '示例：每周六 9:00–17:00，第三周暂停一次',
      county: '330802',
      venue: venue('kecheng'),
      allDay: false,
      start: at(saturday(0), '09:00'),
      end: at(saturday(0), '17:00'),
      recurrence: {
        frequency: 'weekly',
        interval: 1,
        weekdays: [6],
        until: saturday(SAMPLE_MARKET_WEEKS - 1),
        exceptDates: [saturday(2)],
      },
      admission: { kind: 'free' },
      organiser: ORGANISER,
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-sports-national',
      type: 'sports',
      sportsLevel: 'national',
      title: '【示例】全国青少年羽毛球锦标赛',
      county: '330881',
      venue: venue('jiangshan'),
      allDay: true,
      start: day(10),
      end: day(12),
      admission: { kind: 'ticketed', priceText: '示例：30 元起' },
      organiser: ORGANISER,
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-sports-provincial',
      type: 'sports',
      sportsLevel: 'provincial',
      title: '【示例】浙江省业余围棋公开赛',
      county: '330825',
      venue: venue('longyou'),
      allDay: false,
      start: at(day(6), '08:30'),
      end: at(day(6), '17:00'),
      admission: { kind: 'free' },
      organiser: ORGANISER,
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-sports-municipal',
      type: 'sports',
      sportsLevel: 'municipal',
      title: '【示例】衢州市全民健身夜跑',
      county: '330822',
      venue: venue('changshan'),
      allDay: false,
      start: at(day(1), '19:00'),
      end: at(day(1), '21:00'),
      admission: { kind: 'free' },
      organiser: ORGANISER,
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-concert',
      type: 'concert',
      title: '【示例】钱江源草地音乐会',
      county: '330824',
      venue: venue('kaihua'),
      allDay: false,
      start: at(day(14), '19:30'),
      end: at(day(14), '22:30'),
      admission: { kind: 'ticketed', priceText: '示例：180 元起' },
      organiser: ORGANISER,
      provenance: SAMPLE_PROVENANCE,
    },
    {
      id: 'sample-other-changed',
      type: 'other',
      title: '【示例】智造新城开放日',
      county: '330803',
      tags: [ZHIZAO_XINCHENG_TAG],
      venue: venue('qujiang'),
      allDay: false,
      start: at(day(4), '14:00'),
      end: at(day(4), '16:30'),
      admission: { kind: 'free' },
      organiser: ORGANISER,
      status: 'changed',
      changeNote: '示例：时间由上午改为下午 14:00',
      revision: 1,
      provenance: SAMPLE_PROVENANCE,
    },
  ]
  return inputs.map(withSchemaDefaults)
}
