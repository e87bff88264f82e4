import { expandOccurrences } from '@/domain/events/occurrences'
import { phoneCalendarParams } from '@/domain/events/phone-calendar'
import { makeEvent, weeklyMarket } from '@/domain/events/test-fixtures'
import { stubTaroApi } from '@/test/taro-api-stub'
import { addToPhoneCalendar, calendarKind } from './calendar.weapp'

type CalendarOptions = Record<string, unknown> & { success?: (result: unknown) => void; fail?: (error: unknown) => void }
const phoneCalendar = stubTaroApi<CalendarOptions>('addPhoneCalendar')

const allDay = makeEvent({ id: 'festival', title: '2025新蜂音乐节', type: 'concert', allDay: true, start: '2025-05-04', end: '2025-05-05' })
const market = weeklyMarket('market', '2025-10-11', '2025-11-29')

test('the phone calendar gets the domain parameters for the occurrence on screen, at the moment of the call', () => {
  const call = phoneCalendar((options) => options.success?.({ errMsg: 'addPhoneCalendar:ok' }))
  const [occurrence] = expandOccurrences(market, '2025-10-18', '2025-10-18')
  void addToPhoneCalendar(market, occurrence)
  // Synchronous: WeChat accepts addPhoneCalendar only inside the tap.
  expect(call).toHaveBeenCalledTimes(1)
  const { success: _success, fail: _fail, ...sent } = call.mock.calls[0][0]
  expect(sent).toEqual(phoneCalendarParams(market, occurrence))
  expect(sent).toMatchObject({
    startTime: Date.parse('2025-10-18T09:00:00+08:00') / 1000,
    endTime: Date.parse('2025-10-18T17:00:00+08:00') / 1000,
    alarmOffset: 86_400,
  })
  expect(calendarKind).toBe('phone')
})

test('an all-day event rings at 09:00 the day before, as the .ics does', async () => {
  const call = phoneCalendar((options) => options.success?.({ errMsg: 'addPhoneCalendar:ok' }))
  const [occurrence] = expandOccurrences(allDay, '2025-05-04', '2025-05-04')
  await expect(addToPhoneCalendar(allDay, occurrence)).resolves.toMatchObject({ ok: true, outcome: 'added' })
  expect(call.mock.calls[0][0]).toMatchObject({
    allDay: true,
    startTime: Date.parse('2025-05-04T00:00:00+08:00') / 1000,
    alarmOffset: 15 * 3600,
  })
})

test.each([
  [{ errMsg: 'addPhoneCalendar:fail cancel' }, 'cancelled'],
  [{ errMsg: 'addPhoneCalendar:fail auth deny' }, 'denied'],
  [{ errMsg: 'addPhoneCalendar:fail system error' }, 'failed'],
])('%o is %s, with a message', async (error, outcome) => {
  phoneCalendar((options) => options.fail?.(error))
  const [occurrence] = expandOccurrences(allDay, '2025-05-04', '2025-05-04')
  const result = await addToPhoneCalendar(allDay, occurrence)
  expect(result).toMatchObject({ ok: false, outcome })
  expect(result.message).toMatch(/[\u4e00-\u9fa5]/)
})

test('a cancelled event is never added', async () => {
  const call = phoneCalendar(() => undefined)
  const cancelled = { ...allDay, status: 'cancelled' as const, changeNote: '取消' }
  const [occurrence] = expandOccurrences(cancelled, '2025-05-04', '2025-05-04')
  await expect(addToPhoneCalendar(cancelled, occurrence)).resolves.toMatchObject({ ok: false, outcome: 'not-needed' })
  expect(call).not.toHaveBeenCalled()
})
