import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { isSinglePageMode } from '../services/platform/single-page-mode'
import { usePreferencesStore } from '../store/preferences'
import { PrivacySheet } from './privacy-sheet'
import { TitleBar } from './title-bar'

export interface PageShellProps {
  children: ReactNode
  /** Spoken name of the page for screen readers (H5) — usually the navigation title. */
  label: string
  className?: string
}

/**
 * The root of every page: applies 长辈模式 tokens and WeChat's font scale in one place, and hosts
 * the privacy-consent sheet so any page whose feature needs consent can show it. On H5, pages
 * below the tabs get a title bar with 返回 (TitleBar). Opened from 朋友圈 (单页模式: no login, no tab
 * bar, no other pages) a page says so at its top.
 */
export function PageShell({ children, label, className }: PageShellProps) {
  const elderMode = usePreferencesStore((state) => state.elderMode)
  const fontScale = usePreferencesStore((state) => state.fontScale)
  const classes = ['page', elderMode ? 'page--elder' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} style={{ '--font-scale': String(fontScale) } as Record<string, string>} role='main' aria-label={label}>
      <TitleBar title={label} />
      {isSinglePageMode() ? (
        <View className='card caption' role='note'>
          这是朋友圈里的预览。登录、领取和打开其他页面，请点屏幕下方的“前往小程序”。
        </View>
      ) : null}
      {children}
      <PrivacySheet />
    </View>
  )
}
