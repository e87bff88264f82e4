import { View } from '@tarojs/components'
import { DataSourceNote } from '@/components/data-source-note'
import { formatDate } from '@/components/event-format'
import { EventRowList } from '@/components/event-row'
import type { DatedEvent } from '@/domain/events/calendar'
import { navigate } from '@/services/navigation'
import { HomeSection, MoreLink, SectionNote } from './section'
import type { TodayEventsData } from './use-home-data'

/** Rows per group before "查看全部": a busy week stays a short home. */
export const EVENTS_SHOWN = 3

function EventGroup({ title, items, empty }: { title: string; items: readonly DatedEvent[]; empty: string }) {
  return (
    <View className='home-events__group'>
      <View className='home-events__subtitle' role='heading' aria-level={3}>
        {title}
      </View>
      {items.length === 0 ? <SectionNote>{empty}</SectionNote> : <EventRowList items={items.slice(0, EVENTS_SHOWN)} label={title} />}
      {/* Outside the list: a list holds only its items (axe aria-required-children). */}
      {items.length > EVENTS_SHOWN ? <SectionNote>还有 {items.length - EVENTS_SHOWN} 个</SectionNote> : null}
    </View>
  )
}

/** 今天和本周的活动: a few of each (on a Sunday, next week's), with the 活动 tab one tap away. */
export function WeekEvents({ data }: { data: TodayEventsData }) {
  const { range, lists } = data
  let body
  if (lists === null) body = <SectionNote>正在加载活动…</SectionNote>
  else if (lists === 'invalid') body = <SectionNote>活动数据暂时无法显示，请到活动页查看。</SectionNote>
  else
    body = (
      <>
        <EventGroup title='今天' items={lists.today} empty='今天没有活动' />
        {lists.ahead.nextWeek ? (
          <EventGroup
            title={`下周（${formatDate(lists.ahead.from)}–${formatDate(lists.ahead.to)}）`}
            items={lists.laterThisWeek}
            empty='下周没有活动'
          />
        ) : (
          <EventGroup title={`本周接下来（至 ${formatDate(lists.ahead.to)}）`} items={lists.laterThisWeek} empty='本周接下来没有活动' />
        )}
      </>
    )
  const total = lists && lists !== 'invalid' ? lists.today.length + lists.laterThisWeek.length : 0
  return (
    <HomeSection title='今天和本周的活动'>
      {body}
      {range ? <DataSourceNote source={range.source} fetchedAt={range.fetchedAt} /> : null}
      <MoreLink
        label={`查看全部活动${total > 0 ? `，${lists && lists !== 'invalid' && lists.ahead.nextWeek ? '今天和下周' : '本周'} ${total} 个` : ''}`}
        onPress={() => void navigate('events')}
      >
        查看全部活动 ›
      </MoreLink>
    </HomeSection>
  )
}
