/**
 * 活动详情: one event on one date (`?id=…&date=YYYY-MM-DD`, the occurrence's first day) — time in
 * Shanghai, venue and map, admission, organiser, a change or cancellation said first and loudly,
 * related voucher batches, 加入手机日历, 提醒我 and a share card (never tied to a reward).
 */
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { DataSourceNote } from '@/components/data-source-note'
import { EventStatusTag, SampleTag } from '@/components/event-row'
import { admissionText, EVENT_TYPE_MARK, formatDate, formatOccurrenceWhen, typeLabel } from '@/components/event-format'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { RemindMe } from '@/components/remind-me'
import { StatusBadge } from '@/components/status-badge'
import { useShareImage } from '@/components/use-share-image'
import { EVENT_STATUS_LABEL, WEEKDAY_LABEL } from '@/domain/events/event-basics'
import type { CityEvent, Venue } from '@/domain/events/model'
import { dateOfDayNumber, dayNumberOf } from '@/domain/time/shanghai'
import { expandOccurrences } from '@/domain/events/occurrences'
import { countyName } from '@/domain/events/places'
import { todayInShanghai } from '@/domain/time'
import { navigate } from '@/services/navigation'
import { routeParam } from '@/services/route-param'
import { shareMessage, shareTimeline } from '@/services/share'
import { addToPhoneCalendar, calendarKind } from '@/services/platform/calendar'
import { openVenueMap } from '@/services/platform/map'
import { loadEvent, type LoadedEvent } from '@/store/events'
import { chooseOccurrence } from '@/packages/events/choose-occurrence'
import '@/packages/events/events.scss'

function recurrenceText(event: CityEvent): string | null {
  const rule = event.recurrence
  if (!rule) return null
  const days = rule.weekdays.map((day) => WEEKDAY_LABEL[day]).join('、')
  const every = rule.interval === 1 ? '每周' : `每 ${rule.interval} 周的`
  const skipped = rule.exceptDates.length > 0 ? `；${rule.exceptDates.map((date) => formatDate(date)).join('、')}不举行` : ''
  return `${every}${days}举行，至 ${formatDate(rule.until, { withYear: true })}${skipped}`
}

function showToast(message: string) {
  if (message) void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
}

function VenueBlock({ venue, county }: { venue: Venue; county: string }) {
  return (
    <View className='event-detail__venue'>
      {venue.role ? <View className='caption'>{venue.role}</View> : null}
      <View className='event-detail__venue-name'>{venue.name}</View>
      <View className='caption'>
        {venue.address ? (venue.address.includes(county) ? venue.address : `${county} · ${venue.address}`) : county}
      </View>
      {venue.coordinateStatus === 'provisional' ? (
        <View className='caption'>⚠ 地图位置仅供参考{venue.coordinateNote ? `（${venue.coordinateNote}）` : ''}</View>
      ) : null}
      <Pressable
        className='button button--secondary event-detail__map'
        label={`在地图上查看${venue.name}`}
        onPress={() => void openVenueMap(venue).then((result) => showToast(result.message))}
      >
        查看地图
      </Pressable>
    </View>
  )
}

type LoadState = { state: 'loading' } | { state: 'missing' } | ({ state: 'ready' } & LoadedEvent)

