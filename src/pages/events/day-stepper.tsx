/**
 * The 活动 tab in 长辈模式: seven day cells cannot be 60 px wide on a phone, so instead of the month
 * grid it shows one day at a time, with large 前一天 / 今天 / 后一天 buttons and 前一周 / 后一周
 * for a day further away (no date wheel: buttons are simpler to use, and the main package keeps
 * its bytes). What the grid says with badges and marks is said here in words beside them:
 * 今天, 休 or 班 with the holiday's name, and each kind of event on the day.
 */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { EVENT_TYPE_MARK, eventCountWords, formatDate, holidayWords } from '@/components/event-format'
import { Pressable } from '@/components/pressable'
import type { CalendarDay } from '@/domain/events/calendar'
import { dateOfDayNumber, dayNumberOf } from '@/domain/time/shanghai'
import { EVENT_TYPE_LABEL, type EventType } from '@/domain/events/event-basics'
import type { DateString } from '@/domain/time'

export interface DayStepperProps {
  date: DateString
  today: DateString
  /** The chosen day as the month grid knows it (holiday), when its month is loaded. */
  day: CalendarDay | undefined
  /** The day's events after the filters: how many, how many cancelled, their kinds. */
  count: number
  cancelled: number
  types: readonly EventType[] | undefined
  /** The chosen day's month is still loading: its count is not known yet. */
  loading: boolean
  /** Whether the holiday table lacks the chosen day's year (no 休/班 can be said). */
  holidayDataMissing: boolean
  onSelect: (date: DateString) => void
  /** The month's count or 正在加载…, and the filters: the same controls as the month view. */
  status: string
  filterToggle: ReactNode
  filterPanel: ReactNode
}

export function DayStepper(props: DayStepperProps) {
  const { date, today, day, loading, count, cancelled, types, holidayDataMissing, onSelect, status, filterToggle, filterPanel } = props
  const dayNumber = dayNumberOf(date)
  // A row of days (a day either way, back to today) and a row of weeks, for a day further off.
  const steps = [
    { text: '‹ 前一天', name: '前一天', date: dateOfDayNumber(dayNumber - 1) },
    { text: '今天', name: '今天', date: today },
    { text: '后一天 ›', name: '后一天', date: dateOfDayNumber(dayNumber + 1) },
    { text: '« 前一周', name: '前一周', date: dateOfDayNumber(dayNumber - 7) },
    { text: '后一周 »', name: '后一周', date: dateOfDayNumber(dayNumber + 7) },
  ]
  const holiday = day ? holidayWords(day) : null
  return (
    <View className='events-day'>
      <View className='events-day__date' role='heading' aria-level={2}>
        {formatDate(date, { withYear: true })}
      </View>
      <View className='events-day__facts'>
        {date === today ? <View className='events-day__fact events-day__today'>今天</View> : null}
        {holiday ? (
          <View className='events-day__fact'>
            <Text className={`calendar__badge calendar__badge--${day?.holiday.badge === '休' ? 'rest' : 'work'}`} aria-hidden>
              {day?.holiday.badge}
            </Text>{' '}
            {holiday}
          </View>
        ) : null}
        {loading ? null : <View className='events-day__fact'>{eventCountWords(count, cancelled)}</View>}
        {count > 0 && types && types.length > 0 ? (
          <View className='events-day__kinds'>
            {types.map((type) => (
              <View key={type} className='events-day__fact'>
                <Text className={`event-mark--${type}`} aria-hidden>
                  {EVENT_TYPE_MARK[type]}
                </Text>{' '}
                {EVENT_TYPE_LABEL[type]}
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {holidayDataMissing ? (
        <View className='calendar__notice' role='note'>
          {date.slice(0, 4)} 年的节假日安排尚未收录，这里暂不标注“休”和“班”。
        </View>
      ) : null}
      {[steps.slice(0, 3), steps.slice(3)].map((row) => (
        <View key={row[0].name} className='events-day__steps'>
          {row.map((step) => (
            <Pressable
              key={step.name}
              className='button button--secondary events-day__step'
              label={`${step.name}，${formatDate(step.date)}`}
              onPress={() => onSelect(step.date)}
            >
              {step.text}
            </Pressable>
          ))}
        </View>
      ))}
      <View className='events-month__actions'>
        <View className='caption' role='status'>
          {status}
        </View>
        {filterToggle}
      </View>
      {filterPanel}
    </View>
  )
}
