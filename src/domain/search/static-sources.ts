/**
 * What the app can find without the network: the measures and calculators of clause (十四), the
 * consumer clauses, the 衢城畅行 toll stations and the app's main pages. Titles come from the
 * vocabulary the screens already use, so a renamed category is renamed here too; their pinyin is
 * added by static-items.ts from the generated static-keys.ts (stations carry their own).
 *
 * Route keys are keys of src/routes.ts (the domain cannot import it; src/packages/search checks
 * every key against the registry in its tests).
 */
import { POLICY_CLAUSES } from '../policy/clauses'
import {
  APPLIANCE_CATEGORIES,
  APPLIANCE_CATEGORY_LABEL,
  DIGITAL_CATEGORIES,
  DIGITAL_CATEGORY_LABEL,
  MEASURE_LABEL,
  NEW_CAR_ENERGIES,
  NEW_CAR_ENERGY_LABEL,
  RENOVATION_KIND_LABEL,
  RENOVATION_KINDS,
  SUBSIDY_MEASURES,
  type SubsidyMeasure,
} from '../policy/subsidy-vocabulary'
import { BUNDLED_TOLL_STATIONS, type TollStation } from '../policy/toll-stations'
import { isProvisional } from '../policy/types'
import type { SchemePeriodStatus } from '../etc/scheme-period'
import type { SearchItem } from './search'

/** A bundled item before its pinyin is attached. */
export type StaticSearchSource = Omit<SearchItem, 'pinyin' | 'initials'>

const TRADE_IN = '以旧换新'

function measureItems(): StaticSearchSource[] {
  return SUBSIDY_MEASURES.map((measure) => ({
    kind: 'measure',
    id: measure,
    title: MEASURE_LABEL[measure],
    subtitle: `${TRADE_IN}补贴：怎么申请`,
    keywords: [TRADE_IN, '补贴', '申请'],
    route: { key: 'subsidy-guide', params: { measure } },
  }))
}

interface CalculatorPage {
  id: string
  title: string
  subtitle: string
  /** A key of src/routes.ts. */
  routeKey: string
  /** The measures it calculates (both car measures share one page). */
  measures: readonly SubsidyMeasure[]
  keywords: string[]
}

const CALCULATOR_PAGES: readonly CalculatorPage[] = [
  {
    id: 'appliance',
    title: '家电补贴计算',
    // No count here: 2025 names 12 categories (clause 十四), the provisional 2026 set 6; the calculator follows the data in force.
    subtitle: '冰箱、空调、洗衣机等家电能补多少',
    routeKey: 'subsidy-appliance',
    measures: ['appliance'],
    keywords: ['家用电器', TRADE_IN],
  },
  // Clause (十四): "增加普通成品家居(床、桌椅等)品类".
  {
    id: 'furniture',
    title: '家居补贴计算',
    subtitle: '家具家居能补多少',
    routeKey: 'subsidy-furniture',
    measures: ['furniture'],
    keywords: ['家具', '床', '桌椅', '沙发', TRADE_IN],
  },
  {
    id: 'digital',
    title: '数码产品补贴计算',
    subtitle: '手机、平板、智能手表能补多少',
    routeKey: 'subsidy-digital',
    measures: ['digital'],
    keywords: ['数码', TRADE_IN],
  },
  {
    id: 'car',
    title: '汽车以旧换新',
    subtitle: '报废更新、置换更新能补多少',
    routeKey: 'subsidy-car',
    measures: ['car-scrap', 'car-replace'],
    keywords: ['汽车报废更新', '汽车置换更新', '买车', '换车'],
  },
  {
    id: 'ebike',
    title: '电动自行车补贴计算',
    subtitle: '电动自行车换新能补多少',
    routeKey: 'subsidy-ebike',
    measures: ['ebike'],
    keywords: ['电动车', '电瓶车', TRADE_IN],
  },
  {
    id: 'renovation',
    title: '家装补贴计算',
    subtitle: '旧房装修、厨卫改造、适老化改造',
    routeKey: 'subsidy-renovation',
    measures: ['renovation'],
    keywords: ['旧房装修', '厨卫改造', '适老化改造', '装修'],
  },
]

function calculatorPage(measure: SubsidyMeasure): CalculatorPage {
  const page = CALCULATOR_PAGES.find((candidate) => candidate.measures.includes(measure))
  if (!page) throw new Error(`no calculator page for ${measure}`)
  return page
}

/** Other words for a category, as people say them in shops. */
const CATEGORY_KEYWORDS: Partial<Record<string, string[]>> = {
  refrigerator: ['冰柜'],
  television: ['电视机'],
  'air-conditioner': ['空调机', '挂机', '柜机'],
  computer: ['笔记本', '台式机'],
  stove: ['燃气灶'],
  'range-hood': ['油烟机'],
  tablet: ['平板电脑'],
  smartwatch: ['手环'],
}

