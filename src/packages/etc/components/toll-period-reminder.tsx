/**
 * The 衢城畅行 reminders (issue 14), by where the period in force stands today (clause 二十六):
 * within a period with a known last day, 结束前提醒我 (kind 'toll-period-ending', 7 or 1 day before);
 * after the last known period, 续期公布时提醒 (rule-published 'toll-period', fired by the import of a
 * new period). Nothing before the scheme starts or while the period has no end.
 */
import { RemindMe } from '@/components/remind-me'
import { PublishedReminderOffer } from '@/components/published-reminder-offer'
import type { SchemePeriodStatus } from '@/domain/etc/scheme-period'
import { TOLL_PERIOD_SUBJECT } from '@/domain/reminders/published-subjects'
import { dayNumberOf, shanghaiMidnightMs } from '@/domain/time/shanghai'

export function TollPeriodReminder({ period }: { period: SchemePeriodStatus }) {
  if (period.state === 'after-period') return <PublishedReminderOffer topic='toll-period' />
  if (period.state !== 'in-period' || period.period.to === null) return null
  return (
    <RemindMe
      kind='toll-period-ending'
      subjectId={TOLL_PERIOD_SUBJECT}
      subjectTitle='“衢城畅行”实施期结束'
      targetMs={shanghaiMidnightMs(dayNumberOf(period.period.to) + 1)}
      action='结束前提醒我'
      hint={`“衢城畅行”已知实施期到 ${period.period.to}；结束前提醒你，官方延续与否以公布为准。设置时需要登录。`}
    />
  )
}
