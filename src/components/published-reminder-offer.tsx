/**
 * 公布时提醒 offer (issue 13), for any answer that is 待官方确认 because a rule is not published: a
 * 2026 trade-in measure's rule (家居, 电动自行车, 家装 / 智能家居 …) or the next 衢城畅行 period. The
 * reminder lives on the server and fires when an operator import publishes the rule, so it needs
 * an account — asked only in the tap, never before (anonymous first). Where no sign-in is possible
 * (a production H5 build has no WeChat login) the offer says why instead of a button that must fail.
 *
 * Usage: <PublishedReminderOffer topic='furniture' /> · <PublishedReminderOffer topic='toll-period' />
 */
import { View } from '@tarojs/components'
import { MEASURE_LABEL } from '@/domain/policy/subsidy-vocabulary'
import { parsePublishedSubject, publishedSubjectId, publishedSubjectTitle, type PublishedTopic } from '@/domain/reminders/published-subjects'
import { RemindMe } from './remind-me'

export interface PublishedReminderOfferProps {
  /** A measure whose rule for the current period is not published, or 'toll-period' (衢城畅行). */
  topic: PublishedTopic
}

/** What is not known yet, in the resident's words. */
export function unpublishedText(topic: PublishedTopic): string {
  if (topic === 'toll-period') return '“衢城畅行”新的实施期官方尚未公布，是否延续待官方确认。'
  return `${MEASURE_LABEL[topic]}补贴的新规则官方尚未公布（待官方确认）。`
}

export function PublishedReminderOffer({ topic }: PublishedReminderOfferProps) {
  const subjectId = publishedSubjectId(topic)
  return (
    <View className='published-offer'>
      <RemindMe
        kind='rule-published'
        subjectId={subjectId}
        subjectTitle={publishedSubjectTitle(parsePublishedSubject(subjectId)!)}
        action='公布时提醒我'
        intro={<View>{unpublishedText(topic)}</View>}
        hint='官方公布后，会通过微信通知或在「我的提醒」里告诉你；设置时需要登录。'
      />
    </View>
  )
}
