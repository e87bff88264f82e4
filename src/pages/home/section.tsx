import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Pressable } from '@/components/pressable'

/** A 首页 section: a titled region, so a screen reader can jump between them. */
export function HomeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='card home-section' role='region' aria-label={title}>
      <View className='title home-section__title' role='heading' aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  )
}

/** Loading and empty lines: said, never a blank. */
export function SectionNote({ children }: { children: ReactNode }) {
  return (
    <View className='caption home-note' role='status'>
      {children}
    </View>
  )
}

/** "查看全部 …" under a section. */
export function MoreLink({ label, onPress, children }: { label?: string; onPress: () => void; children: ReactNode }) {
  return (
    <Pressable className='link home-more' role='link' label={label} onPress={onPress}>
      {children}
    </Pressable>
  )
}
