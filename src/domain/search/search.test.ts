import fc from 'fast-check'
import {
  MATCH_REASONS,
  groupMatchesByKind,
  matchReason,
  normaliseSearchText,
  searchItems,
  searchKeysFromReadings,
  type SearchItem,
} from './search'
import { staticSearchItems } from './static-items'
import { schemePeriodStatus } from '../etc/scheme-period'
import { BUNDLED_TOLL_DATA } from '../policy/toll-scheme'
import { BUNDLED_TOLL_STATIONS } from '../policy/toll-stations'

/** Items as the server sends them: keys precomputed with pinyin-pro. */
const item = (
  kind: SearchItem['kind'],
  id: string,
  title: string,
  [pinyin, initials]: [pinyin: string, initials: string],
  route: SearchItem['route'],
  subtitle?: string,
): SearchItem => ({ kind, id, title, ...(subtitle === undefined ? {} : { subtitle }), pinyin, initials, route })
const AIR_CONDITIONER = item('calculator', 'air-conditioner', '空调', ['kong tiao', 'kt'], {
  key: 'subsidy-appliance',
  params: { category: 'air-conditioner' },
})
const AIR_PURIFIER = item('calculator', 'air-purifier', '空气净化器', ['kong qi jing hua qi', 'kqjhq'], { key: 'subsidy-appliance' })
const MUSIC_FESTIVAL = item(
  'event',
  'xinfeng-music-festival-2025',
  '2025新蜂音乐节',
  ['2025 xin feng yin yue jie', '2025xfyyj'],
  { key: 'event-detail', params: { id: 'xinfeng-music-festival-2025' } },
  '2025-05-04 至 2025-05-05 · 鹿鸣大草坪',
)
const NOODLES = item(
  'merchant',
  'm-noodles',
  '示例·水亭门老字号面馆',
  ['shi li shui ting men lao zi hao mian guan', 'slstmlzhmg'],
  { key: 'vouchers-merchants' },
  '柯城区 · 餐饮',
)
const GIVEN = [MUSIC_FESTIVAL, NOODLES, AIR_PURIFIER, AIR_CONDITIONER]

const titles = (query: string, items: readonly SearchItem[] = staticSearchItems()) =>
  searchItems(query, items).map((match) => match.item.title)
const first = (query: string, items: readonly SearchItem[] = staticSearchItems()) => searchItems(query, items)[0]

describe('searchItems over the bundled items', () => {
  test.each([
    ['pinyin initials', 'kt', '空调', 'calculator', 'initials-prefix'],
    ['full pinyin', 'kongtiao', '空调', 'calculator', 'pinyin-prefix'],
    ['part of the last syllable', 'kongt', '空调', 'calculator', 'pinyin-prefix'],
    ['full-width letters', 'ＫＴ', '空调', 'calculator', 'initials-prefix'],
    ['capitals and spaces', ' K T ', '空调', 'calculator', 'initials-prefix'],
    ['characters', '空调', '空调', 'calculator', 'title-exact'],
    ['station initials', 'qzd', '衢州东', 'station', 'initials-prefix'],
    ['station pinyin', 'quzhoudong', '衢州东', 'station', 'pinyin-prefix'],
    ['station with 收费站', '衢州东收费站', '衢州东', 'station', 'keyword'],
    ['行程 read as xing', 'xccx', '行程查询', 'page', 'initials-prefix'],
    ['长辈 read as zhang', 'zhangbei', '长辈模式', 'page', 'pinyin-prefix'],
    ['Latin in a title', 'etc', 'ETC 免费查询', 'page', 'title-prefix'],
    ['a measure', '家电', '家电', 'measure', 'title-exact'],
    ['a calculator page', 'jdbtjs', '家电补贴计算', 'calculator', 'initials-prefix'],
    ['a clause by a headline', '南孔市集', '实施提振消费专项行动', 'clause', 'keyword'],
    ['a clause by its title', '衢城畅行', '实施新一轮高速公路市域一体“衢城畅行”工程', 'clause', 'title-contains'],
    ['another word for it', '油烟机', '吸油烟机', 'calculator', 'title-contains'],
    ['a shop word', '笔记本', '电脑', 'calculator', 'keyword'],
  ])('%s: %s → %s', (_name, query, title, kind, reason) => {
    const match = searchItems(query, staticSearchItems()).find((candidate) => candidate.item.title === title)
    expect(match).toMatchObject({ item: { kind, title }, reason })
  })

  test('kt puts 空调 first and leads to the appliance calculator', () => {
    expect(first('kt')).toMatchObject({
      item: { title: '空调', route: { key: 'subsidy-appliance', params: { category: 'air-conditioner' } } },
    })
  })

  test('行程: the page named so first, then the one containing it', () => {
    expect(titles('行程').slice(0, 2)).toEqual(['行程查询', '我的行程'])
  })

  test('qz: the 衢州 stations, shortest names first', () => {
    expect(titles('qz').filter((title) => title.startsWith('衢州'))).toEqual(['衢州东', '衢州西', '衢州南'])
  })

  test.each([[''], ['   '], ['·，。'], ['\u3000']])('nothing for %j', (query) => {
    expect(searchItems(query, staticSearchItems())).toEqual([])
  })

  test('one letter matches the start of the initials only, never the middle', () => {
    const reasons = new Set(searchItems('t', staticSearchItems()).map((match) => match.reason))
    expect([...reasons].every((reason) => reason === 'initials-prefix' || reason === 'pinyin-prefix' || reason.startsWith('title'))).toBe(
      true,
    )
    expect(titles('t')).not.toContain('空调')
  })

  test('limit keeps the best', () => {
    expect(searchItems('qz', staticSearchItems(), { limit: 2 }).map((match) => match.item.title)).toEqual(titles('qz').slice(0, 2))
  })
})

