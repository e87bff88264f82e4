/**
 * 我的提醒: every reminder the resident set with 提醒我, whatever its kind (a voucher round
 * opening, a voucher expiring, an event starting, a subsidy rule set ending, a rule or 衢城畅行
 * period that is published — 公布时提醒). In-app reminders
 * whose time has come are shown first and prominently — on H5, or where WeChat messages were
 * refused, this page is how the reminder reaches the person. Each can be changed (which of the
 * kind's times to keep, pause) or cancelled.
 */
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Chip } from '@/components/chip'
import { formatFetchedAt, formatInstant } from '@/components/event-format'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { userMessage } from '@/services/api/errors'
import type { ReminderView } from '@/services/api/reminders'
import { REMINDER_KIND_SPECS } from '@/domain/reminders/kinds'
import { parsePublishedSubject } from '@/domain/reminders/published-subjects'
import { navigate } from '@/services/navigation'
import { canSwitchToWechat, switchToWechat } from '@/packages/reminders/switch-to-wechat'
import { ensureLogin } from '@/store/auth'
import { instantOf, isDue, useMyReminders, useRemindersStore } from '@/store/reminders'
import { useSessionStore } from '@/store/session'
import '@/components/event-ui.scss'
import '@/packages/reminders/reminders.scss'

/** Where each kind's subject lives in the app. */
function openSubject(reminder: ReminderView): void {
  switch (reminder.kind) {
    case 'event-starting': {
      const [id, date] = reminder.subjectId.split('@')
      void navigate('event-detail', { id, date })
      return
    }
    case 'voucher-expiring':
      void navigate('vouchers-detail', { id: reminder.subjectId })
      return
    case 'round-opening':
      void navigate('vouchers-batch', { id: reminder.subjectId.split(':')[0] })
      return
    case 'rule-set-ending':
      void navigate('subsidy')
      return
    case 'rule-published':
      void navigate(parsePublishedSubject(reminder.subjectId)?.kind === 'toll-period' ? 'etc-car' : 'subsidy')
      return
    case 'toll-period-ending':
      void navigate('etc-car')
  }
}

const CHANNEL_TEXT = { wechat: '微信通知', 'in-app': '应用内提醒（到时在本页显示）' } as const

function whenText(reminder: ReminderView): string {
  if (reminder.targetAt === null) return `${reminder.targetLabel}：尚未公布，官方公布后提醒你`
  return `${reminder.targetLabel}：${formatInstant(instantOf(reminder.targetAt))}`
}

function DueReminders({ reminders }: { reminders: ReminderView[] }) {
  if (reminders.length === 0) return null
  return (
    <View className='reminders-due' role='alert' aria-label={`${reminders.length} 个提醒到时间了`}>
      <View className='reminders-due__title'>⏰ 到时间了（{reminders.length}）</View>
      {reminders.map((reminder) => (
        <View key={reminder.id} className='reminders-due__item'>
          <View className='caption'>{reminder.kindLabel}</View>
          <View className='title'>{reminder.title}</View>
          <View>{whenText(reminder)}</View>
          <Pressable className='button' role='link' label={`查看 ${reminder.title}`} onPress={() => openSubject(reminder)}>
            去看看
          </Pressable>
        </View>
      ))}
    </View>
  )
}

/** A one-choice kind's lead times the resident may still pick: one whose time has passed cannot ring. */
function offeredOffsets(reminder: ReminderView, now: number): ReminderView['offsets'] {
  if (REMINDER_KIND_SPECS[reminder.kind].choose === 'many') return reminder.offsets
  const targetMs = instantOf(reminder.targetAt)
  return reminder.offsets.filter((offset) => offset.selected || targetMs - offset.beforeMs > now)
}

