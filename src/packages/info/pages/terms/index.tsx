import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { InfoLinks, NoticeView } from '@/packages/info/components/notice-view'
import { TERMS_SECTIONS } from '@/packages/info/notices'
import '@/packages/info/info.scss'

/** 用户协议: what the app is, what provisional figures mean, the rules of vouchers and merchants. */
export default function TermsPage() {
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
