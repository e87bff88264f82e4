/**
 * What a release of the mini-program must get right before it is uploaded, shared by the Taro
 * build config (config/index.ts fails a release build) and `npm run check:weapp` (prints and
 * checks it). CommonJS so that both Taro's TypeScript config loader and plain Node can load it.
 *
 * A build is a release when Taro runs with `--mode release` (`npm run build:weapp:release`) or
 * RELEASE=1 is set. Every other build is a development build: it may point at a loopback server,
 * which only WeChat DevTools (with 不校验合法域名 ticked) can reach.
 */

/** Where a development weapp build sends its requests when TARO_APP_API_BASE is unset. */
const DEV_LOOPBACK_API_BASE = 'http://127.0.0.1:8080'

function isReleaseBuild({ mode, env = process.env } = {}) {
  return mode === 'release' || env.RELEASE === '1' || env.RELEASE === 'true'
}

/**
 * null when `base` can be a release API base; otherwise why not, in Chinese and English for the
 * person at the terminal. WeChat only sends wx.request to an https origin that is listed as a
 * request 合法域名: no path (the app adds /api/v1/...), no port other than 443, no IP address,
 * no localhost.
 */
function releaseApiBaseProblem(base) {
  if (base === undefined || base === null || String(base).trim() === '') {
    return 'TARO_APP_API_BASE 未设置：发布版必须指向服务器的 https 地址（request 合法域名），例如 TARO_APP_API_BASE=https://api.example.cn (unset: a release build needs the https origin of the API)'
  }
  let url
  try {
    url = new URL(String(base))
  } catch {
    return `TARO_APP_API_BASE=${base} 不是网址：发布版需要 https://域名 (not a URL)`
  }
  const shown = `TARO_APP_API_BASE=${base}`
  if (url.protocol !== 'https:') return `${shown} 不是 https：微信只向 https 的 request 合法域名发请求 (a release build needs https://)`
  if (url.username || url.password) return `${shown} 含用户名或密码 (credentials in the URL)`
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return `${shown} 应只写到域名为止（不含路径、参数），例如 https://api.example.cn (an origin, no path)`
  if (url.port && url.port !== '443') return `${shown} 带了端口 ${url.port}：合法域名只能用 443 (no port other than 443)`
  const host = url.hostname
  if (host === 'localhost' || host.endsWith('.localhost') || /^[\d.]+$/.test(host) || host.startsWith('[')) {
    return `${shown} 是本机或 IP 地址：合法域名必须是已备案的域名 (a registered domain name, not an IP or localhost)`
  }
  if (!host.includes('.')) return `${shown} 不是完整域名 (not a full domain name)`
  return null
}

/**
 * The API base a build compiles in: the configured one, or for a development weapp build the
 * loopback default. Throws with releaseApiBaseProblem's message for a release build.
 */
function resolveApiBase({ platform, release, configured }) {
  if (release) {
    const problem = releaseApiBaseProblem(configured)
    if (problem) throw new Error(`发布构建已停止 (release build stopped): ${problem}`)
    return String(configured).replace(/\/$/, '')
  }
  if (typeof configured === 'string') return configured.replace(/\/$/, '')
  return platform === 'weapp' ? DEV_LOOPBACK_API_BASE : undefined
}

/**
 * WeChat's pairing of location APIs in `requiredPrivateInfos` with the `permission` scope whose
 * `desc` it shows (WECHAT.md, release checklist): getFuzzyLocation → scope.userFuzzyLocation,
 * the precise ones → scope.userLocation. chooseAddress/chooseLocation/choosePoi need no scope.
 */
const SCOPE_OF_PRIVATE_API = {
  getFuzzyLocation: 'scope.userFuzzyLocation',
  getLocation: 'scope.userLocation',
  onLocationChange: 'scope.userLocation',
  startLocationUpdate: 'scope.userLocation',
  startLocationUpdateBackground: 'scope.userLocationBackground',
  onLocationChangeError: null,
  chooseAddress: null,
  chooseLocation: null,
  choosePoi: null,
}
const LOCATION_SCOPES = ['scope.userLocation', 'scope.userFuzzyLocation', 'scope.userLocationBackground']

