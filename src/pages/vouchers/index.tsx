import { View } from '@tarojs/components'
import { useDidShow, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ClauseCard } from '@/components/clause-card'
import { ErrorLine } from '@/components/error-line'
import { PageShell } from '@/components/page-shell'
import { Pressable } from '@/components/pressable'
import { roundState, type RoundPhase } from '@/domain/vouchers/rounds'
import { formatShanghai } from '@/domain/time'
import type { BatchView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import { shareMessage, shareTimeline } from '@/services/share'
import { useMyClaimsStore } from '@/store/my-claims'
import { useSessionStore } from '@/store/session'
import { useVoucherBatches } from '@/store/voucher-batches'
import { BatchCard } from './batch-card'
import { useRoundClock } from './use-round-clock'
import './index.scss'

/** Batches shown before "显示更多": a long season of events stays a light page. */
export const BATCHES_PER_PAGE = 8
const PHASE_ORDER: Record<RoundPhase, number> = { open: 0, upcoming: 1, 'sold-out': 2, closed: 3 }

const ENTRIES = [
  { key: 'vouchers-wallet', title: '我的券包', caption: '已领的券和券码' },
  { key: 'vouchers-best', title: '用哪张最划算', caption: '输入消费金额算一算' },
  { key: 'vouchers-merchants', title: '适用商户', caption: '按区县和类别找店' },
] as const

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  const hours = Math.floor(minutes / 60)
  return hours < 24 ? `${hours} 小时前` : `${Math.floor(hours / 24)} 天前`
}

function sortForResidents(batches: readonly BatchView[], at: number, live: boolean): BatchView[] {
  const keyed = batches.map((batch) => {
    const state = roundState(batch, at, live ? batch.live?.remainingByRound : undefined)
    const when = state.phase === 'upcoming' ? state.next.opensAtMs : state.phase === 'closed' ? -state.last.closesAtMs : 0
    return { batch, order: PHASE_ORDER[state.phase], when }
  })
  return keyed.sort((a, b) => a.order - b.order || a.when - b.when).map((item) => item.batch)
}

/**
 * 消费券 tab (clause 十五): every batch with its rounds — counting down to the next one, open,
 * sold out or over — its rule, validity and where it can be used, and the claim button. Works
 * anonymously and offline from the last copy, saying how old it is; signing in waits for the
 * first 领取.
 */
export default function VouchersPage() {
  // 转发 and 朋友圈 (routes.ts share: 'friends+timeline'); nothing personal in the path.
  const share = () => shareMessage('vouchers', '衢州消费券：每轮定时开抢，先到先得')
  useShareAppMessage(share)
  useShareTimeline(() => shareTimeline(share()))
  const { data: batches, fetchedAt, source, clockOffsetMs: offsetMs, loading, error, reload: load } = useVoucherBatches()
  const fromCache = source === 'cache'
  const [shown, setShown] = useState(BATCHES_PER_PAGE)

  // What the signed-in resident already holds of each batch (已领 n 张, 已领满), counted from the wallet.
  const userId = useSessionStore((state) => state.session?.userId ?? null)
  const loadMyClaims = useMyClaimsStore((state) => state.load)

  useEffect(() => {
    if (userId) void loadMyClaims(userId)
  }, [userId, loadMyClaims])
  useDidShow(() => {
    void load()
    if (userId) void loadMyClaims(userId)
  })

  // The page itself re-renders only when a round opens or closes; fresh remaining counts then.
  const reload = useCallback(() => void load(), [load])
  const at = useRoundClock(batches, offsetMs, reload)

  const ordered = useMemo(() => (batches ? sortForResidents(batches, at, !fromCache) : []), [batches, at, fromCache])

  return (
    <PageShell label='消费券'>
      <View className='card vouchers-head'>
        <View className='title'>消费券</View>
        <View className='caption'>“乐享衢州·有礼惠购”等活动的消费券，每轮定时开抢，先到先得。</View>
        <View className='vouchers-entries'>
          {ENTRIES.map((entry) => (
            <Pressable key={entry.key} className='vouchers-entry' role='link' label={entry.title} onPress={() => navigate(entry.key)}>
              <View className='vouchers-entry__title'>{entry.title}</View>
              <View className='caption'>{entry.caption}</View>
            </Pressable>
          ))}
        </View>
        {fetchedAt !== null ? (
          <View className={`caption vouchers-freshness ${fromCache ? 'vouchers-freshness--stale' : ''}`} role='status'>
            {fromCache
              ? `⚠ 网络不可用，显示的是上次的数据。数据更新于 ${formatShanghai(fetchedAt, 'M月D日 HH:mm')}（${ago(Date.now() - fetchedAt)}），剩余张数以领取结果为准`
              : `数据更新于 ${formatShanghai(fetchedAt, 'M月D日 HH:mm:ss')}`}
          </View>
        ) : null}
        <Pressable className='button button--secondary vouchers-refresh' disabled={loading} label='刷新消费券和剩余张数' onPress={() => void load()}>
          {loading ? '正在刷新…' : '刷新'}
        </Pressable>
      </View>

      {error && !batches ? (
        <View className='card'>
          <ErrorLine message={error} />
        </View>
      ) : null}
      {batches === null && !error ? <View className='card caption'>正在加载消费券…</View> : null}
      {batches !== null && batches.length === 0 ? <View className='card caption'>现在没有可领的消费券，活动公布后会出现在这里。</View> : null}

      {ordered.slice(0, shown).map((batch) => (
        <BatchCard key={batch.id} batch={batch} at={at} offsetMs={offsetMs} live={!fromCache} />
      ))}
      {ordered.length > shown ? (
        <Pressable className='button button--secondary' onPress={() => setShown(shown + BATCHES_PER_PAGE)}>
          显示更多批次（还有 {ordered.length - shown} 批）
        </Pressable>
      ) : null}

      <ClauseCard id='十五' />
    </PageShell>
  )
}
