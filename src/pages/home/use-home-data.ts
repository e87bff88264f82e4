/**
 * What 首页 reads, as hooks over the stores the tabs already fill: the same voucher batches as the
 * 消费券 tab, the same month of events as the 活动 tab (one load serves both), and — only when
 * someone is signed in — their wallet and reminders. Nothing here asks anyone to sign in.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { monthGridRange } from '@/domain/events/calendar'
import { eventsTodayAndThisWeek, type TodayAndThisWeek } from '@/domain/events/this-week'
import { shanghaiDayBounds, type DateString } from '@/domain/time'
import type { ClaimCountsByBatch } from '@/domain/vouchers/my-claims'
import {
  allRounds,
  nextRoundChange,
  roundsByWhen,
  vouchersExpiringSoon,
  type RoundsByWhen,
  type TodayRound,
} from '@/domain/vouchers/today'
import type { ReminderView } from '@/services/api/reminders'
import type { BatchView, WalletVoucherView } from '@/services/api/vouchers'
import { useEventsRange, type EventsRange } from '@/store/events'
import type { DataSource } from '@/store/resource'
import { useMyClaimsStore } from '@/store/my-claims'
import { isDue, instantOf, useMyReminders } from '@/store/reminders'
import { currentToken, useSessionStore } from '@/store/session'
import { serverNow, useVoucherBatches } from '@/store/voucher-batches'
import { useWallet } from '@/store/voucher-wallet'

const MAX_TIMER_MS = 2 ** 31 - 1

/** The signed-in resident's id, or null: the personal sections show only with a live session. */
export function useSignedInUserId(): string | null {
  const session = useSessionStore((state) => state.session)
  return session && currentToken() ? session.userId : null
}

export interface TodayRoundsData {
  /** null while nothing is loaded yet; 'invalid' when the batches could not be read. */
  rounds: RoundsByWhen<BatchView> | 'invalid' | null
  /** The server clock the rounds were worked out at. */
  at: number
  error: string | null
  loading: boolean
  fetchedAt: number | null
  source: DataSource | null
  offsetMs: number
  /** A countdown reached zero: look again now rather than at the next timer. */
  recheck: () => void
  retry: () => void
}

/**
 * Today's rounds at the server's clock. The list is rebuilt only when a listed round opens or
 * closes, or the day changes; in between only the countdowns tick.
 */
export function useTodayRounds(refresh: number): TodayRoundsData {
  const { data: batches, fetchedAt, source, clockOffsetMs: offsetMs, loading, error, reload: load } = useVoucherBatches()
  const fromCache = source === 'cache'
  const [at, setAt] = useState(() => serverNow(offsetMs))

  // Shown again (refresh > 0): read again; the mount's read is useVoucherBatches' own.
  useEffect(() => {
    if (refresh > 0) void load()
  }, [load, refresh])
  useEffect(() => setAt(serverNow(offsetMs)), [batches, offsetMs, refresh])

  const rounds = useMemo(() => {
    if (!batches) return null
    try {
      // Remaining counts from the offline copy are stale: an open round is then just "open".
      return roundsByWhen(batches, at, (batch) => (fromCache ? {} : (batch.live?.remainingByRound ?? {})))
    } catch {
      return 'invalid' as const
    }
  }, [batches, at, fromCache])

  useEffect(() => {
    if (rounds === null || rounds === 'invalid') return
    const change = nextRoundChange(allRounds(rounds), at)
    const midnight = shanghaiDayBounds(at).endMs
    const next = change === null ? midnight : Math.min(change, midnight)
    const timer = setTimeout(() => setAt(serverNow(offsetMs)), Math.min(Math.max(0, next - serverNow(offsetMs)) + 50, MAX_TIMER_MS))
    return () => clearTimeout(timer)
  }, [rounds, at, offsetMs])

  // A round that was still to open is open now (by this timer or its countdown): fetch fresh
  // remaining counts, spread over 2 s as on the 消费券 tab so a city's phones do not ask at once.
  const waiting = useRef<ReadonlySet<string>>(new Set())
  const refetch = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => {
    if (rounds === null || rounds === 'invalid') return
    const listed = allRounds(rounds)
    const key = ({ batch, view }: TodayRound) => `${batch.id}/${view.round.id}`
    const opened = listed.some((item) => item.view.phase !== 'upcoming' && waiting.current.has(key(item)))
    waiting.current = new Set(listed.filter((item) => item.view.phase === 'upcoming').map(key))
    if (opened && refetch.current === undefined) {
      refetch.current = setTimeout(() => {
        refetch.current = undefined
        void load()
      }, Math.random() * 2000)
    }
  }, [rounds, load])
  useEffect(() => () => clearTimeout(refetch.current), [])

  const recheck = useCallback(() => setAt(serverNow(offsetMs)), [offsetMs])
  const retry = useCallback(() => void load(), [load])
  return { rounds, at, error, loading, fetchedAt, source, offsetMs, recheck, retry }
}