/** Every way app.json's requiredPrivateInfos and permission disagree; [] when they agree. */
function privacyScopeProblems(appJson) {
  const problems = []
  const apis = Array.isArray(appJson.requiredPrivateInfos) ? appJson.requiredPrivateInfos : []
  const permission = appJson.permission ?? {}
  const needed = new Set()
  for (const api of apis) {
    if (!(api in SCOPE_OF_PRIVATE_API)) {
      problems.push(`requiredPrivateInfos 里的 ${api} 不是微信认可的接口`)
      continue
    }
    const scope = SCOPE_OF_PRIVATE_API[api]
    if (!scope) continue
    needed.add(scope)
    const desc = permission[scope]?.desc
    if (typeof desc !== 'string' || desc.trim() === '') problems.push(`${api} 需要 permission["${scope}"].desc`)
    else if ([...desc].length > 30) problems.push(`permission["${scope}"].desc 超过 30 个字`)
  }
  if (apis.includes('getFuzzyLocation') && apis.some((api) => SCOPE_OF_PRIVATE_API[api] === 'scope.userLocation')) {
    problems.push('getFuzzyLocation 与精确定位接口不能同时声明')
  }
  for (const scope of Object.keys(permission)) {
    if (LOCATION_SCOPES.includes(scope) && !needed.has(scope)) {
      problems.push(`permission 声明了 ${scope}，但 requiredPrivateInfos 里没有用它的接口（${apis.join('、') || '无'}）`)
    }
  }
  return problems
}

module.exports = { DEV_LOOPBACK_API_BASE, isReleaseBuild, releaseApiBaseProblem, resolveApiBase, privacyScopeProblems, SCOPE_OF_PRIVATE_API }

/**
 * Pages WeChat search must never index (WECHAT.md, release checklist): the wallet, a voucher's
 * code, the merchant desk, 我的提醒, 我的 and anything about an account or its data. Matched as
 * substrings of the page path so a new account page is covered without editing this list.
 */
const NEVER_INDEXED = [
  'pages/mine/index',
  'packages/vouchers/pages/wallet/',
  'packages/vouchers/pages/detail/',
  'packages/vouchers/pages/best/',
  'packages/vouchers/pages/merchant-desk/',
  'packages/reminders/',
  'packages/etc/pages/trips/',
  'packages/subsidy/pages/basket/',
  'account',
  'feedback',
]

/** Whether sitemap.json lets WeChat index `page`: the first rule whose page matches decides (top to bottom); none → indexed. */
function sitemapIndexes(sitemap, page) {
  for (const rule of sitemap.rules ?? []) {
    if (rule.page === '*' || rule.page === page) return rule.action !== 'disallow'
  }
  return true
}

function sitemapProblems(sitemap, pages) {
  const problems = []
  if (!sitemap || !Array.isArray(sitemap.rules)) return ['sitemap.json 没有 rules']
  for (const rule of sitemap.rules) {
    if (rule.action !== 'allow' && rule.action !== 'disallow') problems.push(`sitemap 规则 ${JSON.stringify(rule)} 的 action 不是 allow/disallow`)
    if (rule.page !== '*' && !pages.includes(rule.page)) problems.push(`sitemap 规则指向不存在的页面 ${rule.page}`)
  }
  for (const page of pages) {
    if (sitemapIndexes(sitemap, page) && NEVER_INDEXED.some((part) => page.includes(part))) problems.push(`sitemap 允许索引私人页面 ${page}`)
  }
  return problems
}

module.exports.NEVER_INDEXED = NEVER_INDEXED
module.exports.sitemapIndexes = sitemapIndexes
module.exports.sitemapProblems = sitemapProblems

