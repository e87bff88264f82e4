/**
 * 截止前提醒 for a subsidy rule set (issue 14, kind 'rule-set-ending'): N days before the set's last
 * day — the resident picks 7, 3 or 1 — so a purchase is not made a day too late. Nothing when the
 * set has no published end date (then nothing can be counted back from) or has ended.
 */
import { View } from '@tarojs/components'
import { dayNumberOf, shanghaiMidnightMs } from '@/domain/time/shanghai'
import { RemindMe } from './remind-me'

export interface DeadlineReminderProps {
  ruleSetId: string
  title: string
  /** The set's last day, 'YYYY-MM-DD'; null while none is published. */
  lastDay: string | null
}

export function DeadlineReminder({ ruleSetId, title, lastDay }: DeadlineReminderProps) {
  if (lastDay === null) return null
  // In force through its last day: it ends at the next Shanghai midnight (as the server counts).
  const endsAtMs = shanghaiMidnightMs(dayNumberOf(lastDay) + 1)
  if (endsAtMs <= Date.now()) return null
  return (
    <View className='deadline-reminder'>
      <View className='caption'>本套规则截止日期：{lastDay}</View>
      <RemindMe kind='rule-set-ending' subjectId={ruleSetId} subjectTitle={title} targetMs={endsAtMs} action='截止前提醒我' hint='截止前按你选的天数提醒你，别错过补贴；设置时需要登录。' />
    </View>
  )
}
