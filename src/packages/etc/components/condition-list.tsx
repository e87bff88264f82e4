import { Text, View } from '@tarojs/components'
import type { TollCondition } from '@/domain/etc/waiver'
import './etc-components.scss'

export interface ConditionListProps {
  checks: readonly TollCondition[]
  /** Spoken name of the list. */
  label?: string
}

const STATE = {
  passed: '✓ 符合',
  failed: '✗ 不符合',
  unknown: '？ 待官方确认',
} as const

/**
 * Every condition of clause (二十六), each marked ✓ 符合, ✗ 不符合 or ？ 待官方确认 (a period nobody
 * has announced) in words, not colour alone.
 */
export function ConditionList({ checks, label = '逐项核对' }: ConditionListProps) {
  return (
    <View className='condition-list' role='list' aria-label={label}>
      {checks.map((check) => {
        const state = check.unknown ? 'unknown' : check.passed ? 'passed' : 'failed'
        return (
          <View key={check.id} className={`condition condition--${state}`} role='listitem'>
            <Text className='condition__state'>{STATE[state]}</Text>
            <Text className='condition__text'>{check.text}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** A verdict's reasons, one sentence a line, in the order the domain gave them. */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  return (
    <View className='etc-verdict__reasons'>
      {reasons.map((reason) => (
        <View key={reason} className='etc-verdict__reason'>
          {reason}
        </View>
      ))}
    </View>
  )
}
