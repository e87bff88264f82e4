/** H5 加入手机日历: the .ics from the domain, offered as a download with an ASCII file name. */
import ICAL from 'ical.js'
import { eventToIcs } from '@/domain/events/ics'
import { expandOccurrences } from '@/domain/events/occurrences'
import { weeklyMarket } from '@/domain/events/test-fixtures'
import { addToPhoneCalendar, calendarKind } from './calendar'

const market = weeklyMarket('market', '2025-10-11', '2025-11-29')

/** jsdom's Blob has no text(): read it the old way. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })
}

let blobs: Blob[]
let clicked: { href: string; download: string }[]

beforeEach(() => {
  blobs = []
  clicked = []
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob)
    return `blob:test/${blobs.length}`
  })
  URL.revokeObjectURL = jest.fn()
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download })
  })
})

afterEach(() => jest.restoreAllMocks())

test('downloads the occurrence as an .ics that parses, named in ASCII', async () => {
  const [occurrence] = expandOccurrences(market, '2025-10-18', '2025-10-18')
  const result = await addToPhoneCalendar(market, occurrence)
  expect(result).toMatchObject({ ok: true, outcome: 'downloaded' })
  expect(result.message).toContain('quhuitong-market-20251018.ics')
  expect(clicked).toEqual([{ href: 'blob:test/1', download: 'quhuitong-market-20251018.ics' }])
  expect(blobs[0].type).toBe('text/calendar;charset=utf-8')
  const text = await readText(blobs[0])
  expect(text.replace(/DTSTAMP:\d+T\d+Z/, '')).toBe(eventToIcs(market, occurrence).replace(/DTSTAMP:\d+T\d+Z/, ''))
  const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!)
  expect(vevent.summary).toBe('南孔市集')
  expect(vevent.startDate.toString()).toBe('2025-10-18T09:00:00')
  expect(calendarKind).toBe('ics')
})

test('a cancelled event is not offered as a file', async () => {
  const cancelled = { ...market, status: 'cancelled' as const, changeNote: '取消' }
  const [occurrence] = expandOccurrences(cancelled, '2025-10-18', '2025-10-18')
  await expect(addToPhoneCalendar(cancelled, occurrence)).resolves.toMatchObject({ ok: false, outcome: 'not-needed' })
  expect(clicked).toEqual([])
})
