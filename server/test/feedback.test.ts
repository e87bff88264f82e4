/**
 * 意见反馈 (H5): POST /api/v1/feedback stores what the person wrote, refuses what is too short,
 * too long or not text with a Chinese reason, limits each IP to a few notes per ten minutes, and
 * purges notes older than a year (the 隐私政策 says 最长 1 年).
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { FEEDBACK_PER_IP } from '../src/routes/feedback'
import { HAS_CHINESE, startHarness, type Harness } from './helpers/harness'

describe('意见反馈', () => {
  let h: Harness
  const send = (payload: unknown, ip = '203.0.113.7') => h.request({ method: 'POST', url: '/api/v1/feedback', payload: payload as object, remoteAddress: ip })
  const count = async () => (await h.db.query<{ n: number }>('select count(*)::int as n from feedback'))[0].n

  before(async () => {
    h = await startHarness({}, { seed: false })
  })
  after(() => h?.close())

  test('a note is stored with its contact and page; no sign-in needed', async () => {
    const response = await send({ content: '  活动日历的字太小了，希望能调大  ', contact: '138 0000 0000', page: 'pages/events/index' }, '203.0.113.1')
    assert.equal(response.statusCode, 201, response.body)
    const { id, keptDays } = response.json().data
    assert.equal(keptDays, 365)
    const [row] = await h.db.query<{ content: string; contact: string; page: string }>('select content, contact, page from feedback where id = $1', [id])
    assert.deepEqual(row, { content: '活动日历的字太小了，希望能调大', contact: '138 0000 0000', page: 'pages/events/index' })
  })

  for (const [label, payload, field] of [
    ['too short', { content: '不好' }, 'content'],
    ['too long', { content: '很'.repeat(501) }, 'content'],
    ['only spaces', { content: '        ' }, 'content'],
    ['a control character', { content: '字太小了\u0007请调大' }, null],
    ['a long contact', { content: '字太小了，请调大', contact: 'x'.repeat(51) }, 'contact'],
    ['an unknown field', { content: '字太小了，请调大', admin: true }, null],
    ['not text', { content: 12345 }, 'content'],
  ] as const) {
    test(`refused with a Chinese reason: ${label}`, async () => {
      const before = await count()
      const response = await send(payload, `203.0.113.${100 + label.length}`)
      assert.equal(response.statusCode, 400, response.body)
      const error = response.json().error
      // Control characters are refused for every route by the server's text guard (issue 16).
      assert.equal(error.code, label === 'a control character' ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED')
      assert.match(error.message, HAS_CHINESE)
      if (field) assert.equal(error.field, field)
      assert.equal(await count(), before)
    })
  }

  test(`an IP sends at most ${FEEDBACK_PER_IP.max} notes in ten minutes; another IP is not affected`, async () => {
    const ip = '198.51.100.9'
    for (let i = 0; i < FEEDBACK_PER_IP.max; i += 1) assert.equal((await send({ content: `第 ${i} 条建议：字再大一点` }, ip)).statusCode, 201)
    const limited = await send({ content: '再来一条建议：字再大一点' }, ip)
    assert.equal(limited.statusCode, 429)
    assert.equal(limited.json().error.code, 'RATE_LIMITED')
    assert.match(limited.json().error.message, /反馈提交太频繁/)
    assert.equal((await send({ content: '别的手机：字再大一点' }, '198.51.100.10')).statusCode, 201)
  })

  test('notes older than a year are purged when the next one arrives', async () => {
    const old = new Date(h.clock.now.getTime() - 366 * 86_400_000)
    const recent = new Date(h.clock.now.getTime() - 364 * 86_400_000)
    await h.db.query(`insert into feedback (id, content, created_at) values (gen_random_uuid(), '一年多以前的建议', $1), (gen_random_uuid(), '快一年的建议', $2)`, [old, recent])
    assert.equal((await send({ content: '今天的建议：字再大一点' }, '203.0.113.50')).statusCode, 201)
    const contents = (await h.db.query<{ content: string }>('select content from feedback')).map((row) => row.content)
    assert.ok(!contents.includes('一年多以前的建议'))
    assert.ok(contents.includes('快一年的建议'))
  })
})