describe('searchItems over a given list with precomputed keys', () => {
  test.each([
    ['kt', ['空调']],
    ['kongtiao', ['空调']],
    ['空', ['空调', '空气净化器']],
    ['kq', ['空气净化器']],
    ['xf', ['2025新蜂音乐节']],
    ['xinfeng', ['2025新蜂音乐节']],
    ['yinyue', ['2025新蜂音乐节']],
    ['2025', ['2025新蜂音乐节']],
    ['新蜂', ['2025新蜂音乐节']],
    ['stm', ['示例·水亭门老字号面馆']],
    ['水亭门面馆', []],
    ['柯城', ['示例·水亭门老字号面馆']],
    ['ＸＦ', ['2025新蜂音乐节']],
  ])('%s → %j', (query, expected) => {
    expect(titles(query, GIVEN)).toEqual(expected)
  })

  test('reasons say how each matched', () => {
    expect(searchItems('xf', GIVEN)[0].reason).toBe('initials-contains')
    expect(searchItems('yinyue', GIVEN)[0].reason).toBe('pinyin-syllable')
    expect(searchItems('柯城', GIVEN)[0].reason).toBe('subtitle')
  })

  test('results grouped by kind, the group with the best match first', () => {
    const groups = groupMatchesByKind(
      searchItems('k', [
        NOODLES,
        AIR_CONDITIONER,
        { ...MUSIC_FESTIVAL, title: '柯城音乐节', pinyin: 'ke cheng yin yue jie', initials: 'kcyyj' },
      ]),
    )
    expect(groups.map((group) => [group.kind, group.matches.map((match) => match.item.title)])).toEqual([
      ['calculator', ['空调']],
      ['event', ['柯城音乐节']],
    ])
  })
})

describe('normaliseSearchText and searchKeysFromReadings', () => {
  test.each([
    ['ＫＴ', 'kt'],
    ['乐享衢州·有礼惠购', '乐享衢州有礼惠购'],
    [' ETC 免费 ', 'etc免费'],
    ['【示例】南孔市集（每周六）', '示例南孔市集每周六'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseSearchText(text)).toBe(expected)
  })

  test('digits and Latin runs stay whole in the initials; punctuation is dropped', () => {
    expect(
      searchKeysFromReadings([
        { origin: 'ETC ', pinyin: '', isZh: false },
        { origin: '免', pinyin: 'mian', isZh: true },
        { origin: '·', pinyin: '', isZh: false },
        { origin: '2025', pinyin: '', isZh: false },
        { origin: '行', pinyin: 'xing', isZh: true },
      ]),
    ).toEqual({ pinyin: 'etc mian 2025 xing', initials: 'etcm2025x' })
  })
})

const HANZI = Array.from('空调气净化器衢州东西南新蜂音乐节家电补贴计算行程查询')
const SYLLABLES = ['kong', 'tiao', 'qi', 'jing', 'hua', 'qu', 'zhou', 'dong', 'xin', 'feng', 'yin', 'yue', 'jie', 'xing', 'cheng']