function calculatorItems(): StaticSearchSource[] {
  const pages: StaticSearchSource[] = CALCULATOR_PAGES.map((page) => ({
    kind: 'calculator',
    id: page.id,
    title: page.title,
    subtitle: page.subtitle,
    keywords: page.keywords,
    route: { key: page.routeKey },
  }))
  const category = (id: string, title: string, measure: SubsidyMeasure, param: string): StaticSearchSource => ({
    kind: 'calculator',
    id,
    title,
    subtitle: calculatorPage(measure).title,
    keywords: CATEGORY_KEYWORDS[id] ?? [],
    route: { key: calculatorPage(measure).routeKey, params: { [param]: id } },
  })
  return [
    ...pages,
    ...APPLIANCE_CATEGORIES.map((id) => category(id, APPLIANCE_CATEGORY_LABEL[id], 'appliance', 'category')),
    ...DIGITAL_CATEGORIES.map((id) => category(id, DIGITAL_CATEGORY_LABEL[id], 'digital', 'category')),
    ...RENOVATION_KINDS.map((id) => category(id, RENOVATION_KIND_LABEL[id], 'renovation', 'kind')),
    ...NEW_CAR_ENERGIES.map((id) => category(`car-${id}`, NEW_CAR_ENERGY_LABEL[id], 'car-replace', 'energy')),
  ]
}

function clauseItems(): StaticSearchSource[] {
  return POLICY_CLAUSES.map((clause) => ({
    kind: 'clause',
    id: clause.id,
    title: clause.title,
    subtitle: `政策原文${clause.label}`,
    keywords: [clause.label, ...clause.headlines.map((headline) => headline.label)],
    route: { key: 'policy-clause', params: { id: clause.id } },
  }))
}

/**
 * `period`: whether 衢城畅行 is known to run today. After the last known period a result must not
 * read as "free here": it says whether the scheme continues is 待官方确认.
 */
export function stationItem(station: TollStation, period?: SchemePeriodStatus): SearchItem {
  // The bundled 13 are provisional (clause 二十六 names no stations); an operator's list may be confirmed.
  const doubts = [
    ...(isProvisional(station.status) ? ['本应用暂定'] : []),
    ...(period?.state === 'after-period' ? [`${period.period.to} 后是否延续待官方确认`] : []),
  ]
  const scheme = station.inScheme ? ` · 衢城畅行站点${doubts.length > 0 ? `（${doubts.join('；')}）` : ''}` : ''
  return {
    kind: 'station',
    id: station.id,
    title: station.name,
    subtitle: `${station.county.name} · ${station.highway.code} ${station.highway.name}${scheme}`,
    keywords: [`${station.name}收费站`, station.county.name, station.highway.name],
    pinyin: station.pinyin,
    initials: station.pinyinInitials,
    route: { key: 'etc-stations', params: { station: station.id } },
  }
}

function page(id: string, title: string, key: string, extra: Pick<StaticSearchSource, 'subtitle' | 'keywords'> = {}): StaticSearchSource {
  return { kind: 'page', id, title, ...extra, route: { key } }
}

/** The main pages, by what a resident would call them; several words may lead to one page. */
const PAGES: readonly StaticSearchSource[] = [
  page('home', '首页', 'home', { keywords: ['主页'] }),
  page('subsidy', `${TRADE_IN}补贴`, 'subsidy', { subtitle: '各项补贴一览', keywords: ['补贴', '国补'] }),
  page('vouchers', '消费券', 'vouchers', { keywords: ['领券', '优惠券'] }),
  page('events', '活动日历', 'events', { keywords: ['活动', '市集', '赛事', '演出', '音乐节'] }),
  page('mine', '我的', 'mine', { keywords: ['设置'] }),
  page('elder-mode', '长辈模式', 'mine', { subtitle: '字更大、按钮更大：在“我的”里打开', keywords: ['大字', '老年'] }),
  page('policy', '政策原文', 'policy-clause', { keywords: ['衢政发', '条款'] }),
  page('etc-car', 'ETC 免费查询', 'etc-car', { subtitle: '衢城畅行：我的车能不能免费', keywords: ['衢城畅行', '高速免费', '我的车'] }),
  page('etc-trip', '行程查询', 'etc-trip', { subtitle: '衢城畅行：这趟高速免不免费', keywords: ['高速', '通行费'] }),
  page('etc-trips', '我的行程', 'etc-trips', { subtitle: '衢城畅行：记下的行程和省下的钱' }),
  page('etc-stations', '站点一览', 'etc-stations', { subtitle: '衢城畅行：全部高速收费站', keywords: ['收费站'] }),
  page('my-reminders', '我的提醒', 'my-reminders', { keywords: ['提醒', '订阅'] }),
  page('vouchers-wallet', '我的券包', 'vouchers-wallet', { keywords: ['券包', '我的券'] }),
  page('vouchers-best', '用哪张最划算', 'vouchers-best', { keywords: ['用券', '怎么用券'] }),
  page('vouchers-merchants', '适用商户', 'vouchers-merchants', { keywords: ['商户', '商家', '哪里能用'] }),
  page('subsidy-basket', '购物清单', 'subsidy-basket', { subtitle: '几件一起算补贴', keywords: ['清单'] }),
  page('subsidy-guide', '怎么申请', 'subsidy-guide', { subtitle: `${TRADE_IN}补贴的申请渠道和材料`, keywords: ['申请', '申领', '材料'] }),
]

/** Every bundled item except stations, in the order results tie. */
export function staticSearchSources(): StaticSearchSource[] {
  return [...measureItems(), ...calculatorItems(), ...clauseItems(), ...PAGES]
}

export function bundledStationItems(stations: readonly TollStation[] = BUNDLED_TOLL_STATIONS, period?: SchemePeriodStatus): SearchItem[] {
  return stations.map((station) => stationItem(station, period))
}

/** The titles static-keys.ts must hold, sorted and without repeats. */
export function staticSearchTitles(): string[] {
  return [...new Set(staticSearchSources().map((source) => source.title))].sort()
}
