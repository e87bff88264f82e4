import { SUBPACKAGES, TAB_ROUTES, pageShareTable, shareConfig, shareReachOf } from '@/routes'
import { shareMessage, shareTimeline, shareTitle } from './share'

test('a share opens the route with only the given params, dropping empty ones', () => {
  expect(shareMessage('etc-stations', '衢州东收费站', { station: 'quzhoudong', empty: '', none: undefined })).toEqual({
    title: '衢州东收费站',
    path: '/packages/etc/pages/stations/index?station=quzhoudong',
  })
  expect(shareMessage('home', '衢惠通')).toEqual({ title: '衢惠通', path: '/pages/home/index' })
})

test('朋友圈 gets the same title and the query of the path', () => {
  expect(shareTimeline(shareMessage('event-detail', '活动', { id: 'a b', date: '2026-05-01' }))).toEqual({
    title: '活动',
    query: 'id=a%20b&date=2026-05-01',
  })
  expect(shareTimeline(shareMessage('home', '衢惠通'))).toEqual({ title: '衢惠通', query: '' })
})

test('long titles are cut to 30 characters with an ellipsis', () => {
  const long = '衢'.repeat(40)
  expect([...shareTitle(long)]).toHaveLength(30)
  expect(shareTitle(long).endsWith('…')).toBe(true)
  expect(shareTitle(' 短标题 ')).toBe('短标题')
})

test('a drawn picture goes in imageUrl; a picture still drawing goes in the promise WeChat waits for', async () => {
  expect(shareMessage('vouchers-batch', '券', { id: 'b1' }, { url: 'wxfile://tmp/a.png', pending: null }).imageUrl).toBe(
    'wxfile://tmp/a.png',
  )
  const drawing = shareMessage('vouchers-batch', '券', { id: 'b1' }, { url: null, pending: Promise.resolve('wxfile://tmp/b.png') })
  expect(drawing.imageUrl).toBeUndefined()
  await expect(drawing.promise).resolves.toEqual({
    title: '券',
    path: '/packages/vouchers/pages/batch/index?id=b1',
    imageUrl: 'wxfile://tmp/b.png',
  })
  const failed = shareMessage('vouchers-batch', '券', { id: 'b1' }, { url: null, pending: Promise.resolve(null) })
  await expect(failed.promise).resolves.toEqual({ title: '券', path: '/packages/vouchers/pages/batch/index?id=b1' })
})

describe('the route registry says who shares', () => {
  test.each([
    'vouchers-wallet',
    'vouchers-detail',
    'vouchers-merchant-desk',
    'my-reminders',
    'my-data',
    'subsidy-basket',
    'info-feedback',
    'mine',
  ])('%s (personal) is never shareable', (key) => {
    expect(shareReachOf(key)).toBe('none')
    expect(shareConfig(key)).toEqual({})
  })

  test.each(['home', 'subsidy', 'vouchers', 'events', 'subsidy-appliance', 'vouchers-batch', 'event-detail', 'etc-stations'])(
    '%s (public, no sign-in) goes to chats and 朋友圈',
    (key) => {
      expect(shareReachOf(key)).toBe('friends+timeline')
      expect(shareConfig(key)).toEqual({ enableShareAppMessage: true, enableShareTimeline: true })
    },
  )

  test('every page is in the table once, with its app.json path', () => {
    const table = pageShareTable()
    const count = TAB_ROUTES.length + SUBPACKAGES.reduce((sum, pkg) => sum + pkg.pages.length, 0)
    expect(table).toHaveLength(count)
    expect(new Set(table.map((row) => row.page)).size).toBe(count)
    expect(table).toContainEqual({ key: 'vouchers-batch', page: 'packages/vouchers/pages/batch/index', share: 'friends+timeline' })
  })
})
