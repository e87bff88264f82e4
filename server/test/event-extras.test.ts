/**
 * GET /events/:eventId/ics (加入手机日历 on H5) parsed back with ical.js, and GET /events/progress
 * (目标进度) over the stored sample and real 2025 events; both anonymous, both with ETags.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ICAL from 'ical.js'
import { generateSampleContent } from '../content/sample/generate'
import { realEvents2025 } from '../../src/domain/events'
import { HAS_CHINESE, startHarness, type Harness } from './helpers/harness'

let h: Harness
before(async () => {
  h = await startHarness()
})
after(() => h.close())

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { calendar, vevent, event: new ICAL.Event(vevent) }
}

describe('GET /events/:eventId/ics', () => {
  test('a timed event: text/calendar, an attachment with an ASCII name, and it parses to the same instants', async () => {
    const stored = (await h.request({ method: 'GET', url: '/api/v1/events/sample-concert' })).json().data
    const response = await h.request({ method: 'GET', url: '/api/v1/events/sample-concert/ics' })
    assert.equal(response.statusCode, 200)
    assert.match(response.headers['content-type'] as string, /^text\/calendar; ?charset=utf-8$/i)
    assert.equal(response.headers['content-disposition'], 'attachment; filename="quhuitong-sample-concert.ics"')
    const { event, vevent } = parseIcs(response.body)
    assert.equal(event.summary, stored.title)
    assert.equal(event.startDate.toJSDate().getTime(), Date.parse(stored.start))
    assert.equal(event.endDate.toJSDate().getTime(), Date.parse(stored.end))
    assert.equal(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString(), '-P1D')
    assert.ok(response.body.includes('\r\n'))
  })

  test('the same event gives the same file (DTSTAMP is the import time), so the ETag answers 304', async () => {
    const first = await h.request({ method: 'GET', url: '/api/v1/events/sample-concert/ics' })
    const second = await h.request({ method: 'GET', url: '/api/v1/events/sample-concert/ics', headers: { 'if-none-match': first.headers.etag as string } })
    assert.equal(second.statusCode, 304)
    assert.equal(second.body, '')
  })

  test('a weekly market: the whole rule, or one dated occurrence with ?date=', async () => {
    const whole = parseIcs((await h.request({ method: 'GET', url: '/api/v1/events/sample-market-weekly/ics' })).body)
    assert.ok(whole.vevent.getFirstPropertyValue('rrule'), 'RRULE for the whole series')
    const first = (await h.request({ method: 'GET', url: '/api/v1/events/sample-market-weekly' })).json().data
    const date = first.start.slice(0, 10)
    const one = await h.request({ method: 'GET', url: `/api/v1/events/sample-market-weekly/ics?date=${date}` })
    assert.equal(one.statusCode, 200)
    assert.equal(one.headers['content-disposition'], `attachment; filename="quhuitong-sample-market-weekly-${date.replace(/-/g, '')}.ics"`)
    const parsed = parseIcs(one.body)
    assert.equal(parsed.vevent.getFirstPropertyValue('rrule'), null)
    assert.equal(parsed.event.startDate.toJSDate().getTime(), Date.parse(first.start))
  })

  test('an all-day real event: VALUE=DATE with the day after the last day as DTEND', async () => {
    const { event } = parseIcs((await h.request({ method: 'GET', url: '/api/v1/events/xinfeng-music-festival-2025/ics' })).body)
    assert.equal(event.startDate.isDate, true)
    assert.equal(event.startDate.toString(), '2025-05-04')
    assert.equal(event.endDate.toString(), '2025-05-06')
  })

  const bad: [string, string, number][] = [
    ['unknown event', '/api/v1/events/no-such-event/ics', 404],
    ['a day without the event', '/api/v1/events/sample-concert/ics?date=2020-01-01', 404],
    ['not a date', '/api/v1/events/sample-concert/ics?date=tomorrow', 400],
    ['no such day', '/api/v1/events/sample-concert/ics?date=2025-02-30', 400],
    ['unknown query', '/api/v1/events/sample-concert/ics?format=ical', 400],
  ]
  for (const [name, url, status] of bad) {
    test(`${name} → ${status} with a Chinese message`, async () => {
      const response = await h.request({ method: 'GET', url })
      assert.equal(response.statusCode, status)
      assert.match(response.json().error.message, HAS_CHINESE)
    })
  }
})

describe('GET /events/progress', () => {
  test('2025: each target of clause 十五 against the real 2025 events (samples never count)', async () => {
    const response = await h.request({ method: 'GET', url: '/api/v1/events/progress?year=2025' })
    assert.equal(response.statusCode, 200)
    const { data, meta } = response.json()
    assert.equal(data.year, 2025)
    assert.equal(data.published, true)
    assert.equal(data.clause, '十五')
    assert.match(data.note, /不是官方统计/)
    const byId = Object.fromEntries(data.rows.map((row: { id: string }) => [row.id, row]))
    assert.equal(byId.promotion.target, 100)
    assert.equal(byId.market.targetDisplay, '40 场以上')
    const counted = data.rows.flatMap((row: { eventIds: string[] }) => row.eventIds)
    assert.ok(counted.every((id: string) => !id.startsWith('sample-')))
    assert.deepEqual(new Set(counted), new Set(realEvents2025.filter((event) => data.rows.some((row: { eventIds: string[] }) => row.eventIds.includes(event.id))).map((event) => event.id)))
    assert.ok(counted.includes('xinfeng-music-festival-2025'))
    assert.ok(meta.eventsConsidered >= realEvents2025.length)
    assert.ok(response.headers.etag)
  })

  test('without a year: the current year in Shanghai; a year with no published targets says so', async () => {
    const current = (await h.request({ method: 'GET', url: '/api/v1/events/progress' })).json().data
    assert.equal(current.year, Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(h.clock.now)))
    const later = (await h.request({ method: 'GET', url: '/api/v1/events/progress?year=2030' })).json().data
    assert.equal(later.published, false)
    assert.deepEqual(later.rows, [])
    assert.match(later.note, HAS_CHINESE)
  })

  for (const year of ['1999', '2101', 'abc', '2025.5']) {
    test(`year=${year} → 400 in Chinese`, async () => {
      const response = await h.request({ method: 'GET', url: `/api/v1/events/progress?year=${year}` })
      assert.equal(response.statusCode, 400)
      assert.match(response.json().error.message, HAS_CHINESE)
    })
  }
})

test('the sample import holds the real 2025 events and the sample events made for today', async () => {
  const sample = generateSampleContent(h.clock.now)
  for (const event of sample.events ?? []) {
    const response = await h.request({ method: 'GET', url: `/api/v1/events/${event.id}` })
    assert.equal(response.statusCode, 200, event.id)
  }
  assert.ok(realEvents2025.every((event) => (sample.events ?? []).some((item) => item.id === event.id)))
  assert.ok((sample.events ?? []).some((event) => event.provenance?.sample && event.title.includes('示例')))
})
