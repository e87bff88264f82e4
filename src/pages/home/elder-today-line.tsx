import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import type { DatedEvent } from '@/domain/events/calendar'
import { formatShanghai } from '@/domain/time'
import { claimAllowance, type ClaimCountsByBatch } from '@/domain/vouchers/my-claims'
import type { RoundsByWhen, TodayRound } from '@/domain/vouchers/today'
import type { RouteKey } from '@/routes'
import type { RouteParams } from '@/services/navigation'
import { navigate } from '@/services/navigation'

export interface TodayLine {
  text: string
  to: RouteKey
  params?: RouteParams
}

/**
 * The one thing 长辈模式 says about today, most pressing first: reminders that are due (the person
 * asked for them), then a voucher round open or opening today that the person can still claim
 * from (not one whose per-person limit they have used up), then today's first event. No
 * countdown here: 适老化 asks for no time pressure.
 */
export function mostImportantToday(input: {
  dueReminders: number
  rounds: RoundsByWhen | null
  /** What the signed-in resident holds per batch; null when nobody is signed in (anyone may claim). */
  claimCounts: ClaimCountsByBatch | null
  todayEvents: readonly DatedEvent[] | null
}): TodayLine | null {
  if (input.dueReminders > 0) return { text: `您有 ${input.dueReminders} 个提醒到时间了`, to: 'my-reminders' }
  const counts = input.claimCounts
  const claimable = ({ batch, view }: TodayRound) => !counts || claimAllowance(batch, view.round.id, counts[batch.id]).limitReached === null
  const listed = input.rounds ? [...input.rounds.openingToday, ...input.rounds.openNow].filter(claimable) : []
  const open = listed.find(({ view }) => view.phase === 'open')
  if (open) return { text: `消费券正在开抢：${open.batch.title}`, to: 'vouchers' }
  const upcoming = listed.find(({ view }) => view.phase === 'upcoming')
  if (upcoming)
    return { text: `今天 ${formatShanghai(upcoming.view.opensAtMs, 'HH:mm')} 消费券开抢：${upcoming.batch.title}`, to: 'vouchers' }
  const event = input.todayEvents?.find((item) => !item.occurrence.cancelled)
  if (event)
    return {
      text: `今天的活动：${event.event.title}`,
      to: 'event-detail',
      params: { id: event.event.id, date: event.occurrence.startDate },
    }
  return null
}

export function ElderTodayLine({ line }: { line: TodayLine | null }) {
  if (!line) return null
  return (
    <View className='home-today' role='region' aria-label='今天'>
      <Pressable
        className='home-today__line'
        role='link'
        label={`${line.text}，去看看`}
        onPress={() => void (line.params ? navigate(line.to, line.params) : navigate(line.to))}
      >
        {line.text} ›
      </Pressable>
    </View>
  )
}
