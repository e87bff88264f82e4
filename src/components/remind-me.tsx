/**
 * 提醒我, the one button family for every reminder kind (issue 14): a round opening, a voucher
 * expiring, a subsidy rule set or the 衢城畅行 period ending, an event starting, and 公布时提醒
 * (published-reminder-offer.tsx is this with the 待官方确认 text above it).
 *
 * - One tap: WeChat's subscribe dialog opens inside the tap (askToSubscribe, WECHAT.md), then the
 *   store signs in if needed — asked only now, anonymous first — and saves the reminder on the
 *   server. A refusal keeps the reminder in-app and the message says so.
 * - Lead time: where the kind lets the resident pick one (a round: 5 / 15 / 60 minutes before,
 *   default 5), the choices still ahead are chips; once set, a chip edits the saved reminder.
 * - Calendar fallback where the moment is known: 加入手机日历 on weapp (addPhoneCalendar, from the
 *   tap), an .ics download on H5.
 * - The H5 build cannot sign in: it never shows a 提醒我 that can only fail; it offers the .ics or
 *   says why.
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import { reminderCalendarEntry } from '@/domain/reminders/calendar-entry'
import { firesOnPublication, REMINDER_KIND_SPECS, type ReminderKind, type ReminderOffset } from '@/domain/reminders/kinds'
import { userMessage } from '@/services/api/errors'
import { addEntryToPhoneCalendar, calendarKind } from '@/services/platform/calendar-entry'
import { canSignIn } from '@/services/platform/login'
import { navigate } from '@/services/navigation'
import { askToSubscribe, completeReminder } from '@/store/remind-me'
import { findReminder, instantOf, useCachedReminders, useRemindersStore } from '@/store/reminders'
import { useSessionStore } from '@/store/session'
import { Chip } from './chip'
import { formatInstant } from './event-format'
import { Pressable } from './pressable'

export interface RemindMeProps {
  kind: ReminderKind
  /** What the server resolves: `eventId@YYYY-MM-DD`, `batchId:roundId`, a voucher id, a rule set id, `toll-period`. */
  subjectId: string
  /** Spoken with the button, e.g. the batch's or the event's title. */
  subjectTitle: string
  /** The moment (epoch ms) when known: only lead times still ahead are offered, and the calendar. */
  targetMs?: number | null
  /** The button, e.g. '公布时提醒我', '截止前提醒我'; default '提醒我'. */
  action?: string
  /** Shown above the button (what is not known yet, for 公布时提醒). */
  intro?: ReactNode
  /** Before anything is set: what will happen. */
  hint?: string
  /** A row in a list (home 今天开抢): no hint and no calendar. */
  compact?: boolean
  /** A successful tap, e.g. to close an offer. */
  onSet?: () => void
}

export const CHANNEL_TEXT = { wechat: '微信通知', 'in-app': '应用内提醒（在「我的提醒」查看）' } as const

/** The lead times a resident may pick for this kind and moment: those whose time is still ahead. */
export function leadChoices(kind: ReminderKind, targetMs: number | null | undefined, now: number): readonly ReminderOffset[] {
  const spec = REMINDER_KIND_SPECS[kind]
  if (spec.choose !== 'one' || spec.offsets.length < 2) return []
  return targetMs == null ? spec.offsets : spec.offsets.filter((offset) => targetMs - offset.beforeMs > now)
}

function initialLead(kind: ReminderKind, choices: readonly ReminderOffset[]): number | null {
  if (choices.length === 0) return null
  const preferred = REMINDER_KIND_SPECS[kind].defaultOffsetsMs[0]
  // Too late for the default (a round 10 minutes away cannot ring an hour before): the nearest that still can.
  return choices.some((offset) => offset.beforeMs === preferred) ? preferred : choices[choices.length - 1].beforeMs
}

function signInNote(kind: ReminderKind, hasCalendar: boolean, compact: boolean): string {
  if (compact) return hasCalendar ? '网页版不能登录设置提醒，可用日历文件提醒自己。' : '网页版不能登录设置提醒，请在微信小程序里设置。'
  if (firesOnPublication(kind)) {
    return '公布时提醒保存在服务器上，官方公布新规则时才发出，所以需要登录；网页版不能登录，请在微信里打开“衢惠通”小程序设置这个提醒。'
  }
  return hasCalendar
    ? '提醒保存在服务器上，需要登录，网页版不能登录：可以下载日历文件，让手机日历到时提醒你；或在微信里打开“衢惠通”小程序设置提醒。'
    : '提醒保存在服务器上，需要登录，网页版不能登录：请在微信里打开“衢惠通”小程序设置提醒。'
}

