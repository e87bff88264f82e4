/**
 * Rule set `national-2026`: purchases from 2026-01-01 under 国家发展改革委、财政部《关于2026年实施大规
 * 模设备更新和消费品以旧换新政策的通知》(发改环资〔2025〕1745号, published 2025-12-30). The notice
 * sets one national standard for cars, six appliance kinds and four digital kinds
 * ("在全国范围内执行统一的补贴标准"), so Quzhou's 2026 figures for those follow it. Its text was not
 * read: the figures are those reported by 新华社 and 第一财经 on 2025-12-30, so the whole set is
 * provisional (待官方确认) until the notice or the city's 2026 rules are read.
 *
 * Furniture, e-bikes, renovation and smart home are not "no": the reports do not name them (smart
 * home, incl. 适老化 products, is subsidised at local rates not found), so they are `unpublished`
 * and a quote says the rule has not been published. The 2025 car registration and ownership
 * cut-offs are not in the reports: they are points to check, not grounds for rejection.
 */
import { CAR_REPLACE_PRACTICE, CAR_SCRAP_PRACTICE } from './subsidy-guide-practice'
import { datedFigure, sourcedPeriod, type Provenance, type SubsidyRuleSet, type UnpublishedMeasure } from './subsidy-rules'

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' }

export const NOTICE_2026 = '发改环资〔2025〕1745号'
export const NOTICE_2026_TITLE = '国家发展改革委、财政部《关于2026年实施大规模设备更新和消费品以旧换新政策的通知》'
/** Where the figures were read: reports of the notice, not its text. */
const REPORTED = '新华社、第一财经 2025-12-30 报道'
/** The 2025 car notice, cited for the 2025 requirements the 2026 reports do not repeat. */
const CAR_NOTICE_2025 = '商务部办公厅等《关于做好2025年汽车以旧换新工作的通知》（商办消费函〔2025〕8号）'

const NATIONAL_2026: Provenance = {
  clause: NOTICE_2026,
  source: `${NOTICE_2026_TITLE}（${NOTICE_2026}，2025-12-30 发布；数值据${REPORTED}，通知原文待核）`,
  status: 'provisional',
}
/** A figure the 2026 reports are silent on, which the app keeps from 2025 for now. */
const carriedFrom2025 = (why: string): Provenance => ({
  clause: NOTICE_2026,
  source: `本应用暂定：2026 年的报道未提及，暂沿用 2025 年规定（${why}）`,
  status: 'unknown',
})
/** A 2025 requirement the 2026 reports do not repeat: shown as a point to check. */
const TO_CHECK: Provenance = {
  clause: NOTICE_2026,
  source: `${CAR_NOTICE_2025}的 2025 年要求；2026 年是否沿用，${NOTICE_2026}的报道未提及`,
  status: 'unknown',
}

const figure2026 = <T>(label: string, value: T) => datedFigure(label, value, NATIONAL_2026, YEAR_2026)
const pointToCheck = (label: string, text: string) => datedFigure(label, text, TO_CHECK, YEAR_2026)

const NOT_REPORTED = `${NOTICE_2026}的报道（${REPORTED}）未提及；衢州 2026 年细则尚未公布`

function unpublished(text: string): UnpublishedMeasure {
  return { text, clause: NOTICE_2026, source: NOT_REPORTED, status: 'unknown' }
}

const OWNERSHIP_CHECK = pointToCheck(
  '旧车登记在本人名下的时间',
  '2025 年要求旧车在 2025-01-08（含）前登记在本人名下；2026 年的时间要求待官方确认',
)

/** 2026 channels are not published: each guide line is the app's own working assumption. */
const assumed = (text: string, why: string) => ({ text, status: 'provisional' as const, source: `本应用暂定：${why}` })
const CHANNEL_UNKNOWN = { status: 'unknown' as const, source: '本应用暂定：2026 年衢州的申领渠道尚未公布' }

