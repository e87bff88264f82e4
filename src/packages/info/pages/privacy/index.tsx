import { View } from '@tarojs/components'
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { InfoPage, infoPageShare } from '@/packages/info/components/info-page'
import { NoticeView } from '@/packages/info/components/notice-view'
import { PRIVACY_SECTIONS, PRIVACY_UPDATED_ON } from '@/packages/info/notices'
import '@/packages/info/info.scss'

const SHARE = infoPageShare('info-privacy')

/** 隐私政策: what is collected, why, how long it is kept, how to delete it (notices.ts). */
export default function PrivacyPage() {
  useShareAppMessage(SHARE.message)
  useShareTimeline(SHARE.timeline)
  return (
    <InfoPage
      page='info-privacy'
      intro={
        <>
          <View className='caption'>更新于 {PRIVACY_UPDATED_ON.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}</View>
          <View className='notice__paragraph'>我们只收集提供服务必需的信息。下面逐项说明收集什么、为什么、保存多久，以及怎样删除。</View>
        </>
      }
    >
      <NoticeView sections={PRIVACY_SECTIONS} />
    </InfoPage>
  )
}
