import { InfoPage, useInfoPageShare } from '@/packages/info/components/info-page'
import { NoticeView } from '@/packages/info/components/notice-view'
import { TERMS_SECTIONS } from '@/packages/info/notices'
import '@/packages/info/info.scss'

/** 用户协议: what the app is, what provisional figures mean, the rules of vouchers and merchants. */
export default function TermsPage() {
  useInfoPageShare('info-terms', '衢惠通用户协议')
  return (
    <InfoPage page='info-terms' label='用户协议' heading='衢惠通用户协议'>
      <NoticeView sections={TERMS_SECTIONS} />
    </InfoPage>
  )
}