function ReminderCard({ reminder }: { reminder: ReminderView }) {
  const update = useRemindersStore((state) => state.update)
  const cancel = useRemindersStore((state) => state.cancel)
  const templateInfo = useRemindersStore((state) => state.templates[reminder.kind])
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')
  const paused = reminder.status === 'paused'

  const run = async (action: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    setMessage('')
    try {
      await action()
    } catch (error) {
      setMessage(userMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const toggleOffset = (beforeMs: number) => {
    const selected = reminder.offsets.filter((offset) => offset.selected).map((offset) => offset.beforeMs)
    const next = selected.includes(beforeMs) ? selected.filter((value) => value !== beforeMs) : [...selected, beforeMs]
    if (next.length === 0) {
      setMessage('至少保留一个提醒时间；不需要提醒了可以点“取消提醒”')
      return
    }
    void run(async () => void (await update(reminder.id, { offsetsMs: next })))
  }

  // One lead time (a round: 5 / 15 / 60 minutes before): picking another replaces it.
  const chooseOffset = (beforeMs: number) => {
    if (reminder.offsets.some((offset) => offset.selected && offset.beforeMs === beforeMs)) return
    void run(async () => void (await update(reminder.id, { offsetsMs: [beforeMs] })))
  }

  const askWechat = () => {
    if (busy) return
    // Opens WeChat's dialog now, inside the tap; the rest waits for its answer.
    const pending = switchToWechat(reminder)
    void run(async () => setNotice(await pending))
  }

  const single = REMINDER_KIND_SPECS[reminder.kind].choose === 'one'
  const offered = offeredOffsets(reminder, Date.now())
  const upcoming = reminder.nextFireAt
    ? `下次提醒：${formatInstant(instantOf(reminder.nextFireAt))}`
    : reminder.targetAt === null
      ? '官方公布时提醒'
      : '没有待发的提醒'
  return (
    <View className='card reminder-card' role='listitem' aria-label={`${reminder.kindLabel}：${reminder.title}`}>
      <View className='reminder-card__head'>
        <Text className='reminder-card__kind'>{reminder.kindLabel}</Text>
        {paused ? <Text className='reminder-card__state'>⏸ 已暂停</Text> : null}
      </View>
      <Pressable className='reminder-card__title link' role='link' label={`查看 ${reminder.title}`} onPress={() => openSubject(reminder)}>
        {reminder.title}
      </Pressable>
      <View>{whenText(reminder)}</View>
      <View className='caption'>
        {CHANNEL_TEXT[reminder.channel]} · {paused ? '暂停中，不会提醒' : upcoming}
      </View>

      {offered.length > 1 ? (
        <View
          className='reminder-card__offsets'
          role={single ? 'radiogroup' : 'group'}
          aria-label={single ? `什么时候提醒：${reminder.title}` : '什么时候提醒（可多选）'}
        >
          {offered.map((offset) => (
            <Chip
              key={offset.beforeMs}
              role={single ? 'radio' : 'checkbox'}
              label={offset.label}
              checked={offset.selected}
              onPress={() => (single ? chooseOffset(offset.beforeMs) : toggleOffset(offset.beforeMs))}
            >
              {offset.label}
            </Chip>
          ))}
        </View>
      ) : (
        <View className='caption'>
          提醒时间：
          {offered
            .filter((offset) => offset.selected)
            .map((offset) => offset.label)
            .join('、')}
        </View>
      )}

      {confirming ? (
        <View className='reminder-card__actions' role='group' aria-label='确认取消提醒'>
          <View>确定取消这个提醒吗？取消后不会再提醒。</View>
          <Pressable
            className='button'
            disabled={busy}
            onPress={() =>
              void run(async () => {
                await cancel(reminder.id)
              })
            }
          >
            确定取消
          </Pressable>
          <Pressable className='button button--secondary' onPress={() => setConfirming(false)}>
            保留提醒
          </Pressable>
        </View>
      ) : (
        <View className='reminder-card__actions'>
          <Pressable
            className='button button--secondary'
            disabled={busy}
            label={`${paused ? '恢复' : '暂停'}提醒：${reminder.title}`}
            onPress={() => void run(async () => void (await update(reminder.id, { enabled: paused })))}
          >
            {paused ? '恢复提醒' : '暂停提醒'}
          </Pressable>
          <Pressable
            className='button button--secondary'
            disabled={busy}
            label={`取消提醒：${reminder.title}`}
            onPress={() => setConfirming(true)}
          >
            取消提醒
          </Pressable>
        </View>
      )}
      {canSwitchToWechat(reminder, templateInfo) ? (
        <Pressable
          className='button button--secondary reminder-card__wechat'
          disabled={busy}
          label={`改用微信通知：${reminder.title}`}
          onPress={askWechat}
        >
          改用微信通知
        </Pressable>
      ) : null}
      {notice ? (
        <View className='caption' role='status'>
          {notice}
        </View>
      ) : null}
      {message ? (
        <View className='error-text' role='alert'>
          {message}
        </View>
      ) : null}
    </View>
  )
}

export default function MyRemindersPage() {
  const session = useSessionStore((state) => state.session)
  const { data: reminders, source, fetchedAt, error, reload } = useMyReminders(session?.userId ?? null)
  const fromCache = source === 'cache'
  const [signingIn, setSigningIn] = useState(false)
  const [signInError, setSignInError] = useState('')
  const firstShow = useRef(true)

  // Which kinds have a WeChat template (for 改用微信通知); anonymous, once.
  useEffect(() => {
    void useRemindersStore.getState().ensureLoaded()
  }, [])
  // Shown again (back from a subject's page): read again; the mount has just read it.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else if (session) void reload()
  })

  const signIn = () => {
    setSigningIn(true)
    setSignInError('')
    // Signing in changes the session, and the effect above loads the list.
    ensureLogin()
      .catch((caught: unknown) => setSignInError(userMessage(caught)))
      .finally(() => setSigningIn(false))
  }

  if (!session) {
    return (
      <PageShell label='我的提醒'>
        <View className='card'>
          <View className='title'>还没有提醒</View>
          <View>在活动、消费券的页面点“提醒我”，到时会通过微信通知或在这里提醒你。</View>
          <View className='caption'>如果以前设置过提醒，登录后可以看到。</View>
          <Pressable className='button' disabled={signingIn} onPress={signIn}>
            {signingIn ? '正在登录…' : '登录查看我的提醒'}
          </Pressable>
          {signInError ? (
            <View className='error-text' role='alert'>
              {signInError}
            </View>
          ) : null}
        </View>
      </PageShell>
    )
  }

  const now = Date.now()
  const current = (reminders ?? []).filter((reminder) => reminder.status !== 'cancelled')
  const due = current.filter((reminder) => isDue(reminder, now))
  const ordered = [...current].sort((a, b) => instantOf(a.targetAt) - instantOf(b.targetAt))

  return (
    <PageShell label='我的提醒'>
      <DueReminders reminders={due} />
      {fromCache && fetchedAt !== null ? (
        <View className='data-note data-note--warn' role='status'>
          网络不可用，显示的是 {formatFetchedAt(fetchedAt)} 保存的提醒；修改需要联网。
        </View>
      ) : null}
      {error && reminders === null ? (
        <View className='card error-text' role='alert'>
          {error}
        </View>
      ) : null}
      {reminders === null && !error ? (
        <View className='card' role='status'>
          正在加载提醒…
        </View>
      ) : null}
      {reminders !== null && ordered.length === 0 ? (
        <View className='card'>
          <View className='title'>还没有提醒</View>
          <View>在活动、消费券的页面点“提醒我”即可设置。</View>
          <Pressable className='button button--secondary' role='link' onPress={() => navigate('events')}>
            去看看活动
          </Pressable>
        </View>
      ) : null}
      {ordered.length > 0 ? (
        <View role='list' aria-label='我的提醒'>
          {ordered.map((reminder) => (
            <ReminderCard key={reminder.id} reminder={reminder} />
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
