import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import type { RouteKey } from '@/routes'
import { navigate } from '@/services/navigation'

export interface HomeEntry {
  key: RouteKey
  title: string
  caption: string
}

/** 首页's big entries. 券包 signs in on its own page, never here. */
export const HOME_ENTRIES: readonly HomeEntry[] = [
  { key: 'subsidy', title: '补贴计算', caption: '以旧换新能补多少' },
  { key: 'etc-car', title: 'ETC 免费查询', caption: '我的车能不能免费走' },
  { key: 'vouchers-wallet', title: '券包', caption: '已领的消费券和券码' },
  { key: 'events', title: '活动日历', caption: '市集、赛事、演出' },
]

/** 长辈模式: the four biggest things, each a tab or one tap from one. */
export const ELDER_ENTRIES: readonly HomeEntry[] = [
  { key: 'subsidy', title: '补贴计算', caption: '以旧换新能补多少' },
  { key: 'vouchers', title: '消费券', caption: '领券、用券' },
  { key: 'events', title: '活动', caption: '市集、赛事、演出' },
  { key: 'etc-car', title: 'ETC 免费查询', caption: '我的车能不能免费走' },
]

/** Tiles in a 2 × 2 grid; their size comes from the page tokens (larger in 长辈模式). */
export function HomeEntries({ entries }: { entries: readonly HomeEntry[] }) {
  return (
    <View className='home-entries' role='navigation' aria-label='常用功能'>
      {entries.map((entry) => (
        <Pressable key={entry.key} className='home-entry' role='link' label={entry.title} onPress={() => void navigate(entry.key)}>
          <View className='home-entry__title'>{entry.title}</View>
          <View className='home-entry__caption'>{entry.caption}</View>
        </Pressable>
      ))}
    </View>
  )
}
