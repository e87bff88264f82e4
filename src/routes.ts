/**
 * The one route registry. app.config.ts derives `pages`, `tabBar`, `subPackages` and
 * `preloadRule` from it, and src/services/navigation builds typed links from it, so a page
 * exists in exactly one place. Tab pages live in the main package (a WeChat rule); every other
 * page belongs to its feature's subpackage.
 *
 * Adding a page: add it to its feature's `pages` below and create
 * src/<root>/<path>.tsx + .config.ts. Keys are what code navigates by.
 *
 * Every page says whether it can be forwarded (`share`, WECHAT.md "Calendar, share, scan"):
 * - 'friends+timeline': public and works without signing in, so it can go to a chat and to 朋友圈
 *   (opened there in 单页模式: no login, no tab bar);
 * - 'friends': public but needs more than 单页模式 gives (none today; kept for such a page);
 * - 'none': personal — 我的券包, a voucher's code, the merchant desk, 我的提醒, 我的数据, the basket,
 *   feedback, 我的. Never shareable; and no reward is ever tied to sharing (诱导分享 is banned).
 * The page's .config.ts takes its switches from `shareConfig(key)`, the page calls the hooks, and
 * `check:weapp` checks the built pages against this registry (scripts/lib/weapp-release.cjs).
 */

export type ShareReach = 'none' | 'friends' | 'friends+timeline'

export interface TabRoute {
  key: TabKey
  path: string
  text: string
  icon: string
  share: ShareReach
}

export interface SubpackagePage {
  key: string
  /** Path inside the subpackage root, without extension. */
  path: string
  title: string
  share: ShareReach
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
  { key: 'home', path: 'pages/home/index', text: '首页', icon: 'home', share: 'friends+timeline' },
  { key: 'subsidy', path: 'pages/subsidy/index', text: '补贴', icon: 'subsidy', share: 'friends+timeline' },
  { key: 'vouchers', path: 'pages/vouchers/index', text: '消费券', icon: 'vouchers', share: 'friends+timeline' },
  { key: 'events', path: 'pages/events/index', text: '活动', icon: 'events', share: 'friends+timeline' },
  { key: 'mine', path: 'pages/mine/index', text: '我的', icon: 'mine', share: 'none' },
]

