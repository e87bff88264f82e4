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

/**
 * A feature's subpackage: root `packages/<name>`, its pages by key as [folder under pages/, title,
 * share] (the page is pages/<folder>/index), preloaded from the given tabs on any network.
 */
function subpackage(
  name: string,
  preloadFrom: readonly TabKey[],
  pages: Record<string, readonly [folder: string, title: string, share: ShareReach]>,
): Subpackage {
  return {
    root: `packages/${name}`,
    name,
    pages: Object.entries(pages).map(([key, [folder, title, share]]) => ({ key, path: `pages/${folder}/index`, title, share })),
    preloadFrom,
    preloadNetwork: 'all',
  }
}

export const SUBPACKAGES: readonly Subpackage[] = [
  subpackage('policy', ['home'], {
    'policy-clause': ['clause', '政策原文', 'friends+timeline'],
  }),
  subpackage('etc', ['home', 'mine'], {
    'etc-car': ['car', '我的车', 'friends+timeline'],
    'etc-trip': ['trip', '行程查询', 'friends+timeline'],
    'etc-trips': ['trips', '我的行程', 'none'],
    'etc-stations': ['stations', '站点一览', 'friends+timeline'],
  }),
  subpackage('vouchers', ['vouchers'], {
    // One batch on its own page: what a shared batch opens (its rounds, rule and 领取).
    'vouchers-batch': ['batch', '消费券', 'friends+timeline'],
    'vouchers-wallet': ['wallet', '我的券包', 'none'],
    'vouchers-detail': ['detail', '券详情', 'none'],
    'vouchers-best': ['best', '用哪张最划算', 'none'],
    'vouchers-merchants': ['merchants', '适用商户', 'friends+timeline'],
    'vouchers-merchant-desk': ['merchant-desk', '商户核销', 'none'],
  }),
  subpackage('events', ['events'], {
    'event-detail': ['detail', '活动详情', 'friends+timeline'],
    'event-progress': ['progress', '活动目标进度', 'friends+timeline'],
  }),
  subpackage('reminders', ['mine'], {
    'my-reminders': ['list', '我的提醒', 'none'],
  }),
  subpackage('subsidy', ['subsidy'], {
    'subsidy-appliance': ['appliance', '家电补贴计算', 'friends+timeline'],
    'subsidy-furniture': ['furniture', '家居补贴计算', 'friends+timeline'],
    'subsidy-digital': ['digital', '数码产品补贴计算', 'friends+timeline'],
    'subsidy-car': ['car', '汽车以旧换新', 'friends+timeline'],
    'subsidy-ebike': ['ebike', '电动自行车补贴计算', 'friends+timeline'],
    'subsidy-renovation': ['renovation', '家装补贴计算', 'friends+timeline'],
    'subsidy-basket': ['basket', '购物清单', 'none'],
    'subsidy-guide': ['guide', '怎么申请', 'friends+timeline'],
  }),
  // 隐私政策, 用户协议, 关于 and 意见反馈: reached from 我的 on both builds (WECHAT.md, release checklist).
  subpackage('info', [], {
    'info-privacy': ['privacy', '隐私政策', 'friends+timeline'],
    'info-terms': ['terms', '用户协议', 'friends+timeline'],
    'info-about': ['about', '关于衢惠通', 'friends+timeline'],
    'info-feedback': ['feedback', '意见反馈', 'none'],
  }),
  subpackage('account', [], {
    'my-data': ['my-data', '我的数据与注销', 'none'],
  }),
  subpackage('search', ['home'], {
    search: ['search', '搜索', 'friends+timeline'],
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
