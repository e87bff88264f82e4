/**
 * 活动 tab: what's on in Quzhou (clause 十五) — a month calendar, the chosen day's events, this
 * week's events and filters. Works without login and offline: the server's answer for the month,
 * else the phone's stored copy (with its date), else the bundled data (said so on screen).
 */
import { View } from '@tarojs/components'
import { useDidShow, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { DataSourceNote } from '@/components/data-source-note'
import { EventRowList } from '@/components/event-row'
import { formatDate } from '@/components/event-format'
// After the event pieces: every page loads event-ui.scss before status-badge.scss (weapp CSS order).
import { ClauseCard } from '@/components/clause-card'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { listOccurrences, monthGridRange, monthView, type DatedEvent, type EventFilters } from '@/domain/events/calendar'
import { pad2 } from '@/domain/time/shanghai'
import { weeksAhead } from '@/domain/events/this-week'
import { todayInShanghai, type DateString } from '@/domain/time'
import { navigate } from '@/services/navigation'
import { useEventsRange } from '@/store/events'
import { usePreferencesStore } from '@/store/preferences'
import { DayStepper } from './day-stepper'
import { activeFilterCount, EventFilterPanel } from './event-filters'
import { countCancelled, MonthCalendar } from './month-calendar'
import { shareMessage, shareTimeline } from '@/services/share'
import './index.scss'

/** Rows shown at once in a list; more on request, so a busy day never renders hundreds of rows. */
const LIST_STEP = 20
const WEEK_PREVIEW = 5

interface Month {
  year: number
  month: number
}

const monthOf = (date: DateString): Month => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) })