/** A title of 1–6 characters with made-up but consistent keys (one syllable per character). */
const itemArbitrary = fc.array(fc.integer({ min: 0, max: HANZI.length - 1 }), { minLength: 1, maxLength: 6 }).map((indexes): SearchItem => {
  const syllables = indexes.map((index) => SYLLABLES[index % SYLLABLES.length])
  return {
    kind: 'page',
    id: indexes.join('-'),
    title: indexes.map((index) => HANZI[index]).join(''),
    pinyin: syllables.join(' '),
    initials: syllables.map((syllable) => syllable[0]).join(''),
    route: { key: 'home' },
  }
})

const listArbitrary = fc.array(itemArbitrary, { minLength: 1, maxLength: 12 })

describe('properties', () => {
  test('any part of a title, its initials or its pinyin from a syllable finds the item', () => {
    fc.assert(
      fc.property(listArbitrary, fc.nat(), fc.nat(), fc.nat(), (items, pick, from, length) => {
        const item = items[pick % items.length]
        const characters = Array.from(item.title)
        const start = from % characters.length
        const part = characters.slice(start, start + 1 + (length % (characters.length - start))).join('')
        const syllables = item.pinyin!.split(' ')
        const fromSyllable = syllables.slice(from % syllables.length).join('')
        const initialsPrefix = item.initials!.slice(0, 1 + (length % item.initials!.length))
        for (const query of [item.title, part, fromSyllable, initialsPrefix]) {
          expect(searchItems(query, items).map((match) => match.item)).toContain(item)
        }
      }),
    )
  })

  test('every result matches for the reason given, every other item does not match, best reasons first', () => {
    fc.assert(
      fc.property(listArbitrary, fc.oneof(fc.stringMatching(/^[a-z]{1,4}$/), fc.constantFrom(...HANZI)), (items, query) => {
        const results = searchItems(query, items)
        for (const match of results) expect(matchReason(query, match.item)).toBe(match.reason)
        for (const item of items) if (!results.some((match) => match.item === item)) expect(matchReason(query, item)).toBeNull()
        const ranks = results.map((match) => MATCH_REASONS.indexOf(match.reason))
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      }),
    )
  })

  test('ranking is stable: same answer twice, ties keep the given order, unrelated items change nothing', () => {
    const unrelated: SearchItem = { kind: 'page', id: 'unrelated', title: '我的', pinyin: 'wo de', initials: 'wd', route: { key: 'mine' } }
    fc.assert(
      fc.property(listArbitrary, fc.constantFrom('k', 'x', 'kong', '空', '衢', 'xc'), fc.nat(), (items, query, at) => {
        const results = searchItems(query, items)
        expect(searchItems(query, items)).toEqual(results)
        const withUnrelated = [...items.slice(0, at % (items.length + 1)), unrelated, ...items.slice(at % (items.length + 1))]
        expect(searchItems(query, withUnrelated)).toEqual(results)
        for (let index = 1; index < results.length; index += 1) {
          const [a, b] = [results[index - 1], results[index]]
          if (a.reason === b.reason && Array.from(a.item.title).length === Array.from(b.item.title).length) {
            expect(items.indexOf(a.item)).toBeLessThan(items.indexOf(b.item))
          }
        }
      }),
    )
  })
})

describe('station results and the 衢城畅行 period (clause 二十六)', () => {
  const subtitleOf = (period?: ReturnType<typeof schemePeriodStatus>) =>
    searchItems('衢州东', staticSearchItems(BUNDLED_TOLL_STATIONS, period)).find((match) => match.item.kind === 'station')?.item.subtitle

  it.each([
    ['no date given', undefined, '（本应用暂定）'],
    ['inside the known period', schemePeriodStatus(BUNDLED_TOLL_DATA, '2025-06-01'), '（本应用暂定）'],
    ['after the last known period', schemePeriodStatus(BUNDLED_TOLL_DATA, '2026-12-06'), '（本应用暂定；2025-12-31 后是否延续待官方确认）'],
  ])('%s', (_case, period, doubt) => {
    expect(subtitleOf(period)).toMatch(new RegExp(`衢城畅行站点${doubt.replace(/[()（）]/g, '\\$&')}$`))
  })
})
