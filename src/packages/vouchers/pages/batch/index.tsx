/**
 * One voucher batch on its own page (`?id=…`): what a forwarded batch opens (issue 14, sharing) —
 * the same card as on the 消费券 tab (rounds counting down in Shanghai time, rule, validity, 领取)
 * and the way to every batch. The share card's picture shows the face value and the next round.
 */
import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useCallback, useMemo } from 'react'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { useShareImage } from '@/components/use-share-image'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { roundState } from '@/domain/vouchers/rounds'
import { formatWhen } from '@/domain/time/shanghai'
import { BatchCard } from '@/pages/vouchers/batch-card'
import { useRoundClock } from '@/pages/vouchers/use-round-clock'
import type { BatchView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import type { ShareCardText } from '@/services/platform/share-image'
import { routeParam } from '@/services/route-param'
import { shareMessage, shareTimeline } from '@/services/share'
import { useVoucherBatches } from '@/store/voucher-batches'
import '@/pages/vouchers/index.scss'
import '@/packages/vouchers/vouchers.scss'

/** The words of the share picture: the face value big, the batch and when to claim under it. */
export function batchShareCard(batch: BatchView, at: number): ShareCardText {
  const state = roundState(batch, at)
  const when =
    state.phase === 'upcoming'
      ? `${formatWhen(state.next.opensAtMs)} 开抢（北京时间）`
      : state.phase === 'open'
        ? '正在开抢，先到先得'
        : state.phase === 'sold-out' && state.next
          ? `下一轮 ${formatWhen(state.next.opensAtMs)} 开抢`
          : state.message
  return { kicker: '衢州消费券', headline: describeVoucherRule(batch), lines: [batch.title, when] }
}

export default function VoucherBatchPage() {
  const { params } = useRouter()
  const batchId = routeParam(params, 'id') ?? ''
  const { data: batches, source, clockOffsetMs: offsetMs, error, reload: load } = useVoucherBatches()
  const fromCache = source === 'cache'
  const batch = batches?.find((item) => item.id === batchId) ?? null
  const shown = useMemo(() => (batch ? [batch] : null), [batch])
  const reload = useCallback(() => void load(), [load])
  const at = useRoundClock(shown, offsetMs, reload)

  const card = useMemo(() => (batch ? batchShareCard(batch, at) : null), [batch, at])
  const image = useShareImage(card)
  // The batch by its public id; the picture says its face value (5:4, drawn on the phone).
  const share = () =>
    batch
      ? shareMessage('vouchers-batch', `${batch.title}｜${describeVoucherRule(batch)}`, { id: batch.id }, image)
      : shareMessage('vouchers', '衢州消费券：每轮定时开抢，先到先得')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))

  return (
    <PageShell label={batch ? `消费券：${batch.title}` : '消费券'}>
      {batch ? (
        <BatchCard batch={batch} at={at} offsetMs={offsetMs} live={!fromCache} linkToBatchPage={false} />
      ) : batches === null && !error ? (
        <View className='card caption' role='status'>
          正在加载消费券…
        </View>
      ) : (
        <View className='card' role='alert'>
          <View className='title'>{error && batches === null ? '消费券暂时加载不了' : '没有找到这批消费券'}</View>
          <View className='caption'>{error && batches === null ? error : '它可能已经下架。可以到“消费券”页看看现在能领的券。'}</View>
        </View>
      )}
      <Pressable className='button button--secondary' role='link' onPress={() => navigate('vouchers')}>
        查看全部消费券
      </Pressable>
    </PageShell>
  )
}
