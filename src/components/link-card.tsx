import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Pressable } from './pressable'

export interface CardLink {
  key: string
  /** What the button shows. */
  text: ReactNode
  /** What a screen reader says: where the link goes. */
  label: string
  onPress: () => void
}

/**
 * A card of secondary buttons that act as links (the clause table of contents, the basket's
 * "再加一件"). With `navigation` the card is announced as a navigation landmark named by its title.
 */
export function LinkCard(props: { title: string; listClassName: string; itemClassName?: string; navigation?: boolean; links: readonly CardLink[] }) {
  const { title, listClassName, itemClassName, navigation = false, links } = props
  const itemClass = itemClassName ? `button button--secondary ${itemClassName}` : 'button button--secondary'
  return (
    <View className='card' role={navigation ? 'navigation' : undefined} aria-label={navigation ? title : undefined}>
      <View className='title'>{title}</View>
      <View className={listClassName}>
        {links.map((link) => (
          <Pressable key={link.key} className={itemClass} role='link' label={link.label} onPress={link.onPress}>
            {link.text}
          </Pressable>
        ))}
      </View>
    </View>
  )
}
