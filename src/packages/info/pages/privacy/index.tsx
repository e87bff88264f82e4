import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { InfoLinks, NoticeView } from '@/packages/info/components/notice-view'
import { PRIVACY_SECTIONS, PRIVACY_UPDATED_ON } from '@/packages/info/notices'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/info/info.scss'

/** 隐私政策: what is collected, why, how long it is kept, how to delete it (notices.ts). */
export default function PrivacyPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('info-privacy', '衢惠通隐私政策')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  return (
    <PageShell label='隐私政策'>
      <View className='card'>
        <View className='title' role='heading' aria-level={1}>
          衢惠通隐私政策
        </View>
        <View className='caption'>更新于 {PRIVACY_UPDATED_ON.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}</View>
        <View className='notice__paragraph'>我们只收集提供服务必需的信息。下面逐项说明收集什么、为什么、保存多久，以及怎样删除。</View>
      </View>
      <NoticeView sections={PRIVACY_SECTIONS} />
      <InfoLinks except='info-privacy' />
    </PageShell>
  )
}
