/**
 * Rule set `national-2026`: the national scheme from 2026-01-01, as facts.md ("After 2025")
 * quotes it from a public dataset — provisional as a whole. It has cars and six appliance
 * categories only; furniture, digital products, e-bikes and renovation have no rule in it, so a
 * 2026 purchase of those is not eligible and the quote says so.
 *
 * The dataset gives rates and caps only. Figures it is silent on are carried over from 2025 and
 * marked unknown, so an operator sees them as the first things to confirm: the fuel-car
 * displacement limit, the scrapped car's registration dates, the ownership date, the per-person
 * limits and the 2026 year end as the deadline.
 */
import { CAR_REPLACE_PRACTICE, CAR_SCRAP_PRACTICE } from './subsidy-guide-practice'
import { datedFigure, sourcedPeriod, type Provenance, type SubsidyRuleSet } from './subsidy-rules'

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' }

const NOTICE_2026 = '2026 年国家以旧换新通知'

const NATIONAL_2026: Provenance = {
  clause: NOTICE_2026,
  source: '2026 年国家以旧换新通知（据公开数据集转引，见 shared/policy/facts.md “After 2025”）',
  status: 'provisional',
}
const CARRIED_FROM_2025: Provenance = {
  ...NATIONAL_2026,
  status: 'unknown',
  note: '2026 年数值未查到，暂沿用 2025 年（商办消费函〔2025〕8号 / 发改环资〔2025〕13号）',
}

const figure2026 = <T>(label: string, value: T) => datedFigure(label, value, NATIONAL_2026, YEAR_2026)
const carried = <T>(label: string, value: T) => datedFigure(label, value, CARRIED_FROM_2025, YEAR_2026)

export const NATIONAL_2026_RULES: SubsidyRuleSet = {
  id: 'national-2026',
  title: '2026 年国家消费品以旧换新（待官方确认）',
  status: 'provisional',
  note: '2025 年衢州措施已于 2025-12-31 结束；2026 年按国家新方案，数值据公开数据集转引，待官方确认',
  effective: sourcedPeriod(YEAR_2026, { ...NATIONAL_2026, note: '截止日期未查到，暂按 2026 年底' }),
  documents: {
    [NOTICE_2026]: {
      citation: '2026 年国家以旧换新通知（转引）',
      title: NATIONAL_2026.source,
      text:
        '2026 年起：汽车报废更新，新能源车按售价 12% 补贴（最高 2 万元），燃油车 10%（最高 1.5 万元）；' +
        '汽车置换更新，新能源车 8%（最高 1.5 万元），燃油车 6%（最高 1.3 万元）；' +
        '家电仅冰箱、洗衣机、电视、空调、热水器、电脑 6 类，仅一级能效，按 15% 补贴，每件最高 1500 元。',
      verbatim: false,
    },
  },
  measures: {
    appliance: {
      effective: sourcedPeriod(YEAR_2026, NATIONAL_2026),
      categories: figure2026('家电补贴品类（6 类）', [
        'refrigerator',
        'washing-machine',
        'television',
        'air-conditioner',
        'water-heater',
        'computer',
      ]),
      rates: {
        byGrade: { '1': figure2026('家电一级能效（水效）补贴比例', 15) },
        otherGrades: null,
      },
      capFen: figure2026('家电每件补贴上限', 1_500_00),
      perPersonLimit: carried('家电每人每类限购件数', { perCategory: 1, byCategory: { 'air-conditioner': 3 } }),
    },
    furniture: null,
    digital: null,
    'car-scrap': {
      effective: sourcedPeriod(YEAR_2026, NATIONAL_2026),
      amounts: {
        nev: {
          basis: 'rate',
          ratePercent: figure2026('报废更新购新能源车补贴比例', 12),
          capFen: figure2026('报废更新购新能源车补贴上限', 20_000_00),
        },
        fuel: {
          basis: 'rate',
          ratePercent: figure2026('报废更新购燃油车补贴比例', 10),
          capFen: figure2026('报废更新购燃油车补贴上限', 15_000_00),
        },
      },
      fuelMaxDisplacementL: carried('报废更新燃油新车排量上限（升，含）', 2.0),
      oldCarRegisteredOnOrBefore: carried('报废旧车注册登记日期（含）', {
        petrol: '2012-06-30',
        diesel: '2014-06-30',
        other: '2014-06-30',
        nev: '2018-12-31',
      }),
      oldCarOwnedOnOrBefore: carried('旧车登记在本人名下的日期（含）', '2025-01-08'),
      exclusiveWithReplace: carried('同一辆车不得同时享受报废更新和置换更新', true),
    },
    'car-replace': {
      effective: sourcedPeriod(YEAR_2026, NATIONAL_2026),
      amounts: {
        nev: {
          basis: 'rate',
          ratePercent: figure2026('置换更新购新能源车补贴比例', 8),
          capFen: figure2026('置换更新购新能源车补贴上限', 15_000_00),
        },
        fuel: {
          basis: 'rate',
          ratePercent: figure2026('置换更新购燃油车补贴比例', 6),
          capFen: figure2026('置换更新购燃油车补贴上限', 13_000_00),
        },
      },
      oldCarOwnedOnOrBefore: carried('旧车登记在本人名下的日期（含）', '2025-01-08'),
      perPersonPerYear: carried('置换更新每人每年限次', 1),
    },
    ebike: null,
    renovation: null,
  },
  guides: {
    appliance: {
      channel: { text: '2026 年领取渠道待官方公布', status: 'unknown', source: '未查到' },
      steps: [
        { text: '领取补贴资格（按品类）', status: 'provisional', source: '沿用 2025 年做法' },
        { text: '选购一级能效（水效）的冰箱、洗衣机、电视、空调、热水器或电脑', status: 'provisional', source: NATIONAL_2026.source },
        { text: '付款时补贴立减', status: 'provisional', source: '沿用 2025 年做法' },
      ],
      materials: [
        { text: '本人实名认证的手机和支付账户', status: 'provisional', source: '沿用 2025 年做法' },
        { text: '产品上的中国能效标识（一级）', status: 'provisional', source: NATIONAL_2026.source },
      ],
      notes: [],
    },
    'car-scrap': {
      channel: {
        text: '全国汽车流通信息管理系统（网站）或“汽车以旧换新”小程序',
        status: 'provisional',
        source: '沿用 2025 年渠道',
      },
      steps: [
        CAR_SCRAP_PRACTICE.handOver,
        CAR_SCRAP_PRACTICE.deregister,
        CAR_SCRAP_PRACTICE.buyNew,
        { text: '在系统或小程序中提交补贴申请', status: 'provisional', source: '沿用 2025 年渠道' },
      ],
      materials: CAR_SCRAP_PRACTICE.materials,
      notes: [],
    },
    'car-replace': {
      channel: { text: '浙江省置换更新申报渠道（待官方公布）', status: 'unknown', source: '省级渠道未查到' },
      steps: [
        CAR_REPLACE_PRACTICE.transfer,
        CAR_REPLACE_PRACTICE.buyNew,
        { text: '在省级渠道提交申请', status: 'unknown', source: '省级渠道未查到' },
      ],
      materials: CAR_REPLACE_PRACTICE.materials,
      notes: [],
    },
  },
}
