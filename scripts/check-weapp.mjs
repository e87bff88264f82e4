#!/usr/bin/env node
/**
 * npm run check:weapp — builds the mini-program and checks what WeChat would reject or punish,
 * without WeChat DevTools (TOOLCHAIN.md, "Checking a weapp build"):
 *  1. every page in app.json (main package and subpackages) has its .js, .json and .wxml files;
 *  2. every WXML compiles with WeChat's own `wcc` (miniprogram-compiler);
 *  3. package sizes stay within scripts/budgets.json (a table is printed);
 *  4. miniprogram-ci's offline checkCodeQuality passes (size limits, minification, lazy loading,
 *     code only used by subpackages left in the main package, …).
 * CHECK_SKIP_BUILD=1 reuses dist/weapp.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const require = createRequire(import.meta.url)
const root = new URL('..', import.meta.url).pathname
const dist = join(root, 'dist/weapp')
const budgets = JSON.parse(readFileSync(join(root, 'scripts/budgets.json'), 'utf8'))
const failures = []

if (!process.env.CHECK_SKIP_BUILD) {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
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

if (failures.length) {
  console.error(`\ncheck:weapp failed (${failures.length}):\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
console.info('\ncheck:weapp passed')
// miniprogram-ci leaves a file watcher open; nothing else is pending.
process.exit(0)
