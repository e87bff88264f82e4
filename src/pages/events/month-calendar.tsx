/**
 * The month grid of the 活动 tab: weeks start on Monday; 休 (public holiday) and 班 (调休 working
 * day) are badges in words, today says 今, each day's event types are marks that differ in shape
 * as well as colour, and every day has a spoken label ("5月4日 周日，2 个活动：…").
 *
 * Speed: the page builds the month once (domain `monthView`: grid, day index and dots in one
 * pass); cells are memoised on their own props, so selecting a day re-renders two cells, not 42.
 */
import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import type { CalendarDay, DatedEvent, MonthView } from '@/domain/events/calendar'
import type { DateString } from '@/domain/time'
import { dayCellLabel, EVENT_TYPE_MARK, EVENT_TYPE_SHORT } from '@/components/event-format'
import { Pressable } from '@/components/pressable'
import { EVENT_TYPES, type EventType } from '@/domain/events/event-basics'

const WEEKDAY_HEADERS = ['一', '二', '三', '四', '五', '六', '日'] as const
const MAX_MARKS = 3

export function countCancelled(list: readonly DatedEvent[]): number {
  let cancelled = 0
  for (const item of list) if (item.occurrence.cancelled) cancelled += 1
  return cancelled
}

interface DayCellProps {
  day: CalendarDay
  count: number
  cancelled: number
  types: readonly EventType[] | undefined
  selected: boolean
  onSelect: (date: DateString) => void
}

const DayCell = memo(function DayCell({ day, count, cancelled, types, selected, onSelect }: DayCellProps) {
  const classes = [
    'calendar__day',
    day.inMonth ? '' : 'calendar__day--outside',
    day.isToday ? 'calendar__day--today' : '',
    selected ? 'calendar__day--selected' : '',
    day.holiday.badge === '休' ? 'calendar__day--holiday' : '',
  ]
    .filter(Boolean)
    .join(' ')
  const marks = types ?? []
  return (
    <Pressable
      className={classes}
      role='radio'
      checked={selected}
      label={dayCellLabel(day, count, types, cancelled)}
      onPress={() => onSelect(day.date)}
    >
      <View className='calendar__day-top'>
        <Text className='calendar__number'>{day.day}</Text>
        {day.holiday.badge ? (
          <Text className={`calendar__badge calendar__badge--${day.holiday.badge === '休' ? 'rest' : 'work'}`}>{day.holiday.badge}</Text>
        ) : null}
      </View>
      {day.isToday ? <Text className='calendar__today'>今</Text> : null}
      <View className='calendar__marks'>
        {marks.slice(0, MAX_MARKS).map((type) => (
          <Text key={type} className={`calendar__mark event-mark--${type}`}>
            {EVENT_TYPE_MARK[type]}
          </Text>
        ))}
        {marks.length > MAX_MARKS ? <Text className='calendar__mark'>+</Text> : null}
      </View>
    </Pressable>
  )
})

export interface MonthCalendarProps {
  view: MonthView
  selectedDate: DateString
  onSelect: (date: DateString) => void
}

export function MonthCalendar({ view, selectedDate, onSelect }: MonthCalendarProps) {
  const { grid, index, dots } = view
  return (
    <View className='calendar'>
      <View className='calendar__weekdays' aria-hidden>
        {WEEKDAY_HEADERS.map((name, position) => (
          <Text key={name} className={`calendar__weekday${position >= 5 ? ' calendar__weekday--weekend' : ''}`}>
            {name}
          </Text>
        ))}
      </View>
      <View className='calendar__grid' role='radiogroup' aria-label={`${grid.year}年${grid.month}月，选择日期查看当天活动`}>
        {grid.weeks.map((week) => (
          <View key={week[0].date} className='calendar__week'>
            {week.map((day) => {
              const list = index.byDate.get(day.date)
              return (
                <DayCell
                  key={day.date}
                  day={day}
                  count={list?.length ?? 0}
                  cancelled={list ? countCancelled(list) : 0}
                  types={dots[day.date]}
                  selected={day.date === selectedDate}
                  onSelect={onSelect}
                />
              )
            })}
          </View>
        ))}
      </View>
      {grid.holidayDataMissingYears.length > 0 ? (
        <View className='calendar__notice' role='note'>
          {grid.holidayDataMissingYears.join('、')} 年的节假日安排尚未收录，日历上暂不标注“休”和“班”。
        </View>
      ) : null}
      <View className='calendar__legend caption'>
        <Text className='calendar__legend-item'>
          <Text className='calendar__badge calendar__badge--rest'>休</Text> 法定节假日
        </Text>
        <Text className='calendar__legend-item'>
          <Text className='calendar__badge calendar__badge--work'>班</Text> 调休上班
        </Text>
        <Text className='calendar__legend-item'>
          <Text className='calendar__today calendar__today--legend'>今</Text> 今天
        </Text>
        {EVENT_TYPES.map((type) => (
          <Text key={type} className='calendar__legend-item'>
            <Text className={`event-mark--${type}`}>{EVENT_TYPE_MARK[type]}</Text> {EVENT_TYPE_SHORT[type]}
          </Text>
        ))}
      </View>
    </View>
  )
}
