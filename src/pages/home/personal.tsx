import { View } from '@tarojs/components'
import { formatInstant } from '@/components/event-format'
import { Pressable } from '@/components/pressable'
import { daysBetween, formatShanghai, shanghaiDateOf, todayInShanghai } from '@/domain/time'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import type { ReminderView } from '@/services/api/reminders'
import type { WalletVoucherView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import { instantOf, isDue } from '@/store/reminders'
import { DataSourceNote } from '@/components/data-source-note'
import { ErrorRetry } from '@/components/error-retry'
import { HomeSection, MoreLink, SectionNote } from './section'
import type { RemindersPreview, WalletPreview } from './use-home-data'

export const VOUCHERS_SHOWN = 3
export const REMINDERS_SHOWN = 3

const DAY_WORDS = ['今天', '明天', '后天']

/** '今天 23:59 到期', '明天 23:59 到期', '12月3日 23:59 到期' (Shanghai). */
export function expiryWords(validTo: string, now: number = Date.now()): string {
  const ms = tryParseIsoInstant(validTo)
  if (ms === null) return '到期时间待确认'
  const days = daysBetween(todayInShanghai(now), shanghaiDateOf(ms))
  return `${DAY_WORDS[days] ?? formatShanghai(ms, 'M月D日')} ${formatShanghai(ms, 'HH:mm')} 到期`
}

/** 即将过期的券: usable vouchers that lapse within three days, soonest first. */
export function ExpiringVouchers({ data }: { data: WalletPreview }) {
  const { expiring, error, fetchedAt, source, retry } = data
  let body
  if (expiring === null)
    body = error ? <ErrorRetry className='home-error' message={error} onRetry={retry} /> : <SectionNote>正在查看您的券…</SectionNote>
  else if (expiring.length === 0) body = <SectionNote>3 天内没有要过期的券</SectionNote>
  else
    body = (
      <View role='list' aria-label='即将过期的券'>
        {expiring.slice(0, VOUCHERS_SHOWN).map((voucher: WalletVoucherView) => {
          const rule = describeVoucherRule(voucher.batch)
          const when = expiryWords(voucher.validTo)
          return (
            <View role='listitem' key={voucher.id}>
              <Pressable
                className='home-item'
                role='link'
                label={`${voucher.batch.title}，${rule}，${when}，查看券码`}
                onPress={() => void navigate('vouchers-detail', { id: voucher.id })}
              >
                <View className='home-item__title'>
                  {voucher.batch.title.includes(rule) ? voucher.batch.title : `${rule} · ${voucher.batch.title}`}
                </View>
                <View className='home-item__meta home-item__meta--warn'>⚠ {when}</View>
              </Pressable>
            </View>
          )
        })}
      </View>
    )
  return (
    <HomeSection title='即将过期的券'>
      {body}
      {expiring && source ? <DataSourceNote source={source} fetchedAt={fetchedAt} /> : null}
      <MoreLink onPress={() => void navigate('vouchers-wallet')}>
        {expiring && expiring.length > VOUCHERS_SHOWN ? `打开券包（还有 ${expiring.length - VOUCHERS_SHOWN} 张快过期）` : '打开券包'}
      </MoreLink>
    </HomeSection>
  )
}

function reminderLine(reminder: ReminderView, now: number): string {
  if (isDue(reminder, now)) return `⏰ 到时间了 · ${reminder.targetLabel} ${formatInstant(instantOf(reminder.targetAt))}`
  return reminder.nextFireAt ? `下次提醒 ${formatInstant(instantOf(reminder.nextFireAt))}` : ''
}

/** 我的提醒: how many in-app reminders are due, and the next few. */
export function MyReminders({ data }: { data: RemindersPreview }) {
  const { due, next, loaded, error, fetchedAt, source, retry } = data
  const now = Date.now()
  let body
  if (!loaded)
    body = error ? (
      <ErrorRetry className='home-error' message={`提醒暂时打不开：${error}`} onRetry={retry} />
    ) : (
      <SectionNote>正在查看您的提醒…</SectionNote>
    )
  else if (next.length === 0) body = <SectionNote>没有待提醒的事项。活动、消费券页上点“提醒我”即可设置。</SectionNote>
  else
    body = (
      <>
        <View className={due > 0 ? 'home-due' : 'caption home-note'} role='status'>
          {due > 0 ? `⏰ ${due} 个提醒到时间了` : '没有到时间的提醒'}
        </View>
        <View role='list' aria-label='最近的提醒'>
          {next.map((reminder) => (
            <View role='listitem' key={reminder.id} className='home-item'>
              <View className='home-item__title'>
                {reminder.kindLabel} · {reminder.title}
              </View>
              <View className='home-item__meta'>{reminderLine(reminder, now)}</View>
            </View>
          ))}
        </View>
      </>
    )
  return (
    <HomeSection title='我的提醒'>
      {body}
      {loaded && source ? <DataSourceNote source={source} fetchedAt={fetchedAt} /> : null}
      <MoreLink onPress={() => void navigate('my-reminders')}>打开我的提醒</MoreLink>
    </HomeSection>
  )
}

/** Without a session: one quiet line. Signing in stays the person's choice, in 我的. */
export function SignInLine() {
  return (
    <View className='card home-signin'>
      <View className='caption'>即将过期的券和我的提醒，登录后可看。</View>
      <Pressable className='link home-more' role='link' label='去“我的”登录' onPress={() => void navigate('mine')}>
        去登录
      </Pressable>
    </View>
  )
}
