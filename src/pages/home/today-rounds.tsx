import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import { Countdown } from '@/components/countdown'
import { Pressable } from '@/components/pressable'
import { RemindMe } from '@/components/remind-me'
import { formatShanghai, shanghaiDateOf } from '@/domain/time'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { claimAllowance, type ClaimCountsByBatch } from '@/domain/vouchers/my-claims'
import type { RoundView } from '@/domain/vouchers/rounds'
import { allRounds, type RoundsByWhen, type TodayRound } from '@/domain/vouchers/today'
import type { BatchView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import { DataSourceNote } from '@/components/data-source-note'
import { ErrorRetry } from '@/components/error-retry'
import { HomeSection, MoreLink, SectionNote } from './section'
import type { TodayRoundsData } from './use-home-data'

/** Rounds listed before "查看全部": the home stays short. */
export const ROUNDS_SHOWN = 4

function clock(ms: number, reference: number): string {
  return shanghaiDateOf(ms) === shanghaiDateOf(reference) ? formatShanghai(ms, 'HH:mm') : formatShanghai(ms, 'M月D日 HH:mm')
}

/**
 * Where a round stands, in words and a mark (never colour alone); times on another day than `at`
 * carry their date. Upcoming rounds of today add a countdown.
 */
export function roundWords(view: RoundView, at: number): string {
  const round = `第 ${view.index + 1} 轮`
  switch (view.phase) {
    case 'upcoming':
      return `○ ${round} ${clock(view.opensAtMs, at)} 开抢`
    case 'open':
      return `● ${round}进行中${view.remaining === null ? '' : `，剩 ${view.remaining} 张`}，${clock(view.closesAtMs, view.opensAtMs)} 结束`
    case 'sold-out':
      return `✗ ${round}已抢完`
    case 'closed':
      return `— ${round} ${formatShanghai(view.opensAtMs, 'HH:mm')}–${clock(view.closesAtMs, view.opensAtMs)} 已结束`
  }
}

/** 已领 n 张 for someone signed in who holds some of this batch; 已领满 when a limit is used up. */
function heldWords({ batch, view }: TodayRound, counts: ClaimCountsByBatch | null): string {
  if (!counts) return ''
  const allowance = claimAllowance(batch, view.round.id, counts[batch.id])
  if (allowance.claimed === 0) return ''
  return allowance.limitReached ? `，已领 ${allowance.claimed} 张，已领满` : `，已领 ${allowance.claimed} 张`
}

const RoundRow = memo(function RoundRow({
  item,
  at,
  counts,
  countdown,
  offsetMs,
  onCountdownDone,
}: {
  item: TodayRound<BatchView>
  at: number
  counts: ClaimCountsByBatch | null
  countdown: boolean
  offsetMs: number
  onCountdownDone: () => void
}) {
  const { batch, view } = item
  const rule = describeVoucherRule(batch)
  const words = `${roundWords(view, at)}${heldWords(item, counts)}`
  return (
    <Pressable
      className={`home-round home-round--${view.phase}`}
      role='link'
      label={`${batch.title}，${rule}，${words.slice(2)}，去消费券页`}
      onPress={() => void navigate('vouchers')}
    >
      <View className='home-round__head'>
        {batch.title.includes(rule) ? null : <Text className='home-round__rule'>{rule}</Text>}
        <Text className='home-round__title'>{batch.title}</Text>
      </View>
      <View className='home-round__state'>
        {words}
        {countdown && view.phase === 'upcoming' ? (
          <>
            ，还有 <Countdown className='home-round__countdown' until={view.opensAtMs} offsetMs={offsetMs} onDone={onCountdownDone} />
          </>
        ) : null}
      </View>
    </Pressable>
  )
})

/** 提醒我 beside an upcoming round (issue 14): 5 / 15 / 60 minutes before it opens, default 5. */
export function RoundReminder({ item: { batch, view } }: { item: TodayRound<BatchView> }) {
  const title = batch.rounds.length > 1 ? `${batch.title}（第 ${view.index + 1} 轮）` : batch.title
  return <RemindMe kind='round-opening' subjectId={`${batch.id}:${view.round.id}`} subjectTitle={title} targetMs={view.opensAtMs} compact />
}

interface RoundGroup {
  title: string
  items: TodayRound<BatchView>[]
  countdown: boolean
}

/**
 * The groups to list, in order, within ROUNDS_SHOWN rows (the next opening always shows): 今天开抢,
 * 正在抢 (open since an earlier day, with their end time), 下一场. A round that opened yesterday is
 * never listed as today's.
 */
function roundGroups(rounds: RoundsByWhen<BatchView>): RoundGroup[] {
  const today = rounds.openingToday.slice(0, ROUNDS_SHOWN)
  const now = rounds.openNow.slice(0, ROUNDS_SHOWN - today.length)
  const groups: RoundGroup[] = [
    { title: '今天开抢', items: today, countdown: true },
    { title: '正在抢', items: now, countdown: false },
    { title: '下一场', items: rounds.next ? [rounds.next] : [], countdown: false },
  ]
  return groups.filter((group) => group.items.length > 0)
}

/** The section is named by what it holds: 今天开抢 when a round opens today, else 正在抢, else 下一场开抢. */
export function roundsSectionTitle(rounds: RoundsByWhen | 'invalid' | null): string {
  if (rounds === null || rounds === 'invalid' || rounds.openingToday.length > 0) return '今天开抢'
  return rounds.openNow.length > 0 ? '正在抢' : rounds.next ? '下一场开抢' : '今天开抢'
}

/** 今天开抢 / 正在抢 / 下一场: rounds opening today with live countdowns, rounds open now, the next opening. */
export function TodayRounds({ data, counts }: { data: TodayRoundsData; counts: ClaimCountsByBatch | null }) {
  const { rounds, at, error, fetchedAt, source, offsetMs, recheck, retry } = data
  const loaded = rounds !== null && rounds !== 'invalid'
  const total = loaded ? allRounds(rounds).length : 0
  let body
  if (rounds === null)
    body = error ? <ErrorRetry className='home-error' message={error} onRetry={retry} /> : <SectionNote>正在加载今天的场次…</SectionNote>
  else if (rounds === 'invalid') body = <SectionNote>场次数据暂时无法显示，请到消费券页查看。</SectionNote>
  else if (total === 0) body = <SectionNote>今天没有开抢的场次</SectionNote>
  else {
    const groups = roundGroups(rounds)
    body = groups.map((group) => (
      <View key={group.title} className='home-rounds-group'>
        {groups.length > 1 ? <View className='home-rounds-group__title'>{group.title}</View> : null}
        <View role='list' aria-label={group.title}>
          {group.items.map((item) => (
            <View role='listitem' key={`${item.batch.id}/${item.view.round.id}`}>
              <RoundRow item={item} at={at} counts={counts} countdown={group.countdown} offsetMs={offsetMs} onCountdownDone={recheck} />
              {item.view.phase === 'upcoming' ? <RoundReminder item={item} /> : null}
            </View>
          ))}
        </View>
      </View>
    ))
  }
  const shownCount = loaded ? roundGroups(rounds).reduce((sum, group) => sum + group.items.length, 0) : 0
  return (
    <HomeSection title={roundsSectionTitle(rounds)}>
      {body}
      {loaded && source ? <DataSourceNote source={source} fetchedAt={fetchedAt} /> : null}
      {loaded && total > shownCount ? (
        <MoreLink onPress={() => void navigate('vouchers')}>查看全部 {total} 个场次</MoreLink>
      ) : (
        <MoreLink onPress={() => void navigate('vouchers')}>去消费券页</MoreLink>
      )}
    </HomeSection>
  )
}
