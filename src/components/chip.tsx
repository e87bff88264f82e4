import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Pressable } from './pressable'
import './event-ui.scss'

export interface ChipProps {
  /** Spoken name; the visible text may carry marks that are hidden from screen readers. */
  label: string
  role: 'checkbox' | 'radio'
  checked: boolean
  onPress: () => void
  children: ReactNode
}

/** A small choice (filter, year) that says its state with a mark and a border, never colour alone. */
export function Chip({ label, role, checked, onPress, children }: ChipProps) {
  return (
    <Pressable className={`chip${checked ? ' chip--on' : ''}`} role={role} checked={checked} label={label} onPress={onPress}>
      <Text className='chip__state' aria-hidden>
        {checked ? '✓' : role === 'radio' ? '○' : '□'}
      </Text>
      {children}
    </Pressable>
  )
}
