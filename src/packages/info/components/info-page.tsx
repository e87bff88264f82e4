import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { shareMessage, shareTimeline, type ShareMessage, type ShareTimelineMessage } from '@/services/share'
import { InfoLinks } from './notice-view'

type InfoPageKey = 'info-privacy' | 'info-terms' | 'info-about'

/** The three info pages' names in one place: the screen-reader label, the first heading, the share title. */
const INFO_PAGES: Record<InfoPageKey, { label: string; heading: string; shareTitle: string }> = {
  'info-about': { label: '关于衢惠通', heading: '衢惠通', shareTitle: '关于衢惠通：数据来源和说明' },
  'info-privacy': { label: '隐私政策', heading: '衢惠通隐私政策', shareTitle: '衢惠通隐私政策' },
  'info-terms': { label: '用户协议', heading: '衢惠通用户协议', shareTitle: '衢惠通用户协议' },
}

/**
 * 转发 and 朋友圈 of an info page (routes.ts share: 'friends+timeline'); nothing personal in the path.
 * The page passes these to useShareAppMessage / useShareTimeline itself: check:weapp looks for
 * the hooks in each public page's own script.
 */
export function infoPageShare(page: InfoPageKey): { message: () => ShareMessage; timeline: () => ShareTimelineMessage } {
  const message = () => shareMessage(page, INFO_PAGES[page].shareTitle)
  return { message, timeline: () => shareTimeline(message()) }
}

interface InfoPageProps {
  page: InfoPageKey
  /** What comes under the first card's heading. */
  intro?: ReactNode
  /** The cards after the first. */
  children?: ReactNode
}

/** 关于 / 隐私政策 / 用户协议: a headed first card, the page's own cards, then links to the other info pages. */
export function InfoPage({ page, intro, children }: InfoPageProps) {
  const { label, heading } = INFO_PAGES[page]
  return (
    <PageShell label={label}>
      <View className='card'>
        <View className='title' role='heading' aria-level={1}>
          {heading}
        </View>
        {intro}
      </View>
      {children}
      <InfoLinks except={page} />
    </PageShell>
  )
}
