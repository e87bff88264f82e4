import { View } from '@tarojs/components'
import type { EventsSource } from '../store/events'
import { formatFetchedAt } from './event-format'
import './event-ui.scss'

export interface DataSourceNoteProps {
  source: EventsSource
  fetchedAt: number | null
}

/** Where the events on screen came from, and how old they are (ARCHITECTURE.md: offline with its date). */
export function DataSourceNote({ source, fetchedAt }: DataSourceNoteProps) {
  if (source === 'bundled') {
    return (
      <View className='data-note data-note--warn' role='status'>
        暂时连不上服务器，显示的是应用内置的数据：2025 年已公开的活动和“示例”活动（示例并非真实安排）。
      </View>
    )
  }
  const when = fetchedAt === null ? '' : formatFetchedAt(fetchedAt)
  if (source === 'cache') {
    return (
      <View className='data-note data-note--warn' role='status'>
        网络不可用，显示的是上次保存的数据，数据更新于 {when}。
      </View>
    )
  }
  return <View className='data-note caption'>数据更新于 {when}</View>
}
