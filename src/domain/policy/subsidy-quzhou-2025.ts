/**
 * Rule set `quzhou-2025`: clause (十四) of 衢政发〔2025〕4号 for purchases from 2025-01-01 to
 * 2025-12-31, completed by the national notices it implements (发改环资〔2025〕13号, 商办消费函〔2025〕8号,
 * 商办消费函〔2025〕29号).
 *
 * What the city and the national notices state is confirmed. What was
 * not found ships as a marked placeholder an operator replaces with an override file:
 * - 置换更新 price tiers (unknown): three tiers, full amount from ¥150,000 — consistent with the
 *   one data point found (a ¥155,800 NEV got the full ¥15,000 in 2024);
 * - e-bike amounts (provisional): ¥500 base + ¥100 for lithium → lead-acid (Beijing 2024 practice);
 * - renovation: rates at the national ceilings (provisional), ¥2,000 per item (unknown);
 * - per-person cumulative caps for furniture and renovation, e-bikes per person (unknown: none).
 */
import { APP_ASSUMPTION } from './resident-source'
import { CITY_DOCUMENT } from './types'
import { getClause } from './clauses'
import { CAR_REPLACE_PRACTICE, CAR_SCRAP_PRACTICE, practice } from './subsidy-guide-practice'
import { datedFigure, sourcedPeriod, type Provenance, type SubsidyRuleSet } from './subsidy-rules'
import { APPLIANCE_CATEGORIES } from './subsidy-vocabulary'

const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' }
/** Digital products are subsidised nationally from 2025-01-20 (发改环资〔2025〕13号). */
const DIGITAL_2025 = { from: '2025-01-20', to: '2025-12-31' }

const CITY_CLAUSE = '十四'
const NATIONAL_NOTICE = '发改环资〔2025〕13号'
const CAR_NOTICE = '商办消费函〔2025〕8号'
const RENOVATION_NOTICE = '家装厨卫焕新通知（2025-01-27）'

const CITY: Provenance = { clause: CITY_CLAUSE, source: CITY_DOCUMENT, status: 'confirmed' }
const NATIONAL: Provenance = {
  clause: NATIONAL_NOTICE,
  source: '国家发展改革委、财政部《关于2025年加力扩围实施大规模设备更新和消费品以旧换新政策的通知》（发改环资〔2025〕13号）',
  status: 'confirmed',
}
const CARS: Provenance = {
  clause: CAR_NOTICE,
  source: '商务部办公厅等《关于做好2025年汽车以旧换新工作的通知》（商办消费函〔2025〕8号）',
  status: 'confirmed',
}
const RENOVATION_CEILING: Provenance = {
  clause: RENOVATION_NOTICE,
  source: '商务部等6部门办公厅《关于做好2025年家装厨卫“焕新”工作的通知》（商办消费函〔2025〕29号，2025-01-27）',
  status: 'provisional',
  note: '国家通知给出的是比例上限；浙江实际执行比例未查到，暂按上限计算',
}

/**
 * A figure the city did not publish and the app chose itself (置换 tiers, per-item and per-person
 * caps, e-bike amounts): sourced as 本应用暂定 with the reason, never to the city's document.
 */
const assumed = (why: string, status: 'provisional' | 'unknown' = 'unknown'): Provenance => ({
  clause: CITY_CLAUSE,
  source: `${APP_ASSUMPTION}：${why}`,
  status,
})
const assumedGuide = (text: string, why: string, status: 'provisional' | 'unknown' = 'provisional') => ({
  text,
  status,
  source: `${APP_ASSUMPTION}：${why}`,
})

const cityFigure = <T>(label: string, value: T, effective = YEAR_2025) => datedFigure(label, value, CITY, effective)
const nationalFigure = <T>(label: string, value: T, effective = YEAR_2025) => datedFigure(label, value, NATIONAL, effective)
const carFigure = <T>(label: string, value: T) => datedFigure(label, value, CARS, YEAR_2025)

const cityClause = getClause('十四')

