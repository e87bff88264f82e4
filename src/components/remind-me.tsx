import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ReminderKind } from '../domain/reminders/kinds'
import { navigate } from '../services/navigation'
import { askToSubscribe, completeReminder } from '../services/remind-me'
import { useRemindersStore } from '../store/reminders'
import { Pressable } from './pressable'

export interface RemindMeProps {
  kind: ReminderKind
  /** What the server resolves: `eventId@YYYY-MM-DD`, `batchId:roundId`, a voucher id, a rule set id. */
  subjectId: string
  /** Spoken with the button, e.g. the event's title. */
  subjectTitle: string
}

const CHANNEL_TEXT = { wechat: '微信通知', 'in-app': '应用内提醒（在「我的提醒」查看）' } as const

/** 提醒我 for any reminder kind; says what was set up and where to change it. */
export function RemindMe({ kind, subjectId, subjectTitle }: RemindMeProps) {
  const existing = useRemindersStore((state) =>
    state.reminders?.find((item) => item.kind === kind && item.subjectId === subjectId && item.status !== 'cancelled'),
  )
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  useEffect(() => {
    const store = useRemindersStore.getState()
    void store.loadTemplates()
    void store.load()
  }, [])

  const remind = () => {
    if (busy) return
    // First, before anything is awaited: WeChat opens its dialog only inside the tap.
    const ask = askToSubscribe(kind, subjectId)
    setBusy(true)
    void completeReminder(ask).then((outcome) => {
      setBusy(false)
      setMessage(outcome.message)
      void Taro.showToast({ title: outcome.message, icon: 'none', duration: 3000 })
    })
  }

  const selected = existing?.offsets.filter((offset) => offset.selected).map((offset) => offset.label) ?? []
  return (
    <View className='remind-me'>
      <Pressable
        className={existing ? 'button button--secondary' : 'button'}
        label={`${existing ? '更新提醒' : '提醒我'}：${subjectTitle}`}
        disabled={busy}
        onPress={remind}
      >
        {busy ? '正在设置提醒…' : existing ? '更新提醒' : '提醒我'}
      </Pressable>
      {existing ? (
        <View className='caption'>
          已设置提醒：{selected.join('、')} · {CHANNEL_TEXT[existing.channel]}
          {existing.status === 'paused' ? '（已暂停）' : ''}
        </View>
      ) : (
        <View className='caption'>到时会通过微信通知或在「我的提醒」里提醒你；设置时需要登录。</View>
      )}
      <ReminderSetOutcome message={message} isSet={Boolean(existing)} />
    </View>
  )
}

/** What the last tap said, and the way to 我的提醒 once there is something to manage. */
export function ReminderSetOutcome({ message, isSet }: { message: string; isSet: boolean }) {
  return (
    <>
      {message ? (
        <View className='caption' role='status'>
          {message}
        </View>
      ) : null}
      {isSet || message ? (
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('my-reminders')}>
          管理我的提醒
        </Pressable>
      ) : null}
    </>
  )
}