export function RemindMe({ kind, subjectId, subjectTitle, targetMs = null, action = '提醒我', intro, hint, compact = false, onSet }: RemindMeProps) {
  const session = useSessionStore((state) => state.session)
  const existing = findReminder(useCachedReminders(session?.userId ?? null), kind, subjectId)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [now] = useState(() => Date.now())
  const choices = leadChoices(kind, targetMs, now)
  const saved = existing?.offsets.find((offset) => offset.selected && choices.some((choice) => choice.beforeMs === offset.beforeMs))?.beforeMs
  const [lead, setLead] = useState(() => initialLead(kind, choices))
  const chosen = saved ?? lead
  const passed = targetMs !== null && targetMs <= now
  const noSignIn = !session && !canSignIn()
  // A list row keeps to one button, except where the calendar is all this build can offer.
  const hasCalendar = targetMs !== null && !passed && (!compact || noSignIn)

  useEffect(() => {
    void useRemindersStore.getState().ensureLoaded()
  }, [session?.userId])

  if (passed) return null

  const remind = () => {
    if (busy) return
    // First, before anything is awaited: WeChat opens its dialog only inside the tap.
    const ask = askToSubscribe(kind, subjectId)
    setBusy(true)
    void completeReminder(ask, chosen === null ? undefined : [chosen]).then((outcome) => {
      setBusy(false)
      setMessage(outcome.message)
      void Taro.showToast({ title: outcome.message, icon: 'none', duration: 3000 })
      if (outcome.ok) onSet?.()
    })
  }

  const pickLead = (beforeMs: number) => {
    setLead(beforeMs)
    if (!existing || busy || beforeMs === saved) return
    setBusy(true)
    useRemindersStore
      .getState()
      .update(existing.id, { offsetsMs: [beforeMs] })
      .then(() => setMessage(`已改为${choices.find((choice) => choice.beforeMs === beforeMs)?.label}提醒`))
      .catch((error: unknown) => setMessage(`没能修改：${userMessage(error)}`))
      .finally(() => setBusy(false))
  }

  const addToCalendar = () => {
    if (targetMs === null) return
    // Straight from the tap: WeChat's addPhoneCalendar accepts taps only.
    const beforeMs = chosen ?? REMINDER_KIND_SPECS[kind].defaultOffsetsMs[0]
    void addEntryToPhoneCalendar(reminderCalendarEntry({ kind, subjectId, title: subjectTitle, targetMs, beforeMs })).then((result) => setMessage(result.message))
  }

  const calendarButton = hasCalendar ? (
    <Pressable
      className='button button--secondary'
      label={calendarKind === 'phone' ? `加入手机日历：${subjectTitle}` : `下载日历文件（.ics）：${subjectTitle}`}
      onPress={addToCalendar}
    >
      {calendarKind === 'phone' ? '加入手机日历' : '下载日历文件（.ics）'}
    </Pressable>
  ) : null

  const updateLabel = `更新${action.replace(/我$/, '')}`
  const selected = existing?.offsets.filter((offset) => offset.selected).map((offset) => offset.label) ?? []
  const published = existing && firesOnPublication(kind) && existing.targetAt ? `已于 ${formatInstant(instantOf(existing.targetAt))} 公布，请查看最新规则` : null
  const setText = existing
    ? `${published ?? (firesOnPublication(kind) ? '已设置：官方公布时提醒你' : `已设置提醒：${selected.join('、')}`)} · ${CHANNEL_TEXT[existing.channel]}${existing.status === 'paused' ? '（已暂停）' : ''}`
    : null

  return (
    <View className={`remind-me${compact ? ' remind-me--compact' : ''}`} role='group' aria-label={`${REMINDER_KIND_SPECS[kind].label}：${subjectTitle}`}>
      {intro}
      {noSignIn ? (
        <>
          <View className='caption' role='note'>
            {signInNote(kind, hasCalendar, compact)}
          </View>
          {calendarButton}
        </>
      ) : (
        <>
          {choices.length > 0 ? (
            <View className='remind-me__leads' role='radiogroup' aria-label={`什么时候提醒：${subjectTitle}`}>
              {choices.map((choice) => (
                <Chip key={choice.beforeMs} role='radio' label={choice.label} checked={chosen === choice.beforeMs} onPress={() => pickLead(choice.beforeMs)}>
                  {choice.label}
                </Chip>
              ))}
            </View>
          ) : null}
          <Pressable
            className={existing ? 'button button--secondary' : 'button'}
            label={`${existing ? updateLabel : action}：${subjectTitle}`}
            disabled={busy}
            onPress={remind}
          >
            {busy ? '正在设置提醒…' : existing ? updateLabel : action}
          </Pressable>
          {setText ? <View className='caption'>{setText}</View> : compact ? null : <View className='caption'>{hint ?? '到时会通过微信通知或在「我的提醒」里提醒你；设置时需要登录。'}</View>}
          {calendarButton}
        </>
      )}
      <ReminderSetOutcome message={message} isSet={Boolean(existing)} compact={compact} />
    </View>
  )
}

/** What the last tap said, and the way to 我的提醒 once there is something to manage. */
export function ReminderSetOutcome({ message, isSet, compact = false }: { message: string; isSet: boolean; compact?: boolean }) {
  return (
    <>
      {message ? (
        <View className='caption' role='status'>
          {message}
        </View>
      ) : null}
      {(isSet && !compact) || message ? (
        <Pressable className='button button--secondary' role='link' onPress={() => navigate('my-reminders')}>
          管理我的提醒
        </Pressable>
      ) : null}
    </>
  )
}