export const QUZHOU_2025: SubsidyRuleSet = {
  id: 'quzhou-2025',
  title: '衢州 2025 年消费品以旧换新（衢政发〔2025〕4号 第十四条）',
  status: 'confirmed',
  effective: sourcedPeriod(YEAR_2025, CITY),
  documents: {
    [CITY_CLAUSE]: {
      citation: '衢政发〔2025〕4号（十四）',
      title: `${CITY_DOCUMENT}（十四）${cityClause.title}`,
      text: cityClause.text,
      verbatim: true,
    },
    [NATIONAL_NOTICE]: {
      citation: '发改环资〔2025〕13号',
      title: NATIONAL.source,
      text:
        '2025 年国家以旧换新政策（要点）：家电 12 类，一级能效（水效）按售价 20%、二级按 15% 补贴，每件最高 2000 元，每人每类 1 件（空调最多 3 件）；' +
        '手机、平板、智能手表（手环）单件售价不超过 6000 元的按 15% 补贴，每件最高 500 元，每人每类 1 件，自 2025 年 1 月 20 日起实施；' +
        '交售旧电动自行车给合格回收企业并换购符合 GB 17761-2024、有 CCC 认证的新车给予补贴。',
      verbatim: false,
    },
    [CAR_NOTICE]: {
      citation: '商办消费函〔2025〕8号',
      title: CARS.source,
      text:
        '2025 年汽车以旧换新（要点）：报废 2012 年 6 月 30 日前注册登记的汽油乘用车、2014 年 6 月 30 日前注册登记的柴油及其他燃料类型乘用车，' +
        '或 2018 年 12 月 31 日及以前注册登记的新能源乘用车，并购买新能源乘用车的补贴 2 万元、购买 2.0 升及以下排量燃油乘用车的补贴 1.5 万元；' +
        '旧车须于 2025 年 1 月 8 日（含）前登记在本人名下；置换更新每人每年限 1 次；同一辆车不得同时享受报废更新和置换更新补贴。',
      verbatim: false,
    },
    [RENOVATION_NOTICE]: {
      citation: '商办消费函〔2025〕29号',
      title: RENOVATION_CEILING.source,
      text:
        '旧房装修、厨卫等局部改造、居家适老化改造所用物品和材料给予补贴：按产品售价的 15% 以内补贴，一级能效（水效）产品 20% 以内，' +
        '居家适老化改造产品 30% 以内；产品类别包括装修材料、卫生洁具、家具照明、智能家居、居家适老化改造产品。',
      verbatim: false,
    },
  },
  measures: {
    appliance: {
      effective: sourcedPeriod(YEAR_2025, CITY),
      categories: cityFigure('家电补贴品类（12 类）', [...APPLIANCE_CATEGORIES]),
      rates: {
        byGrade: {
          '1': cityFigure('家电一级能效（水效）补贴比例', 20),
          '2': cityFigure('家电二级能效（水效）补贴比例', 15),
        },
        otherGrades: null,
      },
      capFen: cityFigure('家电每件补贴上限', 2_000_00),
      perPersonLimit: nationalFigure('家电每人每类限购件数', { perCategory: 1, byCategory: { 'air-conditioner': 3 } }),
    },
    furniture: {
      effective: sourcedPeriod(YEAR_2025, CITY),
      rates: {
        byGrade: { '1': cityFigure('家居一级及以上能效（水效）补贴比例', 20) },
        otherGrades: cityFigure('普通成品家居补贴比例', 15),
      },
      capFen: cityFigure('家居每件补贴上限', 2_000_00),
      perPersonTotalCapFen: datedFigure(
        '家居每人累计补贴上限',
        null,
        { ...assumed('浙江未公布每人累计上限，暂不设上限'), note: '外省为每人 1 万至 3 万元；运营方可通过覆盖文件补充' },
        YEAR_2025,
      ),
    },
    digital: {
      effective: sourcedPeriod(DIGITAL_2025, NATIONAL),
      categories: cityFigure('数码产品补贴品类', ['phone', 'tablet', 'smartwatch'], DIGITAL_2025),
      priceLimitFen: cityFigure('数码产品单件售价上限（含）', 6_000_00, DIGITAL_2025),
      ratePercent: cityFigure('数码产品补贴比例', 15, DIGITAL_2025),
      capFen: cityFigure('数码产品每件补贴上限', 500_00, DIGITAL_2025),
      perPersonLimit: nationalFigure('数码产品每人每类限购件数', { perCategory: 1 }, DIGITAL_2025),
    },
    'car-scrap': {
      effective: sourcedPeriod(YEAR_2025, CARS),
      amounts: {
        nev: { basis: 'fixed', amountFen: carFigure('报废更新购新能源车补贴', 20_000_00) },
        fuel: { basis: 'fixed', amountFen: carFigure('报废更新购燃油车补贴', 15_000_00) },
      },
      fuelMaxDisplacementL: carFigure('报废更新燃油新车排量上限（升，含）', 2.0),
      oldCarRegisteredOnOrBefore: carFigure('报废旧车注册登记日期（含）', {
        petrol: '2012-06-30',
        diesel: '2014-06-30',
        other: '2014-06-30',
        nev: '2018-12-31',
      }),
      oldCarOwnedOnOrBefore: carFigure('旧车登记在本人名下的日期（含）', '2025-01-08'),
      exclusiveWithReplace: carFigure('同一辆车不得同时享受报废更新和置换更新', true),
    },
    'car-replace': {
      effective: sourcedPeriod(YEAR_2025, CITY),
      amounts: {
        nev: {
          basis: 'tiers',
          tiers: datedFigure(
            '置换更新新能源车按新车价分档补贴',
            [
              { minPriceFen: 0, amountFen: 8_000_00 },
              { minPriceFen: 100_000_00, amountFen: 12_000_00 },
              { minPriceFen: 150_000_00, amountFen: 15_000_00 },
            ],
            {
              ...assumed('浙江 2025 年置换更新分档未公布，暂定三档'),
              note: '唯一查到的实例：2024 年 155,800 元新能源车获全额 15,000 元',
            },
            YEAR_2025,
          ),
          capFen: cityFigure('置换更新新能源车补贴上限', 15_000_00),
        },
        fuel: {
          basis: 'tiers',
          tiers: datedFigure(
            '置换更新燃油车按新车价分档补贴',
            [
              { minPriceFen: 0, amountFen: 6_000_00 },
              { minPriceFen: 100_000_00, amountFen: 10_000_00 },
              { minPriceFen: 150_000_00, amountFen: 13_000_00 },
            ],
            { ...assumed('浙江 2025 年置换更新分档未公布，暂定三档'), note: '与新能源车同样的价格分界' },
            YEAR_2025,
          ),
          capFen: cityFigure('置换更新燃油车补贴上限', 13_000_00),
        },
      },
      oldCarOwnedOnOrBefore: carFigure('旧车登记在本人名下的日期（含）', '2025-01-08'),
      perPersonPerYear: carFigure('置换更新每人每年限次', 1),
    },
    ebike: {
      effective: sourcedPeriod(YEAR_2025, CITY),
      requireRecycling: nationalFigure('旧电动自行车须交售给合格回收企业', true),
      requireCompliantNewBike: nationalFigure('新车须有 CCC 认证并符合 GB 17761-2024', true),
      baseAmountFen: datedFigure(
        '电动自行车以旧换新基础补贴',
        500_00,
        {
          ...assumed('衢州只说“提高补贴力度”，金额未公布；参照北京 2024 年做法（基础 500 元，全国平均约 600 元）', 'provisional'),
        },
        YEAR_2025,
      ),
      extras: [
        datedFigure(
          '锂电池车换铅酸电池车',
          { oldBatteryType: 'lithium', newBatteryType: 'lead-acid', amountFen: 100_00 },
          assumed('衢州金额未公布；参照北京 2024 年做法（锂电换铅酸另补 100 元）', 'provisional'),
          YEAR_2025,
        ),
      ],
      perPersonLimit: datedFigure('电动自行车每人限购台数', null, assumed('每人限购台数未公布，暂不设限'), YEAR_2025),
    },
    renovation: {
      effective: sourcedPeriod(YEAR_2025, CITY),
      kinds: {
        'decoration-material': renovationKind('装修材料'),
        'sanitary-ware': renovationKind('卫生洁具'),
        'furniture-lighting': renovationKind('家具照明'),
        'smart-home': renovationKind('智能家居'),
        'elderly-adaptation': {
          rates: {
            byGrade: {},
            otherGrades: datedFigure('居家适老化改造产品补贴比例（国家上限）', 30, RENOVATION_CEILING, YEAR_2025),
          },
          capFen: renovationCap('居家适老化改造产品'),
        },
      },
      perPersonTotalCapFen: datedFigure('家装每人累计补贴上限', null, assumed('浙江未公布家装每人累计上限，暂不设上限'), YEAR_2025),
    },
  },
  guides: {
    appliance: {
      channel: {
        text: '线下门店：云闪付 App “浙江家电以旧换新”小程序；线上：淘宝、支付宝等平台的以旧换新专区',
        status: 'provisional',
        source: `${APP_ASSUMPTION}：沿用 2024 年浙江渠道，2025 年渠道未公布`,
      },
      steps: [
        { text: '在渠道中实名领取补贴资格（按品类领取）', status: 'confirmed', source: NATIONAL.source },
        { text: '在参与活动的门店或平台选购一级或二级能效（水效）产品', status: 'confirmed', source: CITY_DOCUMENT },
        { text: '付款时使用补贴资格，补贴直接立减', status: 'confirmed', source: NATIONAL.source },
        assumedGuide('资格有有效期（可能只有几天），过期未用需重新领取', '资格有效天数未公布', 'unknown'),
      ],
      materials: [
        assumedGuide('本人实名认证的手机和支付账户', '沿用 2024 年浙江做法'),
        { text: '产品上的中国能效标识（或水效标识），一级或二级', status: 'confirmed', source: CITY_DOCUMENT },
        assumedGuide('开具给本人的发票', '沿用 2024 年浙江做法'),
      ],
      notes: [{ text: '每人每类限 1 件，空调最多 3 件', status: 'confirmed', source: NATIONAL.source }],
    },
    furniture: {
      channel: {
        text: '参与活动的家居门店及线上平台（同家电的以旧换新专区）',
        status: 'provisional',
        source: `${APP_ASSUMPTION}：按 2024 年浙江家电渠道推定，家居渠道未公布`,
      },
      steps: [
        assumedGuide('领取家居换新补贴资格', '按家电做法推定'),
        { text: '选购床、桌椅等普通成品家居', status: 'confirmed', source: CITY_DOCUMENT },
        assumedGuide('付款时补贴立减', '按家电做法推定'),
      ],
      materials: [
        assumedGuide('本人实名认证的手机和支付账户', '按家电做法推定'),
        { text: '一级能效（水效）家居请保留标识，可按 20% 补贴', status: 'confirmed', source: CITY_DOCUMENT },
      ],
      notes: [],
    },
    digital: {
      channel: {
        text: '参与活动的门店及线上平台（云闪付、支付宝等领取资格）',
        status: 'provisional',
        source: `${APP_ASSUMPTION}：按全国通行做法，衢州渠道未公布`,
      },
      steps: [
        practice('实名领取数码产品补贴资格'),
        { text: '选购单件售价不超过 6000 元的手机、平板或智能手表（手环）', status: 'confirmed', source: CITY_DOCUMENT },
        practice('付款时补贴立减'),
      ],
      materials: [practice('本人实名认证的手机和支付账户')],
      notes: [{ text: '每人每类限 1 件', status: 'confirmed', source: NATIONAL.source }],
    },
    'car-scrap': {
      channel: {
        text: '全国汽车流通信息管理系统（网站）或“汽车以旧换新”小程序',
        status: 'confirmed',
        source: CARS.source,
      },
      steps: [
        CAR_SCRAP_PRACTICE.handOver,
        CAR_SCRAP_PRACTICE.deregister,
        CAR_SCRAP_PRACTICE.buyNew,
        { text: '在系统或小程序中提交补贴申请，等待审核发放', status: 'confirmed', source: CARS.source },
      ],
      materials: CAR_SCRAP_PRACTICE.materials,
      notes: [{ text: '同一辆车不能同时申请报废更新和置换更新', status: 'confirmed', source: CARS.source }],
    },
    'car-replace': {
      channel: assumedGuide('浙江省置换更新申报渠道（待官方公布）', '浙江省级渠道未公布', 'unknown'),
      steps: [
        CAR_REPLACE_PRACTICE.transfer,
        CAR_REPLACE_PRACTICE.buyNew,
        assumedGuide('在省级渠道提交申请，等待审核发放', '浙江省级渠道未公布', 'unknown'),
      ],
      materials: CAR_REPLACE_PRACTICE.materials,
      notes: [{ text: '旧车须在 2025-01-08（含）前登记在本人名下；每人每年限 1 次', status: 'confirmed', source: CARS.source }],
    },
    ebike: {
      channel: assumedGuide('参与以旧换新活动的电动自行车销售门店', '按全国通行做法，衢州门店名单未公布'),
      steps: [
        { text: '把旧电动自行车交给合格回收企业（或门店代收），取得回收凭证', status: 'confirmed', source: NATIONAL.source },
        { text: '购买有 CCC 认证、符合 GB 17761-2024 的新车', status: 'confirmed', source: NATIONAL.source },
        practice('在门店核验后立减或按通知申领补贴'),
      ],
      materials: [practice('本人身份证'), practice('旧车回收凭证'), practice('新车发票和产品合格证')],
      notes: [],
    },
    renovation: {
      channel: assumedGuide('参与活动的家装企业和门店（名单待公布）', '衢州家装补贴渠道未公布', 'unknown'),
      steps: [
        { text: '选购装修材料、卫生洁具、家具照明、智能家居或居家适老化改造产品', status: 'confirmed', source: RENOVATION_CEILING.source },
        { text: '按简化后的程序申领补贴（衢州承诺简化优化申领程序）', status: 'confirmed', source: CITY_DOCUMENT },
      ],
      materials: [
        practice('本人身份证'),
        practice('购买发票；一级能效（水效）产品保留标识'),
        assumedGuide('施工合同或改造前后照片（如要求）', '衢州的材料要求未公布', 'unknown'),
      ],
      notes: [],
    },
  },
}

function renovationCap(kindLabel: string) {
  return datedFigure(`${kindLabel}每件补贴上限`, 2_000_00, assumed('浙江未公布家装每件上限，暂按家电、家居的每件 2000 元'), YEAR_2025)
}

function renovationKind(kindLabel: string) {
  return {
    rates: {
      byGrade: { '1': datedFigure(`${kindLabel}一级能效（水效）补贴比例（国家上限）`, 20, RENOVATION_CEILING, YEAR_2025) },
      otherGrades: datedFigure(`${kindLabel}补贴比例（国家上限）`, 15, RENOVATION_CEILING, YEAR_2025),
    },
    capFen: renovationCap(kindLabel),
  }
}
