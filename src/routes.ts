/**
 * The one route registry. app.config.ts derives `pages`, `tabBar`, `subPackages` and
 * `preloadRule` from it, and src/services/navigation builds typed links from it, so a page
 * exists in exactly one place. Tab pages live in the main package (a WeChat rule); every other
 * page belongs to its feature's subpackage.
 *
 * Adding a page: add it to its feature's `pages` below and create
 * src/<root>/<path>.tsx + .config.ts. Keys are what code navigates by.
 */

export interface TabRoute {
  key: TabKey
  path: string
  text: string
  icon: string
}

export interface SubpackagePage {
  key: string
  /** Path inside the subpackage root, without extension. */
  path: string
  title: string
}

export interface Subpackage {
  /** Folder under src/, e.g. 'packages/policy'. */
  root: string
  name: string
  pages: readonly SubpackagePage[]
  /** Tab pages that preload this subpackage (shared 2 MB preload quota). */
  preloadFrom: readonly TabKey[]
  /** 'wifi' for bulky features, 'all' for what a resident opens next most of the time. */
  preloadNetwork: 'all' | 'wifi'
}

export type TabKey = 'home' | 'subsidy' | 'vouchers' | 'events' | 'mine'

export const TAB_ROUTES: readonly TabRoute[] = [
  { key: 'home', path: 'pages/home/index', text: '首页', icon: 'home' },
  { key: 'subsidy', path: 'pages/subsidy/index', text: '补贴', icon: 'subsidy' },
  { key: 'vouchers', path: 'pages/vouchers/index', text: '消费券', icon: 'vouchers' },
  { key: 'events', path: 'pages/events/index', text: '活动', icon: 'events' },
  { key: 'mine', path: 'pages/mine/index', text: '我的', icon: 'mine' },
]

/**
 * A feature's subpackage: root `packages/<name>`, its pages by key as [folder under pages/, title]
 * (the page is pages/<folder>/index), preloaded from the given tabs on any network.
 */
function subpackage(
  name: string,
  preloadFrom: readonly TabKey[],
  pages: Record<string, readonly [folder: string, title: string]>,
): Subpackage {
  return {
    root: `packages/${name}`,
    name,
    pages: Object.entries(pages).map(([key, [folder, title]]) => ({ key, path: `pages/${folder}/index`, title })),
    preloadFrom,
    preloadNetwork: 'all',
  }
}

export const SUBPACKAGES: readonly Subpackage[] = [
  subpackage('policy', ['home'], {
    'policy-clause': ['clause', '政策原文'],
  }),
  subpackage('etc', ['home', 'mine'], {
    'etc-car': ['car', '我的车'],
    'etc-trip': ['trip', '行程查询'],
    'etc-trips': ['trips', '我的行程'],
    'etc-stations': ['stations', '站点一览'],
  }),
  subpackage('vouchers', ['vouchers'], {
    'vouchers-wallet': ['wallet', '我的券包'],
    'vouchers-detail': ['detail', '券详情'],
    'vouchers-best': ['best', '用哪张最划算'],
    'vouchers-merchants': ['merchants', '适用商户'],
    'vouchers-merchant-desk': ['merchant-desk', '商户核销'],
  }),
  subpackage('events', ['events'], {
    'event-detail': ['detail', '活动详情'],
    'event-progress': ['progress', '活动目标进度'],
  }),
  subpackage('reminders', ['mine'], {
    'my-reminders': ['list', '我的提醒'],
  }),
  subpackage('subsidy', ['subsidy'], {
    'subsidy-appliance': ['appliance', '家电补贴计算'],
    'subsidy-furniture': ['furniture', '家居补贴计算'],
    'subsidy-digital': ['digital', '数码产品补贴计算'],
    'subsidy-car': ['car', '汽车以旧换新'],
    'subsidy-ebike': ['ebike', '电动自行车补贴计算'],
    'subsidy-renovation': ['renovation', '家装补贴计算'],
    'subsidy-basket': ['basket', '购物清单'],
    'subsidy-guide': ['guide', '怎么申请'],
  }),
  // 隐私政策, 用户协议, 关于 and 意见反馈: reached from 我的 on both builds (WECHAT.md, release checklist).
  subpackage('info', [], {
    'info-privacy': ['privacy', '隐私政策'],
    'info-terms': ['terms', '用户协议'],
    'info-about': ['about', '关于衢惠通'],
    'info-feedback': ['feedback', '意见反馈'],
  }),
  subpackage('account', [], {
    'my-data': ['my-data', '我的数据与注销'],
  }),
  subpackage('search', ['home'], {
    search: ['search', '搜索'],
  }),
]

export type RouteKey = TabKey | (typeof SUBPACKAGES)[number]['pages'][number]['key']

export interface ResolvedRoute {
  key: string
  /** Absolute page URL, e.g. '/packages/policy/pages/clause/index'. */
  url: string
  isTab: boolean
}

export function resolveRoute(key: string): ResolvedRoute {
  const tab = TAB_ROUTES.find((route) => route.key === key)
  if (tab) return { key, url: `/${tab.path}`, isTab: true }
  for (const pkg of SUBPACKAGES) {
    const page = pkg.pages.find((item) => item.key === key)
    if (page) return { key, url: `/${pkg.root}/${page.path}`, isTab: false }
  }
  throw new Error(`Unknown route key: ${key}`)
}

export const BRAND_COLOR = '#b4232a'
export const TAB_TEXT_COLOR = '#595959'
