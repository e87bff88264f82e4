import { Text } from '@tarojs/components'
import { STATUS_LABEL, type FigureStatus } from '../domain/policy/types'
import './status-badge.scss'

export interface StatusBadgeProps {
  status: FigureStatus
}

/** 已确认 / 待官方确认 in words and shape, never colour alone. */
export function StatusBadge({ status }: StatusBadgeProps) {
  const confirmed = status === 'confirmed'
  return (
    <Text className={`status-badge ${confirmed ? 'status-badge--confirmed' : 'status-badge--provisional'}`}>
      {confirmed ? '✓ ' : '⚠ '}
      {STATUS_LABEL[status]}
    </Text>
  )
}
