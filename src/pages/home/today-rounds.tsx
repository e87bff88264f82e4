import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import { Countdown } from '../../components/countdown'
import { Pressable } from '../../components/pressable'
import { formatShanghai, shanghaiDateOf } from '../../domain/time'
import { describeVoucherRule } from '../../domain/vouchers/applicability'
import type { RoundView } from '../../domain/vouchers/rounds'
import type { TodayRound } from '../../domain/vouchers/today'
import type { BatchView } from '../../services/api/vouchers'
import { navigate } from '../../services/navigation'
import { DataSourceNote } from '../../components/data-source-note'
import { ErrorRetry } from '../../components/error-retry'
import { HomeSection, MoreLink, SectionNote } from './section'
import type { TodayRoundsData } from './use-home-data'

/** Rounds listed before "查看全部": the home stays short. */
export const ROUNDS_SHOWN = 4

function clock(ms: number, reference: number): string {
  return shanghaiDateOf(ms) === shanghaiDateOf(reference) ? formatShanghai(ms, 'HH:mm') : formatShanghai(ms, 'M月D日 HH:mm')
}

/** Where a round stands, in words and a mark (never colour alone). Upcoming rounds add a countdown. */
export function roundWords(view: RoundView): string {
  const round = `第 ${view.index + 1} 轮`
  switch (view.phase) {
    case 'upcoming':
      return `○ ${round} ${formatShanghai(view.opensAtMs, 'HH:mm')} 开抢`
    case 'open':
      return `● ${round}进行中${view.remaining === null ? '' : `，剩 ${view.remaining} 张`}，${clock(view.closesAtMs, view.opensAtMs)} 结束`
    case 'sold-out':
      return `✗ ${round}已抢完`
    case 'closed':
      return `— ${round} ${formatShanghai(view.opensAtMs, 'HH:mm')}–${clock(view.closesAtMs, view.opensAtMs)} 已结束`
  }
}

const RoundRow = memo(function RoundRow({
  item,
  offsetMs,
  onCountdownDone,
}: {
  item: TodayRound<BatchView>
  offsetMs: number
  onCountdownDone: () => void
}) {
  const { batch, view } = item
  const rule = describeVoucherRule(batch)
  const words = roundWords(view)
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
        {view.phase === 'upcoming' ? (
          <>
            ，还有 <Countdown className='home-round__countdown' until={view.opensAtMs} offsetMs={offsetMs} onDone={onCountdownDone} />
          </>
        ) : null}
      </View>
    </Pressable>
  )
})

/** 今天开抢: rounds opening today (Shanghai) with live countdowns, and the rounds open now. */
export function TodayRounds({ data }: { data: TodayRoundsData }) {
  const { rounds, error, fetchedAt, fromCache, offsetMs, recheck, retry } = data
  let body
  if (rounds === null)
    body = error ? <ErrorRetry className='home-error' message={error} onRetry={retry} /> : <SectionNote>正在加载今天的场次…</SectionNote>
  else if (rounds === 'invalid') body = <SectionNote>场次数据暂时无法显示，请到消费券页查看。</SectionNote>
  else if (rounds.length === 0) body = <SectionNote>今天没有开抢的场次</SectionNote>
  else
    body = (
      <View role='list' aria-label='今天的场次'>
        {rounds.slice(0, ROUNDS_SHOWN).map((item) => (
          <View role='listitem' key={`${item.batch.id}/${item.view.round.id}`}>
            <RoundRow item={item} offsetMs={offsetMs} onCountdownDone={recheck} />
          </View>
        ))}
      </View>
    )
  return (
    <HomeSection title='今天开抢'>
      {body}
      {Array.isArray(rounds) ? <DataSourceNote source={fromCache ? 'cache' : 'server'} fetchedAt={fetchedAt} /> : null}
      {Array.isArray(rounds) && rounds.length > ROUNDS_SHOWN ? (
        <MoreLink onPress={() => void navigate('vouchers')}>查看全部 {rounds.length} 个场次</MoreLink>
      ) : (
        <MoreLink onPress={() => void navigate('vouchers')}>去消费券页</MoreLink>
      )}
    </HomeSection>
  )
}