export const NATIONAL_2026_RULES: SubsidyRuleSet = {
  id: 'national-2026',
  title: '2026 年消费品以旧换新（国家统一标准，待官方确认）',
  status: 'provisional',
  note: '2025 年衢州措施已于 2025-12-31 结束；2026 年汽车、家电、数码产品按国家统一标准，数值据报道，待官方确认',
  effective: sourcedPeriod(YEAR_2026, {
    ...NATIONAL_2026,
    note: '通知为 2026 年政策；截止日期未见报道，本应用暂按 2026-12-31',
  }),
  documents: {
    [NOTICE_2026]: {
      citation: `${NOTICE_2026}（据报道）`,
      title: `${NOTICE_2026_TITLE}（${NOTICE_2026}，2025-12-30）`,
      text:
        '据新华社、第一财经 2025-12-30 报道：2026 年在全国范围内执行统一的补贴标准。' +
        '汽车报废更新：报废本人名下乘用车，购买列入《减免车辆购置税的新能源汽车车型目录》的新能源车，按售价 12% 补贴，最高 2 万元；购买 2.0 升及以下排量燃油车，按 10% 补贴，最高 1.5 万元。' +
        '汽车置换更新：转让本人名下乘用车并购买新车，新能源车按 8% 补贴，最高 1.5 万元；燃油车按 6% 补贴，最高 1.3 万元。' +
        '家电：冰箱、洗衣机、电视、空调、电脑、热水器 6 类，一级能效或水效产品按售价 15% 补贴，每人每类 1 件，每件最高 1500 元。' +
        '数码和智能产品（购新）：手机、平板、智能手表手环、智能眼镜，单件售价不超过 6000 元，按 15% 补贴，每人每类 1 件，每件最高 500 元。' +
        '智能家居产品（含适老化家居产品）由各地确定品类和标准。严厉打击骗补套补和“先涨后补”。',
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
        'computer',
        'water-heater',
      ]),
      rates: {
        byGrade: { '1': figure2026('家电一级能效（水效）补贴比例', 15) },
        otherGrades: null,
      },
      capFen: figure2026('家电每件补贴上限', 1_500_00),
      perPersonLimit: figure2026('家电每人每类限购件数', { perCategory: 1, byCategory: {} }),
    },
    digital: {
      effective: sourcedPeriod(YEAR_2026, NATIONAL_2026),
      categories: figure2026('数码和智能产品补贴品类（4 类）', ['phone', 'tablet', 'smartwatch', 'smart-glasses']),
      priceLimitFen: figure2026('数码产品单件售价上限（含）', 6_000_00),
      ratePercent: figure2026('数码产品补贴比例', 15),
      capFen: figure2026('数码产品每件补贴上限', 500_00),
      perPersonLimit: figure2026('数码产品每人每类限购件数', { perCategory: 1 }),
    },
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
      fuelMaxDisplacementL: figure2026('报废更新燃油新车排量上限（升，含）', 2.0),
      oldCarRegisteredOnOrBefore: null,
      oldCarOwnedOnOrBefore: null,
      exclusiveWithReplace: datedFigure(
        '同一辆车不得同时享受报废更新和置换更新',
        true,
        carriedFrom2025('商办消费函〔2025〕8号'),
        YEAR_2026,
      ),
      nevOnTaxExemptionCatalogue: figure2026('新能源新车须列入《减免车辆购置税的新能源汽车车型目录》', true),
      pointsToCheck: [
        pointToCheck(
          '报废旧车的注册登记日期',
          '2025 年要求报废的汽油车在 2012-06-30 前、柴油及其他燃料车在 2014-06-30 前、新能源车在 2018-12-31 前（均含）注册登记；2026 年的要求待官方确认',
        ),
        OWNERSHIP_CHECK,
      ],
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
      oldCarOwnedOnOrBefore: null,
      perPersonPerYear: datedFigure('置换更新每人每年限次', 1, carriedFrom2025('商办消费函〔2025〕8号：每人每年 1 次'), YEAR_2026),
      nevOnTaxExemptionCatalogue: figure2026('新能源新车须列入《减免车辆购置税的新能源汽车车型目录》', true),
      pointsToCheck: [OWNERSHIP_CHECK, pointToCheck('燃油新车排量', '报道称燃油新车须为 2.0 升及以下排量，请购车前核对')],
    },
    furniture: null,
    ebike: null,
    renovation: null,
  },
  unpublished: {
    furniture: unpublished('2026 年家居换新补贴的规则尚未公布：国家通知的报道未提及家居，衢州是否继续、比例和上限多少，待官方确认'),
    ebike: unpublished('2026 年电动自行车以旧换新补贴的规则尚未公布：国家通知的报道未提及，衢州是否继续、金额多少，待官方确认'),
    renovation: unpublished(
      '2026 年家装补贴的规则尚未公布：国家通知支持智能家居产品（含适老化家居产品）换新，品类和标准由各地确定，衢州的标准尚未公布；旧房装修、厨卫改造等是否继续，待官方确认',
    ),
  },
  guides: {
    appliance: {
      channel: { text: '2026 年领取补贴资格的渠道尚未公布', ...CHANNEL_UNKNOWN },
      steps: [
        assumed('领取补贴资格（按品类）', '沿用 2025 年做法，2026 年流程尚未公布'),
        {
          text: '选购一级能效（水效）的冰箱、洗衣机、电视、空调、电脑或热水器',
          status: 'provisional',
          source: NATIONAL_2026.source,
        },
        assumed('付款时补贴立减', '沿用 2025 年做法，2026 年流程尚未公布'),
      ],
      materials: [
        assumed('本人实名认证的手机和支付账户', '沿用 2025 年做法'),
        { text: '产品上的中国能效标识或水效标识（一级）', status: 'provisional', source: NATIONAL_2026.source },
      ],
      notes: [{ text: '每人每类限 1 件', status: 'provisional', source: NATIONAL_2026.source }],
    },
    digital: {
      channel: { text: '2026 年领取补贴资格的渠道尚未公布', ...CHANNEL_UNKNOWN },
      steps: [
        assumed('实名领取数码产品补贴资格', '沿用 2025 年做法，2026 年流程尚未公布'),
        {
          text: '选购单件售价不超过 6000 元的手机、平板、智能手表（手环）或智能眼镜',
          status: 'provisional',
          source: NATIONAL_2026.source,
        },
        assumed('付款时补贴立减', '沿用 2025 年做法，2026 年流程尚未公布'),
      ],
      materials: [assumed('本人实名认证的手机和支付账户', '沿用 2025 年做法')],
      notes: [{ text: '购新即可，不需要交旧；每人每类限 1 件', status: 'provisional', source: NATIONAL_2026.source }],
    },
    'car-scrap': {
      channel: {
        text: '全国汽车流通信息管理系统（网站）或“汽车以旧换新”小程序',
        status: 'provisional',
        source: `本应用暂定：沿用 2025 年渠道（${CAR_NOTICE_2025}），2026 年渠道待官方确认`,
      },
      steps: [
        CAR_SCRAP_PRACTICE.handOver,
        CAR_SCRAP_PRACTICE.deregister,
        CAR_SCRAP_PRACTICE.buyNew,
        assumed('在系统或小程序中提交补贴申请', '沿用 2025 年渠道，2026 年渠道待官方确认'),
      ],
      materials: CAR_SCRAP_PRACTICE.materials,
      notes: [
        {
          text: '新能源新车须列入《减免车辆购置税的新能源汽车车型目录》（可在工业和信息化部网站查询）',
          status: 'provisional',
          source: NATIONAL_2026.source,
        },
      ],
    },
    'car-replace': {
      channel: { text: '浙江省置换更新申报渠道尚未公布', ...CHANNEL_UNKNOWN },
      steps: [CAR_REPLACE_PRACTICE.transfer, CAR_REPLACE_PRACTICE.buyNew, { text: '在省级渠道提交申请', ...CHANNEL_UNKNOWN }],
      materials: CAR_REPLACE_PRACTICE.materials,
      notes: [
        {
          text: '新能源新车须列入《减免车辆购置税的新能源汽车车型目录》（可在工业和信息化部网站查询）',
          status: 'provisional',
          source: NATIONAL_2026.source,
        },
      ],
    },
  },
}
