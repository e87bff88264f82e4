import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface PressableProps {
  children: ReactNode
  onPress: () => void
  /** 'link' navigates somewhere, 'button' acts here. */
  role?: 'button' | 'link' | 'tab' | 'switch' | 'checkbox' | 'radio' | 'option'
  /** Spoken name when the visible text is not enough (icon buttons must have one). */
  label?: string
  className?: string
  disabled?: boolean
  /** For switch/checkbox/radio/tab/option roles: the state, said to screen readers. */
  checked?: boolean
  selected?: boolean
}

/**
 * Anything a person taps. On weapp this is a View with a tap handler; on H5 it is also reachable
 * and usable from the keyboard (tabindex, Enter and Space) and announced with its role and state,
 * which axe-core checks in the browser tests.
 */
export function Pressable({ children, onPress, role = 'button', label, className, disabled = false, checked, selected }: PressableProps) {
  const press = () => {
    if (!disabled) onPress()
  }
  // Keyboard props reach the H5 element though Taro's ViewProps does not declare them.
  const stateProps: Record<string, unknown> = {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (event: { key?: string; preventDefault?: () => void }) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault?.()
        press()
      }
    },
  }
  if (checked !== undefined) stateProps['aria-checked'] = checked
  if (selected !== undefined) stateProps['aria-selected'] = selected
  return (
    <View className={className} role={role} aria-label={label} aria-disabled={disabled || undefined} onClick={press} {...stateProps}>
      {children}
    </View>
  )
}
