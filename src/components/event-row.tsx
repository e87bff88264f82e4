import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import type { CityEvent } from '../domain/events/model'
import type { EventOccurrence } from '../domain/events/occurrences'
import { countyName } from '../domain/events/places'
import { navigate } from '../services/navigation'
import { admissionText, EVENT_TYPE_MARK, formatOccurrenceWhen, typeLabel } from './event-format'
import { Pressable } from './pressable'
import './event-ui.scss'

export interface EventRowProps {
  event: CityEvent
  occurrence: EventOccurrence
}

/** 已取消 / 有变更 in words and shape, never colour alone. */
export function EventStatusTag({ event }: { event: CityEvent }) {
  if (event.status === 'cancelled') return <Text className='event-tag event-tag--cancelled'>✗ 已取消</Text>
  if (event.status === 'changed') return <Text className='event-tag event-tag--changed'>⚠ 有变更</Text>
  return null
}

export function SampleTag({ event }: { event: CityEvent }) {
  return event.provenance.sample ? <Text className='event-tag event-tag--sample'>示例</Text> : null
}

/** One occurrence in a list; tapping opens the event page on that date. */
export const EventRow = memo(function EventRow({ event, occurrence }: EventRowProps) {
  const cancelled = event.status === 'cancelled'
  const when = formatOccurrenceWhen(occurrence)
  const status = cancelled ? '，已取消' : event.status === 'changed' ? '，有变更' : ''
  return (
    <Pressable
      className={`event-row event-row--${event.type}${cancelled ? ' event-row--cancelled' : ''}`}
      role='link'
      label={`${event.title}${status}，${when}，${event.venue.name}`}
      onPress={() => navigate('event-detail', { id: event.id, date: occurrence.startDate })}
    >
      <View className='event-row__head'>
        <Text className={`event-row__mark event-mark--${event.type}`} aria-hidden>
          {EVENT_TYPE_MARK[event.type]}
        </Text>
        <Text className='event-row__type'>{typeLabel(event)}</Text>
        <EventStatusTag event={event} />
        <SampleTag event={event} />
      </View>
      <View className='event-row__title'>{event.title}</View>
      <View className='event-row__meta'>{when}</View>
      <View className='event-row__meta'>
        {countyName(event.county)} · {event.venue.name} · {admissionText(event)}
      </View>
    </Pressable>
  )
})

/** Events as a list for screen readers (role=list, one listitem a row), named by `label`. */
export function EventRowList({ items, label }: { items: readonly { event: CityEvent; occurrence: EventOccurrence }[]; label: string }) {
  return (
    <View role='list' aria-label={label}>
      {items.map((item) => (
        <View role='listitem' key={item.occurrence.key}>
          <EventRow event={item.event} occurrence={item.occurrence} />
        </View>
      ))}
    </View>
  )
}