export const SUBPACKAGES: readonly Subpackage[] = [
  {
    root: 'packages/policy',
    name: 'policy',
    pages: [{ key: 'policy-clause', path: 'pages/clause/index', title: '政策原文', share: 'friends+timeline' }],
    preloadFrom: ['home'],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/etc',
    name: 'etc',
    pages: [
      { key: 'etc-car', path: 'pages/car/index', title: '我的车', share: 'friends+timeline' },
      { key: 'etc-trip', path: 'pages/trip/index', title: '行程查询', share: 'friends+timeline' },
      { key: 'etc-trips', path: 'pages/trips/index', title: '我的行程', share: 'none' },
      { key: 'etc-stations', path: 'pages/stations/index', title: '站点一览', share: 'friends+timeline' },
    ],
    preloadFrom: ['home', 'mine'],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/vouchers',
    name: 'vouchers',
    pages: [
      // One batch on its own page: what a shared batch opens (its rounds, rule and 领取).
      { key: 'vouchers-batch', path: 'pages/batch/index', title: '消费券', share: 'friends+timeline' },
      { key: 'vouchers-wallet', path: 'pages/wallet/index', title: '我的券包', share: 'none' },
      { key: 'vouchers-detail', path: 'pages/detail/index', title: '券详情', share: 'none' },
      { key: 'vouchers-best', path: 'pages/best/index', title: '用哪张最划算', share: 'none' },
      { key: 'vouchers-merchants', path: 'pages/merchants/index', title: '适用商户', share: 'friends+timeline' },
      { key: 'vouchers-merchant-desk', path: 'pages/merchant-desk/index', title: '商户核销', share: 'none' },
    ],
    preloadFrom: ['vouchers'],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/events',
    name: 'events',
    pages: [
      { key: 'event-detail', path: 'pages/detail/index', title: '活动详情', share: 'friends+timeline' },
      { key: 'event-progress', path: 'pages/progress/index', title: '活动目标进度', share: 'friends+timeline' },
    ],
    preloadFrom: ['events'],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/reminders',
    name: 'reminders',
    pages: [{ key: 'my-reminders', path: 'pages/list/index', title: '我的提醒', share: 'none' }],
    preloadFrom: ['mine'],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/subsidy',
    name: 'subsidy',
    pages: [
      { key: 'subsidy-appliance', path: 'pages/appliance/index', title: '家电补贴计算', share: 'friends+timeline' },
      { key: 'subsidy-furniture', path: 'pages/furniture/index', title: '家居补贴计算', share: 'friends+timeline' },
      { key: 'subsidy-digital', path: 'pages/digital/index', title: '数码产品补贴计算', share: 'friends+timeline' },
      { key: 'subsidy-car', path: 'pages/car/index', title: '汽车以旧换新', share: 'friends+timeline' },
      { key: 'subsidy-ebike', path: 'pages/ebike/index', title: '电动自行车补贴计算', share: 'friends+timeline' },
      { key: 'subsidy-renovation', path: 'pages/renovation/index', title: '家装补贴计算', share: 'friends+timeline' },
      { key: 'subsidy-basket', path: 'pages/basket/index', title: '购物清单', share: 'none' },
      { key: 'subsidy-guide', path: 'pages/guide/index', title: '怎么申请', share: 'friends+timeline' },
    ],
    preloadFrom: ['subsidy'],
    preloadNetwork: 'all',
  },
  {
    // 隐私政策, 用户协议, 关于 and 意见反馈: reached from 我的 on both builds (WECHAT.md, release checklist).
    root: 'packages/info',
    name: 'info',
    pages: [
      { key: 'info-privacy', path: 'pages/privacy/index', title: '隐私政策', share: 'friends+timeline' },
      { key: 'info-terms', path: 'pages/terms/index', title: '用户协议', share: 'friends+timeline' },
      { key: 'info-about', path: 'pages/about/index', title: '关于衢惠通', share: 'friends+timeline' },
      { key: 'info-feedback', path: 'pages/feedback/index', title: '意见反馈', share: 'none' },
    ],
    preloadFrom: [],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/account',
    name: 'account',
    pages: [{ key: 'my-data', path: 'pages/my-data/index', title: '我的数据与注销', share: 'none' }],
    preloadFrom: [],
    preloadNetwork: 'all',
  },
  {
    root: 'packages/search',
    name: 'search',
    pages: [{ key: 'search', path: 'pages/search/index', title: '搜索', share: 'friends+timeline' }],
    preloadFrom: ['home'],
    preloadNetwork: 'all',
  },
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

/** How far a page can be forwarded (see the top of this file). */
export function shareReachOf(key: string): ShareReach {
  const tab = TAB_ROUTES.find((route) => route.key === key)
  if (tab) return tab.share
  for (const pkg of SUBPACKAGES) {
    const page = pkg.pages.find((item) => item.key === key)
    if (page) return page.share
  }
  throw new Error(`Unknown route key: ${key}`)
}

/**
 * The switches a page's .config.ts spreads in: Taro registers onShareAppMessage/onShareTimeline
 * only for a page whose config turns them on, and WeChat greys out 转发 / 分享到朋友圈 otherwise.
 */
export function shareConfig(key: string): { enableShareAppMessage?: true; enableShareTimeline?: true } {
  const reach = shareReachOf(key)
  if (reach === 'none') return {}
  return reach === 'friends+timeline' ? { enableShareAppMessage: true, enableShareTimeline: true } : { enableShareAppMessage: true }
}

/** Every page with its app.json path and share reach, for check:weapp and tests. */
export function pageShareTable(): { key: string; page: string; share: ShareReach }[] {
  return [
    ...TAB_ROUTES.map((route) => ({ key: route.key, page: route.path, share: route.share })),
    ...SUBPACKAGES.flatMap((pkg) => pkg.pages.map((page) => ({ key: page.key, page: `${pkg.root}/${page.path}`, share: page.share }))),
  ]
}

export const BRAND_COLOR = '#b4232a'
export const TAB_TEXT_COLOR = '#595959'
