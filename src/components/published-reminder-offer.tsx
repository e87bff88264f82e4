/**
 * 公布时提醒 offer (issue 13), for any answer that is 待官方确认 because a rule is not published: a
 * 2026 trade-in measure's rule (家居, 电动自行车, 家装 / 智能家居 …) or the next 衢城畅行 period. The
 * reminder lives on the server and fires when an operator import publishes the rule, so it needs
 * an account — asked only in the tap, never before (anonymous first). Where no sign-in is possible
 * (a production H5 build has no WeChat login) the offer says why instead of a button that must fail.
 *
 * Usage: <PublishedReminderOffer topic='furniture' /> · <PublishedReminderOffer topic='toll-period' />
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { MEASURE_LABEL } from '../domain/policy/subsidy-vocabulary'
import { parsePublishedSubject, publishedSubjectId, publishedSubjectTitle, type PublishedTopic } from '../domain/reminders/published-subjects'
import { canSignIn } from '../services/platform/login'
import { askToSubscribe, completeReminder } from '../services/remind-me'
import { instantOf, useRemindersStore } from '../store/reminders'
import { useSessionStore } from '../store/session'
import { formatInstant } from './event-format'
import { Pressable } from './pressable'
import { ReminderSetOutcome } from './remind-me'

export interface PublishedReminderOfferProps {
  /** A measure whose rule for the current period is not published, or 'toll-period' (衢城畅行). */
  topic: PublishedTopic
}

const CHANNEL_TEXT = { wechat: '微信通知', 'in-app': '应用内提醒（在「我的提醒」查看）' } as const

/** What is not known yet, in the resident's words. */
export function unpublishedText(topic: PublishedTopic): string {
  if (topic === 'toll-period') return '“衢城畅行”新的实施期官方尚未公布，是否延续待官方确认。'
  return `${MEASURE_LABEL[topic]}补贴的新规则官方尚未公布（待官方确认）。`
}

export function PublishedReminderOffer({ topic }: PublishedReminderOfferProps) {
  const subjectId = publishedSubjectId(topic)
  const title = publishedSubjectTitle(parsePublishedSubject(subjectId)!)
  const session = useSessionStore((state) => state.session)
  const existing = useRemindersStore((state) =>
    state.reminders?.find((item) => item.kind === 'rule-published' && item.subjectId === subjectId && item.status !== 'cancelled'),
  )
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  useEffect(() => {
    const store = useRemindersStore.getState()
    void store.loadTemplates()
    void store.load()
  }, [session?.userId])

  const remind = () => {
    if (busy) return
    // First, before anything is awaited: WeChat opens its dialog only inside the tap.
    const ask = askToSubscribe('rule-published', subjectId)
    setBusy(true)
    void completeReminder(ask).then((outcome) => {
      setBusy(false)
      setMessage(outcome.message)
      void Taro.showToast({ title: outcome.message, icon: 'none', duration: 3000 })
    })
  }

  const published = existing?.targetAt ? `已于 ${formatInstant(instantOf(existing.targetAt))} 公布，请查看最新规则` : null
  return (
    <View className='remind-me published-offer' role='group' aria-label={`公布时提醒：${title}`}>
      <View>{unpublishedText(topic)}</View>
      {!session && !canSignIn() ? (
        <View className='caption' role='note'>
          公布时提醒保存在服务器上，官方公布新规则时才发出，所以需要登录；网页版不能登录，请在微信里打开“衢惠通”小程序设置这个提醒。
        </View>
      ) : (
        <>
          <Pressable
            className={existing ? 'button button--secondary' : 'button'}
            label={`${existing ? '更新公布时提醒' : '公布时提醒我'}：${title}`}
            disabled={busy}
            onPress={remind}
          >
            {busy ? '正在设置提醒…' : existing ? '更新公布时提醒' : '公布时提醒我'}
          </Pressable>
          {existing ? (
            <View className='caption'>
              {published ?? `已设置：官方公布时提醒你 · ${CHANNEL_TEXT[existing.channel]}`}
              {existing.status === 'paused' ? '（已暂停）' : ''}
            </View>
          ) : (
            <View className='caption'>官方公布后，会通过微信通知或在「我的提醒」里告诉你；设置时需要登录。</View>
          )}
        </>
      )}
      <ReminderSetOutcome message={message} isSet={Boolean(existing)} />
    </View>
  )
}