export default function EventDetailPage() {
  const { params } = useRouter()
  const eventId = routeParam(params, 'id') ?? ''
  const date = routeParam(params, 'date') ?? undefined
  const [load, setLoad] = useState<LoadState>({ state: 'loading' })
  const [calendarMessage, setCalendarMessage] = useState('')

  useEffect(() => {
    let live = true
    void loadEvent(eventId, todayInShanghai(Date.now())).then((loaded) => {
      if (live) setLoad(loaded ? { state: 'ready', ...loaded } : { state: 'missing' })
    })
    return () => {
      live = false
    }
  }, [eventId])

  const event = load.state === 'ready' ? load.event : null
  const occurrence = useMemo(() => (event ? chooseOccurrence(event, date, Date.now()) : null), [event, date])

  // The picture says when and where (5:4, drawn on the phone); the path opens this occurrence.
  const card = useMemo(
    () =>
      event && occurrence
        ? {
            kicker: '衢州活动',
            headline: formatOccurrenceWhen(occurrence),
            lines: [event.title, `${countyName(event.county)} · ${event.venue.name}`],
          }
        : null,
    [event, occurrence],
  )
  const image = useShareImage(card)
  const share = () =>
    event && occurrence
      ? shareMessage(
          'event-detail',
          `${event.title}｜${formatOccurrenceWhen(occurrence)}`,
          { id: event.id, date: occurrence.startDate },
          image,
        )
      : shareMessage('events', '衢州活动日历：这周末去哪儿')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  if (load.state === 'loading') {
    return (
      <PageShell label='活动详情'>
        <View className='card' role='status'>
          正在加载活动…
        </View>
      </PageShell>
    )
  }
  if (load.state !== 'ready' || !event || !occurrence) {
    return (
      <PageShell label='活动详情'>
        <View className='card' role='alert'>
          <View className='title'>没有找到这个活动</View>
          <View className='caption'>它可能已被主办方撤下。可以回到活动日历看看其他活动。</View>
          <Pressable className='button' role='link' onPress={() => navigate('events')}>
            回到活动日历
          </Pressable>
        </View>
      </PageShell>
    )
  }

  const cancelled = event.status === 'cancelled'
  const ended = occurrence.endMs <= Date.now()
  const recurrence = recurrenceText(event)
  const nextDates = event.recurrence
    ? expandOccurrences(event, occurrence.startDate, dateOfDayNumber(dayNumberOf(occurrence.startDate) + 35))
        .filter((item) => item.startDate !== occurrence.startDate)
        .slice(0, 4)
    : []

  const addToCalendar = () => {
    // Called straight from the tap: WeChat's addPhoneCalendar accepts taps only.
    void addToPhoneCalendar(event, occurrence).then((result) => {
      setCalendarMessage(result.message)
      showToast(result.message)
    })
  }

  return (
    <PageShell label={`活动详情：${event.title}`} className={cancelled ? 'event-detail--cancelled' : undefined}>
      <DataSourceNote source={load.source} fetchedAt={load.fetchedAt} />

      {event.status !== 'scheduled' ? (
        <View className={`event-detail__alert event-detail__alert--${event.status}`} role='alert'>
          <View className='event-detail__alert-title'>
            {cancelled ? '✗ ' : '⚠ '}
            活动{EVENT_STATUS_LABEL[event.status]}
          </View>
          {event.changeNote ? <View>{event.changeNote}</View> : null}
        </View>
      ) : null}

      <View className='card'>
        <View className='event-row__head'>
          <Text className={`event-mark--${event.type}`} aria-hidden>
            {EVENT_TYPE_MARK[event.type]}
          </Text>
          <Text>{typeLabel(event)}</Text>
          <EventStatusTag event={event} />
          <SampleTag event={event} />
        </View>
        <View className='headline event-detail__title' role='heading' aria-level={1}>
          {event.title}
        </View>
        {event.provenance.sample ? <View className='caption'>这是示例活动，用来演示日历功能，并非真实安排。</View> : null}
        {event.summary ? <View className='event-detail__summary'>{event.summary}</View> : null}
      </View>

      <View className='card'>
        <View className='event-detail__field'>
          <View className='event-detail__label'>时间（北京时间）</View>
          <View className={cancelled ? 'event-detail__struck' : ''}>{formatOccurrenceWhen(occurrence, { withYear: true })}</View>
          {ended && !cancelled ? <View className='caption'>这一场已经结束</View> : null}
          {recurrence ? <View className='caption'>{recurrence}</View> : null}
          {nextDates.length > 0 ? (
            <View className='caption'>之后的日期：{nextDates.map((item) => formatDate(item.startDate)).join('、')}</View>
          ) : null}
        </View>
        <View className='event-detail__field'>
          <View className='event-detail__label'>地点</View>
          <VenueBlock venue={event.venue} county={countyName(event.county)} />
          {event.otherVenues.map((venue) => (
            <VenueBlock key={`${venue.name}-${venue.role ?? ''}`} venue={venue} county={countyName(event.county)} />
          ))}
        </View>
        <View className='event-detail__field'>
          <View className='event-detail__label'>门票</View>
          <View>{admissionText(event)}</View>
        </View>
        <View className='event-detail__field'>
          <View className='event-detail__label'>主办</View>
          <View>{event.organiser ?? '主办方信息暂未收录'}</View>
        </View>
        {event.tags.length > 0 ? (
          <View className='event-detail__field'>
            <View className='event-detail__label'>标签</View>
            <View>{event.tags.join('、')}</View>
          </View>
        ) : null}
      </View>

      <View className='card event-detail__actions'>
        {cancelled ? (
          <View className='caption'>活动已取消，不能再加入日历或设置提醒。</View>
        ) : ended ? (
          <View className='caption'>这一场已经结束，不能再加入日历或设置提醒。</View>
        ) : (
          <>
            <Pressable
              className='button'
              label={calendarKind === 'phone' ? '加入手机日历' : '加入手机日历：下载日历文件（.ics）'}
              onPress={addToCalendar}
            >
              加入手机日历
            </Pressable>
            {calendarKind === 'ics' ? (
              <View className='caption'>会下载一个日历文件（.ics），用手机的日历打开即可，活动前一天提醒。</View>
            ) : null}
            {calendarMessage ? (
              <View className='caption' role='status'>
                {calendarMessage}
              </View>
            ) : null}
            <RemindMe kind='event-starting' subjectId={occurrence.key} subjectTitle={event.title} />
          </>
        )}
      </View>

      {event.voucherBatchIds.length > 0 ? (
        <View className='card'>
          <View className='title'>相关消费券</View>
          {event.voucherBatchIds.map((batchId) => (
            <Pressable
              key={batchId}
              className='row link'
              role='link'
              label={`查看相关消费券 ${batchId}`}
              onPress={() => navigate('vouchers')}
            >
              消费券批次 {batchId} ›
            </Pressable>
          ))}
          <View className='caption'>领券、用券请到“消费券”页。</View>
        </View>
      ) : null}

      <View className='card caption'>
        <View>
          信息来源：{event.provenance.source} <StatusBadge status={event.provenance.status} />
        </View>
        {event.provenance.note ? <View>{event.provenance.note}</View> : null}
      </View>
    </PageShell>
  )
}
