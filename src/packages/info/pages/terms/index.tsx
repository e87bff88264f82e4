import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { InfoLinks, NoticeView } from '@/packages/info/components/notice-view'
import { TERMS_SECTIONS } from '@/packages/info/notices'
import { shareMessage, shareTimeline } from '@/services/share'
import '@/packages/info/info.scss'

/** 用户协议: what the app is, what provisional figures mean, the rules of vouchers and merchants. */
export default function TermsPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('info-terms', '衢惠通用户协议')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  return (
    <PageShell label='用户协议'>
      <View className='card'>
        <View className='title' role='heading' aria-level={1}>
          衢惠通用户协议
        </View>
      </View>
      <NoticeView sections={TERMS_SECTIONS} />
      <InfoLinks except='info-terms' />
    </PageShell>
  )
}
