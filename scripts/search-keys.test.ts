/**
 * @jest-environment node
 *
 * src/domain/search/static-keys.ts is generated (scripts/generate-search-keys.mjs): regenerate the
 * keys in memory and fail if the committed ones differ, so a renamed title never loses its pinyin.
 * (Formatting is Prettier's; `node scripts/generate-search-keys.mjs --check` compares the text.)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { STATIC_SEARCH_KEYS } from '../src/domain/search/static-keys'
import { staticSearchItems } from '../src/domain/search/static-items'
import { staticSearchTitles } from '../src/domain/search/static-sources'
import { freshStaticKeys, searchKeysOf, STATIC_KEYS_FILE, STATIC_KEYS_HEADER } from './lib/search-keys'

const root = path.resolve(__dirname, '..')

test('static-keys.ts holds what the generator makes today (else: node scripts/generate-search-keys.mjs)', () => {
  expect(STATIC_SEARCH_KEYS).toEqual(freshStaticKeys())
  expect(readFileSync(path.join(root, STATIC_KEYS_FILE), 'utf8').startsWith(STATIC_KEYS_HEADER)).toBe(true)
})

test('every bundled title has keys, and nothing else does', () => {
  expect(Object.keys(STATIC_SEARCH_KEYS).sort()).toEqual(staticSearchTitles())
  for (const item of staticSearchItems()) {
    expect(item.pinyin).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/)
    expect(item.initials).toMatch(/^[a-z0-9]+$/)
  }
})

// Polyphonic characters take the reading of their word; the ones our titles and content use.
test.each([
  ['行程查询', 'xing cheng cha xun', 'xccx'],
  ['长辈模式', 'zhang bei mo shi', 'zbms'],
  ['我的提醒', 'wo de ti xing', 'wdtx'],
  ['空调', 'kong tiao', 'kt'],
  ['银行', 'yin hang', 'yh'],
  ['重庆', 'chong qing', 'cq'],
  ['2025新蜂音乐节', '2025 xin feng yin yue jie', '2025xfyyj'],
  ['乐享衢州·有礼惠购', 'le xiang qu zhou you li hui gou', 'lxqzylhg'],
  ['汽车置换更新', 'qi che zhi huan geng xin', 'qczhgx'],
  ['实施提振消费专项行动', 'shi shi ti zhen xiao fei zhuan xiang xing dong', 'sstzxfzxxd'],
  ['龙游发糕', 'long you fa gao', 'lyfg'],
  ['绿道', 'lv dao', 'ld'],
])('%s → %s', (text, pinyin, initials) => {
  expect(searchKeysOf(text)).toEqual({ pinyin, initials })
})

test('the committed keys agree with the spot checks', () => {
  expect(STATIC_SEARCH_KEYS['行程查询']).toEqual({ pinyin: 'xing cheng cha xun', initials: 'xccx' })
  expect(STATIC_SEARCH_KEYS['长辈模式']).toEqual({ pinyin: 'zhang bei mo shi', initials: 'zbms' })
})
