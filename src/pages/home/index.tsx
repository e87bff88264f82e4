import { View } from '@tarojs/components'
import { ClauseCard } from '../../components/clause-card'
import { ElderModeOffer } from '../../components/elder-mode-offer'
import { PageShell } from '../../components/page-shell'
import { Pressable } from '../../components/pressable'
import { SearchEntry } from '../../components/search-entry'
import { navigate } from '../../services/navigation'
import type { RouteKey } from '../../routes'
import './index.scss'

const ENTRIES: ReadonlyArray<{ key: RouteKey; title: string; caption: string }> = [
  { key: 'subsidy', title: '补贴计算', caption: '以旧换新能补多少' },
  { key: 'vouchers', title: '消费券', caption: '领券、用券' },
  { key: 'events', title: '活动日历', caption: '市集、赛事、演出' },
  { key: 'etc-car', title: 'ETC 免费查询', caption: '衢城畅行' },
]

export default function HomePage() {
  return (
    <PageShell label='衢惠通首页'>
      <SearchEntry />
      <ElderModeOffer />
      <View className='card'>
        <View className='headline'>衢惠通</View>
        <View className='caption'>衢州市民的惠民政策助手：以旧换新补贴、消费券、活动和高速免费通行，一处查清。</View>
      </View>
      <View className='home-entries'>
        {ENTRIES.map((entry) => (
          <Pressable key={entry.key} className='card home-entry' role='link' label={entry.title} onPress={() => navigate(entry.key)}>
            <View className='title'>{entry.title}</View>
            <View className='caption'>{entry.caption}</View>
          </Pressable>
        ))}
      </View>
      <ClauseCard id='十四' />
      <ClauseCard id='十五' />
      <ClauseCard id='二十六' />
    </PageShell>
  )
}
