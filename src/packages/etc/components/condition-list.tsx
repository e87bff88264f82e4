import { Text, View } from '@tarojs/components'
import type { TollCondition } from '../../../domain/etc/waiver'
import './etc-components.scss'

export interface ConditionListProps {
  checks: readonly TollCondition[]
  /** Spoken name of the list. */
  label?: string
}

/** Every condition of clause (二十六), each marked ✓ 符合 or ✗ 不符合 in words, not colour alone. */
export function ConditionList({ checks, label = '逐项核对' }: ConditionListProps) {
  return (
    <View className='condition-list' role='list' aria-label={label}>
      {checks.map((check) => (
        <View key={check.id} className={`condition condition--${check.passed ? 'passed' : 'failed'}`} role='listitem'>
          <Text className='condition__state'>{check.passed ? '✓ 符合' : '✗ 不符合'}</Text>
          <Text className='condition__text'>{check.text}</Text>
        </View>
      ))}
    </View>
  )
}
