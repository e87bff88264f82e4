import { planEventReminders } from './event-reminders'
import { buildSubscribeMessageData } from './message-data'
import { allOccurrences } from '../events/occurrences'
import { realEvents2025 } from '../events/real-events-2025'
import { EventError } from '../events/event-basics'
import { makeEvent } from '../events/test-fixtures'

describe('planEventReminders', () => {
  it('fires 1 day and 1 hour before a timed occurrence and fills a sendable message', () => {
    const event = makeEvent({ title: '江畔音乐会' })
    const plan = planEventReminders(event, allOccurrences(event)[0])
    expect(plan.subject).toBe('test-event@2025-05-04')
    expect(plan.fireTimes.map((time) => time.fireAt)).toEqual(['2025-05-03T18:30:00+08:00', '2025-05-04T17:30:00+08:00'])
    expect(buildSubscribeMessageData('event-starting', plan.payload).data).toEqual({
      thing1: { value: '江畔音乐会' },
      time2: { value: '2025年5月4日 18:30' },
      thing3: { value: '测试场地' },
      phrase4: { value: '即将开始' },
      thing5: { value: '活动即将开始，别错过' },
    })
  })

  it('counts back from 09:00 for an all-day event and shows its days as a period', () => {
    const festival = realEvents2025[0]
    const plan = planEventReminders(festival, allOccurrences(festival)[0])
    expect(plan.fireTimes.map((time) => time.fireAt)).toEqual(['2025-05-03T09:00:00+08:00', '2025-05-04T08:00:00+08:00'])
    expect(buildSubscribeMessageData('event-starting', plan.payload).data.time2.value).toBe('2025年5月4日 00:00~2025年5月5日 23:59')
  })

  it('says a changed event has changed, with the note as the remark (shortened to fit)', () => {
    const event = makeEvent({ status: 'changed', changeNote: '因场地调整，改在鹿鸣公园北侧草坪举行，请提前半小时入场' })
    const data = buildSubscribeMessageData('event-starting', planEventReminders(event, allOccurrences(event)[0]).payload).data
    expect(data.phrase4.value).toBe('有变更')
    expect(Array.from(data.thing5.value)).toHaveLength(20)
  })

  it('has none for a cancelled event', () => {
    const event = makeEvent({ status: 'cancelled', changeNote: '取消' })
    expect(() => planEventReminders(event, allOccurrences(event)[0])).toThrow(EventError)
  })
})
