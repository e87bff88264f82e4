import type { ReactNode } from 'react'
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { shareMessage, shareTimeline } from '@/services/share'
import { InfoLinks } from './notice-view'

type InfoPageKey = 'info-privacy' | 'info-terms' | 'info-about'

/**
 * 转发 and 朋友圈 of an info page (routes.ts share: 'friends+timeline'); nothing personal in the path.
 * Called from the page component itself, where WeChat looks for the share handlers.
 */
export function useInfoPageShare(key: InfoPageKey, title: string) {
  const share = () => shareMessage(key, title)
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
}

interface InfoPageProps {
  page: InfoPageKey
  /** The page title read by screen readers (PageShell label). */
  label: string
  /** The level-1 heading of the first card, and what comes under it in that card. */
  heading: string
  intro?: ReactNode
  /** The cards after the first. */
  children?: ReactNode
}

/** 关于 / 隐私政策 / 用户协议: a headed first card, the page's own cards, then links to the other info pages. */
export function InfoPage({ page, label, heading, intro, children }: InfoPageProps) {
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
