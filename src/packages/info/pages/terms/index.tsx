import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { InfoPage, infoPageShare } from '@/packages/info/components/info-page'
import { NoticeView } from '@/packages/info/components/notice-view'
import { TERMS_SECTIONS } from '@/packages/info/notices'
import '@/packages/info/info.scss'

const SHARE = infoPageShare('info-terms')

/** 用户协议: what the app is, what provisional figures mean, the rules of vouchers and merchants. */
export default function TermsPage() {
  useShareAppMessage(SHARE.message)
  useShareTimeline(SHARE.timeline)
  return (
    <InfoPage page='info-terms'>
      <NoticeView sections={TERMS_SECTIONS} />
    </InfoPage>
  )
}
