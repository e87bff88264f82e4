/**
 * GET /api/v1/search on PGlite with the sample content: events and merchants by characters or
 * pinyin initials, ranked by src/domain/search, events not yet over first; the index follows a
 * new import; pinyin keys made here equal the app's build-time keys; bad input → 400 in Chinese;
 * anonymous, with the per-IP rate limit.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { importParsedFiles } from '../src/content/import'
import { inMemoryFile } from '../src/content/source-files'
import { pinyinKeysOf } from '../src/search/pinyin-keys'
import { STATIC_SEARCH_KEYS } from '../../src/domain/search/static-keys'
import { HAS_CHINESE, startHarness, type Harness } from './helpers/harness'

let h: Harness

before(async () => {
  h = await startHarness()
})
after(() => h.close())

interface Hit {
  kind: 'event' | 'merchant'
  id: string
  title: string
  subtitle?: string
  route: { key: string; params?: Record<string, string> }
  reason: string
  upcoming?: boolean
}

async function search(query: string, extra = ''): Promise<{ data: Hit[]; meta: { query: string; limit: number; total: { events: number; merchants: number } } }> {
  const response = await h.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(query)}${extra}` })
  assert.equal(response.statusCode, 200, response.body)
  return response.json()
}

/** An all-day event at 鹿鸣大草坪, as an operator's import file writes it. */
function festival(id: string, title: string, start: string, end: string) {
  return {
    id,
    type: 'concert',
    title,
    county: '330802',
    venue: { name: '鹿鸣大草坪', address: '柯城区鹿鸣公园', lng: 118.8525, lat: 28.9535, coordinateSystem: 'gcj02', coordinateStatus: 'provisional' },
    allDay: true,
    start,
    end,
    admission: { kind: 'unknown' },
    organiser: null,
    provenance: { source: '衢州市文广旅游局 2025-04-01 公告（搜索测试）', status: 'confirmed', sample: false },
  }
}

describe('GET /api/v1/search', () => {
  test('"xf" finds the 2025 新蜂音乐节 by its initials, with where it leads', async () => {
    const { data, meta } = await search('xf')
    const found = data.find((item) => item.title === '2025新蜂音乐节')
    assert.deepEqual(found && { kind: found.kind, reason: found.reason, route: found.route, upcoming: found.upcoming }, {
      kind: 'event',
      reason: 'initials-contains',
      route: { key: 'event-detail', params: { id: 'xinfeng-music-festival-2025' } },
      upcoming: false,
    })
    assert.match(found!.subtitle ?? '', /2025-05-04 至 2025-05-05 · 鹿鸣大草坪/)
    assert.deepEqual(meta.query, 'xf')
  })

  test('merchants by initials and by characters, leading to 适用商户', async () => {
    const byInitials = (await search('stm')).data.filter((item) => item.kind === 'merchant')
    assert.deepEqual(
      byInitials.map((item) => [item.title, item.reason]),
      [['示例·水亭门老字号面馆', 'initials-contains']],
    )
    assert.equal(byInitials[0].route.key, 'vouchers-merchants')
    const byCharacters = (await search('龙游')).data.filter((item) => item.kind === 'merchant').map((item) => item.title)
    assert.deepEqual(byCharacters.slice(0, 2).sort(), ['示例·龙游全民健身馆', '示例·龙游发糕坊'].sort())
  })

  test('events not yet over come first, even before a better match that is over; the index follows a new import', async () => {
    h.clock.now = new Date('2026-01-10T10:00:00+08:00')
    assert.deepEqual(
      (await search('新蜂音乐节')).data.map((item) => item.title),
      ['2025新蜂音乐节'],
    )
    const imported = await importParsedFiles(
      h.db,
      [
        inMemoryFile('search-test', {
          events: [festival('xinfeng-2024', '新蜂音乐节', '2024-05-04', '2024-05-05'), festival('xinfeng-encore-2026', '新蜂音乐节返场演出', '2026-05-02', '2026-05-03')],
        }),
      ],
      { source: 'test' },
    )
    assert.ok(imported.ok, JSON.stringify(imported))
    const { data } = await search('新蜂音乐节')
    assert.deepEqual(
      data.map((item) => [item.title, item.reason, item.upcoming]),
      [
        ['新蜂音乐节返场演出', 'title-prefix', true],
        ['新蜂音乐节', 'title-exact', false],
        ['2025新蜂音乐节', 'title-contains', false],
      ],
    )
  })

  test('limit caps each kind; meta counts every match', async () => {
    const { data, meta } = await search('示例', '&limit=2')
    assert.equal(data.filter((item) => item.kind === 'event').length, 2)
    assert.equal(data.filter((item) => item.kind === 'merchant').length, 2)
    assert.ok(meta.total.events > 2 && meta.total.merchants > 2, JSON.stringify(meta))
    assert.equal(meta.limit, 2)
  })

  test('full-width and spaced letters are the same query; punctuation alone finds nothing', async () => {
    const plain = (await search('xf')).data.map((item) => item.id)
    assert.deepEqual((await search('ＸＦ')).data.map((item) => item.id), plain)
    assert.deepEqual((await search(' x f ')).data.map((item) => item.id), plain)
    assert.deepEqual((await search('···')).data, [])
  })

  test('pinyin keys made on the server equal the app\'s build-time keys', () => {
    for (const [title, keys] of Object.entries(STATIC_SEARCH_KEYS)) assert.deepEqual(pinyinKeysOf(title), keys, title)
  })

  test('bad input → 400 with a code and a Chinese message', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/search', /请输入要搜索的内容/],
      ['/api/v1/search?q=', /请输入要搜索的内容/],
      ['/api/v1/search?q=%20%20', /请输入要搜索的内容/],
      [`/api/v1/search?q=${encodeURIComponent('衢'.repeat(31))}`, /最多 30 个字/],
      ['/api/v1/search?q=kt&limit=0', /至少为 1/],
      ['/api/v1/search?q=kt&limit=51', /最多 50/],
      ['/api/v1/search?q=kt&limit=2.5', /整数/],
      ['/api/v1/search?q=kt&limit=abc', /limit/],
      ['/api/v1/search?q=kt&page=2', /不允许的字段 page/],
    ]
    for (const [url, message] of cases) {
      const response = await h.request({ method: 'GET', url })
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`)
      const body = response.json()
      assert.equal(body.error.code, 'VALIDATION_FAILED', url)
      assert.match(body.error.message, HAS_CHINESE, url)
      assert.match(body.error.message, message, url)
    }
  })
})

test('anyone may search, within the per-IP rate limit', async () => {
  const limited = await startHarness({ RATE_LIMIT_IP_PER_MINUTE: '3' })
  try {
    const codes: number[] = []
    for (let index = 0; index < 4; index += 1) codes.push((await limited.request({ method: 'GET', url: '/api/v1/search?q=kt' })).statusCode)
    assert.deepEqual(codes, [200, 200, 200, 429])
    const refused = await limited.request({ method: 'GET', url: '/api/v1/search?q=kt' })
    assert.equal(refused.json().error.code, 'RATE_LIMITED')
    assert.match(refused.json().error.message, HAS_CHINESE)
  } finally {
    await limited.close()
  }
})
