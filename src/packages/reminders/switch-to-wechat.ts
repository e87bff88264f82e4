/**
 * 改用微信通知 in 我的提醒, for a reminder kept in-app: WeChat is asked for the reminder's
 * template synchronously, inside the tap (WECHAT.md), and its answer is recorded as credits with
 * POST /me/subscriptions; the server spends them on this resident's reminders of that template,
 * earliest fire time first (docs/api-reminders.md). Apart from services/remind-me.ts so this
 * page does not load the template schema.
 */
import { remindersApi, type ReminderTemplateInfo, type ReminderView } from '@/services/api/reminders'
import { requestSubscribe, subscribeMessagesSupported } from '@/services/platform/subscribe'
import { loadMyReminders } from '@/store/reminders'

/** weapp, the template configured by the operator, the reminder active with something left to fire. */
export function canSwitchToWechat(reminder: ReminderView, info: ReminderTemplateInfo | undefined): boolean {
  return (
    subscribeMessagesSupported &&
    info?.wechat === true &&
    reminder.channel === 'in-app' &&
    reminder.status === 'active' &&
    // A 公布时提醒 not yet published has no fire time yet, but will have one.
    (reminder.nextFireAt !== null || reminder.targetAt === null)
  )
}

/** Call in the tap. Resolves with the sentence to show. */
export function switchToWechat(reminder: ReminderView): Promise<string> {
  const templateIds = [reminder.templateId]
  const answer = requestSubscribe(templateIds)
  return answer.then(async (result) => {
    const record = result !== null && typeof result === 'object' ? (result as Record<string, unknown>) : null
    const { subscribe } = await remindersApi.recordSubscriptions({ templateIds, result: record })
    await loadMyReminders(true)
    return subscribe.message
  })
}