function shiftMonth({ year, month }: Month, delta: number): Month {
  const index = year * 12 + (month - 1) + delta
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

function useMonthData(month: Month, today: DateString) {
  const range = monthGridRange(month.year, month.month)
  const { range: data, loading } = useEventsRange(range.from, range.to, today)
  return { data, loading }
}

function EventList({ items, empty, label }: { items: readonly DatedEvent[]; empty: string; label: string }) {
  const [shown, setShown] = useState(LIST_STEP)
  if (items.length === 0) return <View className='caption events-empty'>{empty}</View>
  // 再显示 follows the list, not inside it: a list holds only its items (axe aria-required-children).
  return (
    <>
      <EventRowList items={items.slice(0, shown)} label={label} />
      {items.length > shown ? (
        <Pressable className='button button--secondary events-more' onPress={() => setShown((count) => count + LIST_STEP)}>
          再显示 {Math.min(LIST_STEP, items.length - shown)} 个（还有 {items.length - shown} 个）
        </Pressable>
      ) : null}
    </>
  )
}

const NO_EVENTS: never[] = []

export default function EventsPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('events', '衢州活动日历：这周末去哪儿')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const [today, setToday] = useState(() => todayInShanghai(Date.now()))
  const [month, setMonth] = useState<Month>(() => monthOf(today))
  const [selectedDate, setSelectedDate] = useState<DateString>(today)
  const [filters, setFilters] = useState<EventFilters>({})
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [weekExpanded, setWeekExpanded] = useState(false)

  // A tab page stays alive: when it is shown on a new day, "today" moves with it.
  useDidShow(() => setToday(todayInShanghai(Date.now())))

  const shown = useMonthData(month, today)
  const current = useMonthData(monthOf(today), today)
  const events = shown.data?.events ?? NO_EVENTS

  const view = useMemo(
    () => monthView(events, month.year, month.month, { today, filters }),
    [events, month.year, month.month, today, filters],
  )
  const dayList = view.index.on(selectedDate)

  // On a Sunday this week is all but over: the list runs on to next Sunday (issue 19 item 5).
  const week = weeksAhead(today)
  const weekEvents = current.data?.events ?? NO_EVENTS
  const weekList = useMemo(() => listOccurrences(weekEvents, week.from, week.to, filters), [weekEvents, week.from, week.to, filters])

  const goToMonth = useCallback(
    (next: Month) => {
      setMonth(next)
      const inThisMonth = `${next.year}-${pad2(next.month)}` === today.slice(0, 7)
      setSelectedDate(inThisMonth ? today : `${next.year}-${pad2(next.month)}-01`)
    },
    [today],
  )
  const onSelect = useCallback((date: DateString) => setSelectedDate(date), [])
  // 长辈模式 steps day by day: the month (and so the data loaded) follows the chosen day.
  const jumpTo = useCallback((date: DateString) => {
    setMonth(monthOf(date))
    setSelectedDate(date)
  }, [])
  const elderMode = usePreferencesStore((state) => state.elderMode)

  const filterCount = activeFilterCount(filters)
  const filtered = filterCount > 0
  const monthTotal = useMemo(() => {
    const prefix = `${month.year}-${pad2(month.month)}`
    const keys = new Set<string>()
    view.index.byDate.forEach((list, date) => {
      if (date.startsWith(prefix)) list.forEach((item) => keys.add(item.occurrence.key))
    })
    return keys.size
  }, [view, month])
  const selectedDay = useMemo(() => view.grid.weeks.flat().find((day) => day.date === selectedDate), [view, selectedDate])

  const loadingText = shown.loading && !shown.data ? '正在加载活动…' : null
  const filteredText = filtered ? '（已筛选）' : ''
  const filterToggle = (
    <Pressable
      className='link'
      role='button'
      label={`筛选${filtered ? `，已选 ${filterCount} 项` : ''}，${filtersOpen ? '收起' : '展开'}`}
      onPress={() => setFiltersOpen((open) => !open)}
    >
      筛选{filtered ? `（${filterCount}）` : ''} {filtersOpen ? '▲' : '▼'}
    </Pressable>
  )
  const filterPanel = filtersOpen ? <EventFilterPanel filters={filters} onChange={setFilters} /> : null

  return (
    <PageShell label='活动日历'>
      {shown.data ? <DataSourceNote source={shown.data.source} fetchedAt={shown.data.fetchedAt} /> : null}

      <View className='card'>
        {elderMode ? (
          <DayStepper
            date={selectedDate}
            today={today}
            day={selectedDay}
            loading={loadingText !== null}
            count={dayList.length}
            cancelled={countCancelled(dayList)}
            types={view.dots[selectedDate]}
            holidayDataMissing={view.grid.holidayDataMissingYears.includes(Number(selectedDate.slice(0, 4)))}
            onSelect={jumpTo}
            status={loadingText ?? `${month.month}月共 ${monthTotal} 个活动${filteredText}`}
            filterToggle={filterToggle}
            filterPanel={filterPanel}
          />
        ) : (
          <>
            <View className='events-month'>
              <Pressable
                className='button button--secondary events-month__step'
                label='上个月'
                onPress={() => goToMonth(shiftMonth(month, -1))}
              >
                ‹
              </Pressable>
              <View className='events-month__title' role='heading' aria-level={2}>
                {month.year}年{month.month}月
              </View>
              <Pressable
                className='button button--secondary events-month__step'
                label='下个月'
                onPress={() => goToMonth(shiftMonth(month, 1))}
              >
                ›
              </Pressable>
            </View>
            <View className='events-month__actions'>
              <Pressable className='link events-month__today' onPress={() => goToMonth(monthOf(today))}>
                回到今天
              </Pressable>
              <View className='caption' role='status'>
                {loadingText ?? `本月 ${monthTotal} 个活动${filteredText}`}
              </View>
              {filterToggle}
            </View>
            {filterPanel}
            <MonthCalendar view={view} selectedDate={selectedDate} onSelect={onSelect} />
          </>
        )}
      </View>

      <View className='card' role='region' aria-label='当天活动'>
        <View className='title'>
          {formatDate(selectedDate)}
          {selectedDate === today ? '（今天）' : ''} · {dayList.length} 个活动
        </View>
        <EventList
          key={selectedDate}
          items={dayList}
          label={`${formatDate(selectedDate)}的活动`}
          empty={filtered ? '这一天没有符合筛选条件的活动' : '这一天没有活动'}
        />
      </View>

      <View className='card' role='region' aria-label='本周活动'>
        <View className='title'>
          本周活动（{formatDate(week.from)}–{formatDate(week.nextWeek ? today : week.to)}）
          {week.nextWeek ? `及下周（至 ${formatDate(week.to)}）` : ''}
        </View>
        <EventList
          items={weekExpanded ? weekList : weekList.slice(0, WEEK_PREVIEW)}
          label='本周活动'
          empty={
            current.loading && !current.data
              ? '正在加载…'
              : filtered
                ? '本周没有符合筛选条件的活动'
                : week.nextWeek
                  ? '本周和下周都没有活动'
                  : '本周没有活动'
          }
        />
        {!weekExpanded && weekList.length > WEEK_PREVIEW ? (
          <Pressable className='button button--secondary events-more' onPress={() => setWeekExpanded(true)}>
            查看本周全部 {weekList.length} 个活动
          </Pressable>
        ) : null}
      </View>

      <View className='card events-links'>
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('event-progress')}>
          目标进度：今年承诺的活动办了多少
        </Pressable>
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('my-reminders')}>
          我的提醒
        </Pressable>
      </View>

      <ClauseCard id='十五' />
    </PageShell>
  )
}
