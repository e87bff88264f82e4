import { View } from '@tarojs/components'
import { appVersion } from '@/packages/info/app-version'
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { InfoPage, infoPageShare } from '@/packages/info/components/info-page'
import { EntryList } from '@/packages/info/components/notice-view'
import { DATA_SOURCES, STATUS_EXPLAINED } from '@/packages/info/data-sources'
import '@/packages/info/info.scss'

const SHARE = infoPageShare('info-about')

/** 关于: the version, where the figures come from, and what 待官方确认 means. */
export default function AboutPage() {
  useShareAppMessage(SHARE.message)
  useShareTimeline(SHARE.timeline)
  return (
    <InfoPage
      page='info-about'
      intro={
        <>
          <View className='notice__paragraph'>把衢州的以旧换新补贴、消费券、活动日历和衢城畅行 ETC 免费通行放进手机，计算器、日历和 ETC 查询不用登录。</View>
          <View className='about__row'>
            <View>版本</View>
            <View>{appVersion()}</View>
          </View>
        </>
      }
    >
      <View className='card' role='region' aria-label='数据来源'>
        <View className='title' role='heading' aria-level={2}>
          数据来源
        </View>
        <EntryList entries={DATA_SOURCES.map((item) => ({ head: item.topic, lines: [item.source] }))} />
      </View>
      <View className='card' role='region' aria-label='数字的状态'>
        <View className='title' role='heading' aria-level={2}>
          “待官方确认”是什么意思
        </View>
        <EntryList entries={STATUS_EXPLAINED.map((item) => ({ head: item.label, lines: [item.meaning] }))} />
        <View className='notice__paragraph'>计算结果是估算，实际补贴和优惠以发放方、收银台结算为准。</View>
      </View>
    </InfoPage>
  )
}