/**
 * Sharing (issue 14; WECHAT.md "Calendar, share, scan"): what a built page must contain for its
 * `share` in src/routes.ts. Taro compiles a page's config into its script (the switches
 * `enableShareAppMessage:!0` / `enableShareTimeline:!0`, which make Taro register WeChat's
 * onShareAppMessage / onShareTimeline — without them 转发 stays greyed out) and keeps the names
 * of Taro's hooks (`useShareAppMessage`, `useShareTimeline`), which pages call themselves. A
 * private page has neither: with no switch WeChat cannot share it, whatever a component does.
 */
const SHARE_SIGNS = {
  appMessageHook: /\buseShareAppMessage\b/,
  timelineHook: /\buseShareTimeline\b/,
  appMessageSwitch: /\benableShareAppMessage["']?\s*:\s*(?:!0|true)\b/,
  timelineSwitch: /\benableShareTimeline["']?\s*:\s*(?:!0|true)\b/,
}

/** Which share signs a built page script carries. */
function shareSignsOf(js) {
  const text = String(js ?? '')
  return Object.fromEntries(Object.entries(SHARE_SIGNS).map(([name, pattern]) => [name, pattern.test(text)]))
}

/**
 * Problems of every page against the registry: `table` is [{ page, share }] (share 'none',
 * 'friends' or 'friends+timeline'), `readPageJs(page)` the built page script or null when the
 * page was not built. Returns { problems, lines }: lines say what was found for each page.
 */
function shareProblems(table, readPageJs) {
  const problems = []
  const lines = []
  for (const { page, share } of table) {
    const js = readPageJs(page)
    if (js === null || js === undefined) {
      problems.push(`分享检查：页面 ${page} 没有构建产物`)
      continue
    }
    const signs = shareSignsOf(js)
    const wants = {
      appMessage: share === 'friends' || share === 'friends+timeline',
      timeline: share === 'friends+timeline',
    }
    const found = []
    if (signs.appMessageSwitch || signs.appMessageHook) found.push(`转发(${signs.appMessageSwitch ? 'config' : '-'}/${signs.appMessageHook ? 'hook' : '-'})`)
    if (signs.timelineSwitch || signs.timelineHook) found.push(`朋友圈(${signs.timelineSwitch ? 'config' : '-'}/${signs.timelineHook ? 'hook' : '-'})`)
    lines.push(`${share.padEnd(16)} ${page}: ${found.join(' ') || '不可分享'}`)
    if (wants.appMessage) {
      if (!signs.appMessageSwitch) problems.push(`公开页面 ${page}（share: ${share}）的配置没有 enableShareAppMessage: true（用 shareConfig()）`)
      if (!signs.appMessageHook) problems.push(`公开页面 ${page}（share: ${share}）没有调用 useShareAppMessage`)
    } else {
      if (signs.appMessageSwitch) problems.push(`私人页面 ${page}（share: none）打开了 enableShareAppMessage`)
      if (signs.appMessageHook) problems.push(`私人页面 ${page}（share: none）调用了 useShareAppMessage`)
    }
    if (wants.timeline) {
      if (!signs.timelineSwitch) problems.push(`页面 ${page}（share: ${share}）的配置没有 enableShareTimeline: true（用 shareConfig()）`)
      if (!signs.timelineHook) problems.push(`页面 ${page}（share: ${share}）没有调用 useShareTimeline`)
    } else {
      if (signs.timelineSwitch) problems.push(`页面 ${page}（share: ${share}）不应分享到朋友圈，却打开了 enableShareTimeline`)
      if (signs.timelineHook) problems.push(`页面 ${page}（share: ${share}）不应分享到朋友圈，却调用了 useShareTimeline`)
    }
  }
  return { problems, lines }
}

module.exports.shareSignsOf = shareSignsOf
module.exports.shareProblems = shareProblems
