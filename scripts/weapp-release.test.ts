/**
 * @jest-environment node
 *
 * The release guards of scripts/lib/weapp-release.cjs, used by config/index.ts (a release build
 * stops) and scripts/check-weapp.mjs (prints and checks), and the app's own app.json and sitemap
 * against them.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { SUBPACKAGES, TAB_ROUTES } from '../src/routes'
import {
  isReleaseBuild,
  privacyScopeProblems,
  releaseApiBaseProblem,
  resolveApiBase,
  sitemapIndexes,
  sitemapProblems,
  DEV_LOOPBACK_API_BASE,
} from './lib/weapp-release.cjs'

const root = path.resolve(__dirname, '..')

test.each([
  ['https://api.example.cn', null],
  ['https://api.example.cn/', null],
  ['https://api.example.cn:443', null],
  [undefined, '未设置'],
  ['', '未设置'],
  ['http://api.example.cn', '不是 https'],
  [DEV_LOOPBACK_API_BASE, '不是 https'],
  ['https://127.0.0.1', 'IP 地址'],
  ['https://localhost', '本机'],
  ['https://api.example.cn:8443', '端口 8443'],
  ['https://api.example.cn/api/v1', '只写到域名为止'],
  ['https://user:pw@api.example.cn', '用户名或密码'],
  ['https://intranet', '不是完整域名'],
  ['api.example.cn', '不是网址'],
])('release API base %p → %p', (base, problem) => {
  const found = releaseApiBaseProblem(base)
  if (problem === null) expect(found).toBeNull()
  else expect(found).toContain(problem)
})

test('a release is --mode release or RELEASE=1; anything else is a development build', () => {
  expect(isReleaseBuild({ mode: 'release', env: {} })).toBe(true)
  expect(isReleaseBuild({ mode: 'production', env: { RELEASE: '1' } })).toBe(true)
  expect(isReleaseBuild({ mode: 'production', env: {} })).toBe(false)
  expect(isReleaseBuild({ mode: 'production', env: { RELEASE: '0' } })).toBe(false)
})

test('a development weapp build falls back to loopback; a release build refuses it', () => {
  expect(resolveApiBase({ platform: 'weapp', release: false, configured: undefined })).toBe(DEV_LOOPBACK_API_BASE)
  expect(resolveApiBase({ platform: 'h5', release: false, configured: undefined })).toBeUndefined()
  expect(resolveApiBase({ platform: 'h5', release: false, configured: '' })).toBe('')
  expect(resolveApiBase({ platform: 'weapp', release: true, configured: 'https://api.example.cn/' })).toBe('https://api.example.cn')
  expect(() => resolveApiBase({ platform: 'weapp', release: true, configured: undefined })).toThrow(/发布构建已停止.*TARO_APP_API_BASE 未设置/)
})

test.each([
  [{ requiredPrivateInfos: ['getFuzzyLocation'], permission: { 'scope.userFuzzyLocation': { desc: '找最近的收费站' } } }, []],
  [{ requiredPrivateInfos: ['getFuzzyLocation'], permission: { 'scope.userLocation': { desc: '找最近的收费站' } } }, ['需要 permission["scope.userFuzzyLocation"]', '声明了 scope.userLocation']],
  [{ requiredPrivateInfos: ['getLocation'], permission: { 'scope.userLocation': { desc: '找最近的收费站' } } }, []],
  [{ requiredPrivateInfos: ['getFuzzyLocation', 'getLocation'], permission: { 'scope.userFuzzyLocation': { desc: 'a' }, 'scope.userLocation': { desc: 'b' } } }, ['不能同时声明']],
  [{ requiredPrivateInfos: ['getFuzzyLocation'], permission: { 'scope.userFuzzyLocation': { desc: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一' } } }, ['超过 30 个字']],
  [{ requiredPrivateInfos: ['getFuzzyLocation'] }, ['需要 permission']],
  [{ requiredPrivateInfos: ['getLocaton'], permission: {} }, ['不是微信认可的接口']],
  [{}, []],
])('scope/API pairing %#', (appJson, expected) => {
  const problems = privacyScopeProblems(appJson)
  expect(problems).toHaveLength(expected.length)
  expected.forEach((part, index) => expect(problems[index]).toContain(part))
})

test("the app's own app.config declares fuzzy location with its scope, style v2 and a sitemap", () => {
  const globals = globalThis as unknown as { defineAppConfig?: (config: unknown) => unknown }
  globals.defineAppConfig = (config) => config
  const appConfig = require('../src/app.config').default
  expect(privacyScopeProblems(appConfig)).toEqual([])
  expect(appConfig.requiredPrivateInfos).toEqual(['getFuzzyLocation'])
  expect(appConfig.style).toBe('v2')
  expect(appConfig.sitemapLocation).toBe('sitemap.json')
})

describe('src/sitemap.json', () => {
  const sitemap = JSON.parse(readFileSync(path.join(root, 'src/sitemap.json'), 'utf8'))
  const pages = [...TAB_ROUTES.map((tab) => tab.path), ...SUBPACKAGES.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page.path}`))]

  test('names only real pages and indexes no private one', () => {
    expect(sitemapProblems(sitemap, pages)).toEqual([])
  })

  test.each([
    'pages/mine/index',
    'packages/vouchers/pages/wallet/index',
    'packages/vouchers/pages/detail/index',
    'packages/vouchers/pages/merchant-desk/index',
    'packages/reminders/pages/list/index',
  ])('%s is not indexed', (page) => {
    expect(sitemapIndexes(sitemap, page)).toBe(false)
  })

  test('public pages are, and a page added later is not until someone allows it', () => {
    expect(sitemapIndexes(sitemap, 'pages/home/index')).toBe(true)
    expect(sitemapIndexes(sitemap, 'packages/etc/pages/stations/index')).toBe(true)
    expect(sitemapIndexes(sitemap, 'packages/account/pages/delete/index')).toBe(false)
  })

  test('a sitemap that allows the wallet, or names a page that does not exist, is refused', () => {
    const leaky = { rules: [{ action: 'allow', page: 'packages/vouchers/pages/wallet/index' }, { action: 'allow', page: 'packages/gone/index' }] }
    expect(sitemapProblems(leaky, pages)).toEqual(
      expect.arrayContaining([expect.stringContaining('不存在的页面 packages/gone/index'), expect.stringContaining('私人页面 packages/vouchers/pages/wallet/index')]),
    )
  })
})

describe('the guard run for real', () => {
  const run = (command: string, args: string[], env: Record<string, string>) =>
    spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env, CHECK_SKIP_BUILD: '1' }, timeout: 120_000 })

  test('check:weapp for a release with an http base fails before building, saying why', () => {
    const result = run('node', ['scripts/check-weapp.mjs'], { RELEASE: '1', TARO_APP_API_BASE: 'http://api.example.cn' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('release API base: TARO_APP_API_BASE=http://api.example.cn 不是 https')
  })

  test('check:weapp --release without a base fails the same way', () => {
    const result = run('node', ['scripts/check-weapp.mjs', '--release'], { RELEASE: '', TARO_APP_API_BASE: '' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('TARO_APP_API_BASE 未设置')
  })

  test('taro build --mode release stops with the reason when the base is http', () => {
    const result = run('npx', ['taro', 'build', '--type', 'weapp', '--mode', 'release'], { TARO_APP_API_BASE: 'http://127.0.0.1:8080', RELEASE: '' })
    expect(result.status).not.toBe(0)
    expect(`${result.stdout}${result.stderr}`).toContain('发布构建已停止')
  }, 120_000)
})
