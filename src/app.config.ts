import { SUBPACKAGES, TAB_ROUTES, BRAND_COLOR, TAB_TEXT_COLOR } from './routes'

// Everything below is derived from src/routes.ts (one registry, see there).
const preloadRule: Record<string, { network: 'all' | 'wifi'; packages: string[] }> = {}
for (const pkg of SUBPACKAGES) {
  for (const tabKey of pkg.preloadFrom) {
    const tab = TAB_ROUTES.find((route) => route.key === tabKey)
    if (!tab) continue
    const rule = (preloadRule[tab.path] ??= { network: pkg.preloadNetwork, packages: [] })
    rule.packages.push(pkg.name)
    if (pkg.preloadNetwork === 'wifi') rule.network = 'wifi'
  }
}

export default defineAppConfig({
  pages: TAB_ROUTES.map((route) => route.path),
  subPackages: SUBPACKAGES.map((pkg) => ({
    root: pkg.root,
    name: pkg.name,
    pages: pkg.pages.map((page) => page.path),
  })),
  preloadRule,
  lazyCodeLoading: 'requiredComponents',
  // 衢城畅行 puts the nearest toll stations first. Fuzzy location is enough for that and excludes
  // precise getLocation (WECHAT.md, privacy); everything works when the person says no. WeChat
  // pairs getFuzzyLocation with scope.userFuzzyLocation (scope.userLocation is for precise
  // getLocation), shows `desc` in its prompt and allows at most 30 characters. check:weapp checks
  // the pairing (scripts/lib/weapp-release.cjs).
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: {
    'scope.userFuzzyLocation': { desc: '用于把离您最近的高速收费站排在前面' },
  },
  // Only public pages may be indexed by WeChat search: sitemap.json allows them by name and
  // disallows everything else (the wallet, a voucher's code, the merchant desk, 我的提醒, 我的).
  sitemapLocation: 'sitemap.json',
  // Current native components (button, picker, map) look as WeChat draws them today.
  style: 'v2',
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: BRAND_COLOR,
    navigationBarTitleText: '衢惠通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f6f6',
  },
  tabBar: {
    color: TAB_TEXT_COLOR,
    selectedColor: BRAND_COLOR,
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TAB_ROUTES.map((route) => ({
      pagePath: route.path,
      text: route.text,
      iconPath: `assets/tab/${route.icon}-normal.png`,
      selectedIconPath: `assets/tab/${route.icon}-active.png`,
    })),
  },
})
