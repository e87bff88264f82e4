#!/usr/bin/env node
/**
 * npm run check:weapp — builds the mini-program and checks what WeChat would reject or punish,
 * without WeChat DevTools (TOOLCHAIN.md, "Checking a weapp build"):
 *  1. every page in app.json (main package and subpackages) has its .js, .json and .wxml files;
 *  2. every WXML compiles with WeChat's own `wcc` (miniprogram-compiler);
 *  3. package sizes stay within scripts/budgets.json (a table is printed);
 *  4. miniprogram-ci's offline checkCodeQuality passes (size limits, minification, lazy loading,
 *     code only used by subpackages left in the main package, …);
 *  5. release readiness (WECHAT.md, "Release and review checklist"): every location API in
 *     `requiredPrivateInfos` has the permission scope WeChat pairs it with and no scope is left
 *     without its API; `style: "v2"`; sitemap.json exists and lets WeChat index no private page;
 *     for a release (RELEASE=1 or `--release`) the API base is an https origin, checked before
 *     building, compiled into the bundle, with no loopback address left in it;
 *  6. sharing: every page in src/routes.ts is shared as its `share` says — a public page's built
 *     script turns on enableShareAppMessage (and enableShareTimeline for 朋友圈) and calls the hooks;
 *     a private page does neither (lib/weapp-release.cjs shareProblems). A table is printed.
 * CHECK_SKIP_BUILD=1 reuses dist/weapp. CI runs the development variant (no release base there).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const require = createRequire(import.meta.url)
const { DEV_LOOPBACK_API_BASE, isReleaseBuild, privacyScopeProblems, releaseApiBaseProblem, shareProblems, sitemapIndexes, sitemapProblems } = require('./lib/weapp-release.cjs')
const root = new URL('..', import.meta.url).pathname
const dist = join(root, 'dist/weapp')
const budgets = JSON.parse(readFileSync(join(root, 'scripts/budgets.json'), 'utf8'))
const failures = []
const checked = []

// 0. Release or development, decided before anything is built so a bad release base fails at once.
const release = process.argv.includes('--release') || isReleaseBuild()
const apiBase = process.env.TARO_APP_API_BASE
if (release) {
  const problem = releaseApiBaseProblem(apiBase)
  if (problem) {
    console.error(`check:weapp failed (1):\n- release API base: ${problem}`)
    process.exit(1)
  }
  checked.push(`release build: API base ${apiBase} is an https origin`)
} else {
  checked.push(`development build (no RELEASE=1 / --release): API base ${apiBase ?? `${DEV_LOOPBACK_API_BASE} (loopback default)`}, release guard not applied`)
}

if (!process.env.CHECK_SKIP_BUILD) {
  const args = ['taro', 'build', '--type', 'weapp', ...(release ? ['--mode', 'release'] : [])]
  const build = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
const subpackages = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => ({ root: pkg.root.replace(/\/$/, ''), pages: pkg.pages }))

// 1. Page files.
const pagePaths = [...appJson.pages, ...subpackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))]
for (const page of pagePaths) {
  for (const ext of ['.js', '.json', '.wxml']) {
    if (!existsSync(join(dist, page + ext))) failures.push(`page ${page} lacks ${page}${ext}`)
  }
}
for (const tab of appJson.tabBar?.list ?? []) {
  for (const icon of [tab.iconPath, tab.selectedIconPath]) {
    if (icon && !existsSync(join(dist, icon))) failures.push(`tab icon missing: ${icon}`)
    else if (icon && statSync(join(dist, icon)).size > 40 * 1024) failures.push(`tab icon over 40 KB: ${icon}`)
  }
}

// 2. WXML through WeChat's compiler.
const compilerDir = join(require.resolve('miniprogram-compiler/package.json'), '..')
for (const binary of ['wcc', 'wcsc']) {
  const file = join(compilerDir, 'bin/linux', binary)
  if (existsSync(file)) chmodSync(file, 0o755) // npm install --ignore-scripts leaves it without +x
}
try {
  require('miniprogram-compiler').wxmlToJs(dist)
  console.info(`wcc: all WXML compiled (${countFiles(dist, '.wxml')} files)`)
} catch (error) {
  failures.push(`wcc rejected the WXML: ${String(error?.message ?? error).slice(0, 2000)}`)
}

// 3. Sizes per package.
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}
function countFiles(dir, ext) {
  return walk(dir).filter((file) => file.endsWith(ext)).length
}
const sizes = new Map([['(main)', 0], ...subpackages.map((pkg) => [pkg.root, 0])])
for (const file of walk(dist)) {
  const path = relative(dist, file)
  if (path === 'project.config.json' || path.endsWith('.LICENSE.txt') || path.endsWith('.map')) continue
  const owner = subpackages.find((pkg) => path.startsWith(`${pkg.root}/`))
  const key = owner ? owner.root : '(main)'
  sizes.set(key, sizes.get(key) + statSync(file).size)
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8)
console.info('\npackage                         size (KB)   budget (KB)')
for (const [name, bytes] of sizes) {
  const budget = name === '(main)' ? budgets.weappMainPackageBytes : budgets.weappSubpackageBytes
  console.info(`${name.padEnd(30)} ${kb(bytes)}    ${kb(budget)} ${bytes > budget ? '  OVER' : ''}`)
  if (bytes > budget) failures.push(`${name} is ${bytes} bytes, budget ${budget}`)
}
const total = [...sizes.values()].reduce((sum, value) => sum + value, 0)
console.info(`${'total'.padEnd(30)} ${kb(total)}\n`)

// 4. WeChat's own offline code-quality scan. It needs a key path but never reads the key.
const ci = require('miniprogram-ci')
const keyDir = mkdtempSync(join(tmpdir(), 'qht-mp-'))
const keyPath = join(keyDir, 'private.key')
writeFileSync(keyPath, 'offline-check-never-read')
const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: dist, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] })
const quality = await ci.checkCodeQuality(project)
for (const item of quality) {
  console.info(`${item.success ? 'ok  ' : 'FAIL'} ${item.name}${item.success ? '' : ` — ${item.text}`}`)
  if (!item.success) failures.push(`checkCodeQuality ${item.name}: ${item.text}${item.detail ? ` ${JSON.stringify(item.detail).slice(0, 500)}` : ''}`)
}

// 5. Release readiness.
const scopeProblems = privacyScopeProblems(appJson)
failures.push(...scopeProblems)
checked.push(`privacy: requiredPrivateInfos [${(appJson.requiredPrivateInfos ?? []).join(', ')}] ↔ permission [${Object.keys(appJson.permission ?? {}).join(', ')}]: ${scopeProblems.length ? 'MISMATCH' : 'paired'}`)
if (appJson.style !== 'v2') failures.push(`app.json style is ${JSON.stringify(appJson.style)}, not "v2"`)
checked.push(`app.json style: ${JSON.stringify(appJson.style)}`)
const sitemapFile = join(dist, appJson.sitemapLocation ?? 'sitemap.json')
if (!appJson.sitemapLocation) failures.push('app.json has no sitemapLocation')
if (!existsSync(sitemapFile)) {
  failures.push(`sitemap missing: ${relative(root, sitemapFile)}`)
  checked.push('sitemap.json: MISSING')
} else {
  const sitemap = JSON.parse(readFileSync(sitemapFile, 'utf8'))
  const problems = sitemapProblems(sitemap, pagePaths)
  failures.push(...problems)
  const indexed = pagePaths.filter((page) => sitemapIndexes(sitemap, page))
  checked.push(`sitemap.json: ${indexed.length} of ${pagePaths.length} pages indexable, private pages excluded${problems.length ? ' — PROBLEMS' : ''}`)
  for (const page of pagePaths) checked.push(`  ${sitemapIndexes(sitemap, page) ? 'index   ' : 'no-index'} ${page}`)
}
const bundleText = walk(dist)
  .filter((file) => file.endsWith('.js'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
if (release) {
  if (!bundleText.includes(apiBase.replace(/\/$/, ''))) failures.push(`the release API base ${apiBase} is not in the bundle`)
  if (bundleText.includes(DEV_LOOPBACK_API_BASE)) failures.push(`the release bundle still contains ${DEV_LOOPBACK_API_BASE}`)
  checked.push(`bundle: API base compiled in, no ${DEV_LOOPBACK_API_BASE}`)
} else {
  checked.push(`bundle: requests go to ${bundleText.includes(DEV_LOOPBACK_API_BASE) ? DEV_LOOPBACK_API_BASE : (apiBase ?? '(configured base)')}`)
}

// 6. Sharing against the route registry (src/routes.ts, loaded through esbuild: it is TypeScript).
const { transformSync } = require('esbuild')
const routesModule = { exports: {} }
new Function('module', 'exports', transformSync(readFileSync(join(root, 'src/routes.ts'), 'utf8'), { loader: 'ts', format: 'cjs' }).code)(routesModule, routesModule.exports)
const shareTable = routesModule.exports.pageShareTable()
const sharing = shareProblems(shareTable, (page) => (existsSync(join(dist, `${page}.js`)) ? readFileSync(join(dist, `${page}.js`), 'utf8') : null))
failures.push(...sharing.problems)
const builtNotInRegistry = pagePaths.filter((page) => !shareTable.some((row) => row.page === page))
for (const page of builtNotInRegistry) failures.push(`page ${page} is in app.json but not in src/routes.ts`)
checked.push(`sharing: ${shareTable.filter((row) => row.share !== 'none').length} public pages shareable, ${shareTable.filter((row) => row.share === 'none').length} private pages not${sharing.problems.length ? ' — PROBLEMS' : ''}`)
for (const line of sharing.lines) checked.push(`  ${line}`)

console.info('\nchecked:')
for (const line of checked) console.info(`- ${line}`)

if (failures.length) {
  console.error(`\ncheck:weapp failed (${failures.length}):\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
console.info('\ncheck:weapp passed')
// miniprogram-ci leaves a file watcher open; nothing else is pending.
process.exit(0)
