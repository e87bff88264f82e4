/**
 * @jest-environment node
 *
 * The sharing check of `check:weapp` (scripts/lib/weapp-release.cjs shareProblems) against
 * built page scripts as Taro writes them, and every page's .config.ts against src/routes.ts.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pageShareTable, shareConfig } from '../src/routes'
import { shareProblems, shareSignsOf } from './lib/weapp-release.cjs'

// Shapes taken from a production weapp build (minified page scripts).
const PUBLIC_PAGE =
  'if((0,c.useShareAppMessage)(function(){return{title:"x",path:"/a"}}),(0,c.useShareTimeline)(function(){return{title:"x"}}),A)' +
  'var R={navigationBarTitleText:"活动详情",enableShareAppMessage:!0,enableShareTimeline:!0};L.enableShareAppMessage=!0;Page(O)'
const FRIENDS_ONLY = '(0,c.useShareAppMessage)(function(){return{}});var R={navigationBarTitleText:"x",enableShareAppMessage:!0};Page(O)'
const PRIVATE_PAGE =
  'var R={navigationBarTitleText:"我的券包"};var O=(0,a.eU)(L,"packages/vouchers/pages/wallet/index",{root:{cn:[]}},R||{});Page(O)'
const HOOK_WITHOUT_SWITCH =
  '(0,c.useShareAppMessage)(function(){return{}});(0,c.useShareTimeline)(function(){});var R={navigationBarTitleText:"x"};Page(O)'
const SWITCH_WITHOUT_HOOK = 'var R={navigationBarTitleText:"x",enableShareAppMessage:!0,enableShareTimeline:!0};Page(O)'

test('the signs of sharing are read from a built page script', () => {
  expect(shareSignsOf(PUBLIC_PAGE)).toEqual({ appMessageHook: true, timelineHook: true, appMessageSwitch: true, timelineSwitch: true })
  expect(shareSignsOf(PRIVATE_PAGE)).toEqual({ appMessageHook: false, timelineHook: false, appMessageSwitch: false, timelineSwitch: false })
  expect(shareSignsOf('{"enableShareAppMessage":true}').appMessageSwitch).toBe(true)
  expect(shareSignsOf('enableShareAppMessage:!1').appMessageSwitch).toBe(false)
})

test.each([
  ['public page with both hooks and switches', 'friends+timeline', PUBLIC_PAGE, []],
  ['friends-only page', 'friends', FRIENDS_ONLY, []],
  ['private page with nothing', 'none', PRIVATE_PAGE, []],
  ['public page without its switches', 'friends+timeline', HOOK_WITHOUT_SWITCH, ['没有 enableShareAppMessage', '没有 enableShareTimeline']],
  ['public page without its hooks', 'friends+timeline', SWITCH_WITHOUT_HOOK, ['没有调用 useShareAppMessage', '没有调用 useShareTimeline']],
  [
    'public page with no share at all',
    'friends+timeline',
    PRIVATE_PAGE,
    ['enableShareAppMessage', 'useShareAppMessage', 'enableShareTimeline', 'useShareTimeline'],
  ],
  [
    'private page with a share handler',
    'none',
    HOOK_WITHOUT_SWITCH,
    ['私人页面 packages/x/pages/y/index（share: none）调用了 useShareAppMessage', '不应分享到朋友圈，却调用了 useShareTimeline'],
  ],
  ['private page with the switches on', 'none', SWITCH_WITHOUT_HOOK, ['打开了 enableShareAppMessage', '打开了 enableShareTimeline']],
  [
    'friends-only page that goes to 朋友圈',
    'friends',
    PUBLIC_PAGE,
    ['不应分享到朋友圈，却打开了 enableShareTimeline', '不应分享到朋友圈，却调用了 useShareTimeline'],
  ],
] as const)('%s', (_name, share, js, expected) => {
  const { problems, lines } = shareProblems([{ page: 'packages/x/pages/y/index', share }], () => js)
  expect(problems).toHaveLength(expected.length)
  expected.forEach((part, index) => expect(problems[index]).toContain(part))
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain('packages/x/pages/y/index')
})

test('a page missing from the build is a problem, and every page gets a line', () => {
  const { problems, lines } = shareProblems(
    [
      { page: 'pages/home/index', share: 'friends+timeline' },
      { page: 'pages/gone/index', share: 'none' },
    ],
    (page) => (page === 'pages/home/index' ? PUBLIC_PAGE : null),
  )
  expect(problems).toEqual(['分享检查：页面 pages/gone/index 没有构建产物'])
  expect(lines).toEqual([expect.stringMatching(/^friends\+timeline +pages\/home\/index: 转发\(config\/hook\) 朋友圈\(config\/hook\)$/)])
})

describe("each page's .config.ts turns on exactly the registry's switches", () => {
  const root = path.resolve(__dirname, '..')
  beforeAll(() => {
    ;(globalThis as { definePageConfig?: (config: object) => object }).definePageConfig = (config) => config
  })
  test.each(pageShareTable().map((row) => [row.page, row.key] as const))('%s', (page, key) => {
    const file = path.join(root, 'src', `${page}.config.ts`)
    expect(existsSync(file)).toBe(true)
    const config = require(file).default as Record<string, unknown>
    const wanted = shareConfig(key)
    expect(Boolean(config.enableShareAppMessage)).toBe(Boolean(wanted.enableShareAppMessage))
    expect(Boolean(config.enableShareTimeline)).toBe(Boolean(wanted.enableShareTimeline))
  })
})