/**
 * What the signed-in resident already holds of each batch (已领 n 张, and whether a limit is used
 * up), read from their wallet; null for nobody signed in or before the wallet has been read.
 */
export function useMyClaimCounts(userId: string | null, refresh: number): ClaimCountsByBatch | null {
  const counts = useMyClaimsStore((state) => (userId !== null && state.userId === userId ? state.counts : null))
  const load = useMyClaimsStore((state) => state.load)
  useEffect(() => {
    if (userId) void load(userId)
  }, [userId, load, refresh])
  return counts
}

export interface TodayEventsData {
  range: EventsRange | undefined
  lists: TodayAndThisWeek | 'invalid' | null
}

/** Today's and this week's events from the month the 活动 tab loads for today (same range key). */
export function useTodayEvents(today: DateString, refresh: number): TodayEventsData {
  const grid = monthGridRange(Number(today.slice(0, 4)), Number(today.slice(5, 7)))
  const { range, reload } = useEventsRange(grid.from, grid.to, today)
  useEffect(() => {
    // Shown again: ask the server again (cheap with its ETag); on the mount the cached copy serves.
    if (refresh > 0) void reload()
  }, [reload, refresh])
  const lists = useMemo(() => {
    if (!range) return null
    try {
      return eventsTodayAndThisWeek(range.events, today)
    } catch {
      return 'invalid' as const
    }
  }, [range, today])
  return { range, lists }
}

export interface WalletPreview {
  expiring: WalletVoucherView[] | null
  fetchedAt: number | null
  source: DataSource | null
  error: string | null
  retry: () => void
}

/**
 * The signed-in resident's vouchers that lapse within three days, from the wallet's key of the
 * resource cache (the wallet store lives in the vouchers subpackage, and signs in, which 首页
 * never does).
 */
export function useExpiringVouchers(userId: string | null, refresh: number): WalletPreview {
  const { data, fetchedAt, source, error, reload } = useWallet(userId)
  useEffect(() => {
    if (refresh > 0) void reload()
  }, [reload, refresh])
  return useMemo(() => {
    let expiring: WalletVoucherView[] | null = null
    try {
      expiring = data ? vouchersExpiringSoon(data, serverNow()) : null
    } catch {
      return { expiring: null, fetchedAt: null, source: null, error: '券包里的数据暂时无法显示，请打开券包查看', retry: reload }
    }
    return { expiring, fetchedAt: expiring ? fetchedAt : null, source, error, retry: reload }
  }, [data, fetchedAt, source, error, reload])
}

export interface RemindersPreview {
  due: number
  /** Due reminders first, then the active ones by their next reminder time. */
  next: ReminderView[]
  loaded: boolean
  error: string | null
  source: DataSource | null
  fetchedAt: number | null
  retry: () => void
}

export function useRemindersPreview(userId: string | null, refresh: number, limit: number): RemindersPreview {
  const { data: reminders, error, source, fetchedAt, reload } = useMyReminders(userId)

  // The page shown again (refresh counts it) reads the list again; the mount has just read it.
  useEffect(() => {
    if (userId && refresh > 0) void reload()
  }, [userId, reload, refresh])

  return useMemo(() => {
    const now = Date.now()
    const list = reminders ?? []
    const due = list.filter((reminder) => isDue(reminder, now))
    const upcoming = list
      .filter((reminder) => reminder.status === 'active' && reminder.nextFireAt !== null && !due.includes(reminder))
      .sort((a, b) => instantOf(a.nextFireAt as string) - instantOf(b.nextFireAt as string))
    return {
      due: due.length,
      next: [...due, ...upcoming].slice(0, limit),
      loaded: reminders !== null,
      error: reminders === null ? error : null,
      source,
      fetchedAt,
      retry: () => void reload(),
    }
  }, [reminders, error, source, fetchedAt, reload, limit])
}
