import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
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
 * below the tabs get a title bar with 返回 (TitleBar).
 */
export function PageShell({ children, label, className }: PageShellProps) {
  const elderMode = usePreferencesStore((state) => state.elderMode)
  const fontScale = usePreferencesStore((state) => state.fontScale)
  const classes = ['page', elderMode ? 'page--elder' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} style={{ '--font-scale': String(fontScale) } as Record<string, string>} role='main' aria-label={label}>
      <TitleBar title={label} />
      {children}
      <PrivacySheet />
    </View>
  )
}
