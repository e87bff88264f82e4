/**
 * What 首页 says about vouchers today (clause 十五): the rounds a resident can act on now or next, and
 * the vouchers in their wallet that are about to expire unused.
 */
import { shanghaiDateOf } from '../time'
import { parseIsoInstant } from './instants'
import { roundViews, type RemainingByRound, type RoundPhase, type RoundView } from './rounds'
import type { VoucherBatch, WalletVoucher } from './schema'
import { walletStatus } from './validity'

export interface TodayRound<B extends VoucherBatch = VoucherBatch> {
  batch: B
  view: RoundView
}

const PHASE_ORDER: Record<RoundPhase, number> = { open: 0, upcoming: 1, 'sold-out': 2, closed: 3 }

/** Within its phase: the open round closing first, the next to open, the most recently over last. */
function whenKey({ view }: TodayRound): number {
  if (view.phase === 'upcoming') return view.opensAtMs
  if (view.phase === 'closed') return -view.closesAtMs
  return view.closesAtMs
}

/** 首页's voucher rounds, named by what each group holds (issue 19 item 4). */
export interface RoundsByWhen<B extends VoucherBatch = VoucherBatch> {
  /** 今天开抢: rounds opening on today's Shanghai date, whatever their phase now. */
  openingToday: TodayRound<B>[]
  /** 正在抢: rounds open now that opened on an earlier day (a round running all week). */
  openNow: TodayRound<B>[]
  /** 下一场: the first round to open after today, when there is one. */
  next: TodayRound<B> | null
}

function byPhaseThenTime(a: TodayRound, b: TodayRound): number {
  return (
    PHASE_ORDER[a.view.phase] - PHASE_ORDER[b.view.phase] ||
    whenKey(a) - whenKey(b) ||
    (a.batch.id < b.batch.id ? -1 : a.batch.id > b.batch.id ? 1 : a.view.index - b.view.index)
  )
}

/**
 * The rounds 首页 lists, in three groups so a round that opened yesterday is never shown as
 * today's: rounds opening today (open first, then still to open, sold out, over), rounds open
 * now since an earlier day (closing first leads), and the next opening after today.
 */
export function roundsByWhen<B extends VoucherBatch>(
  batches: readonly B[],
  at: number,
  remainingOf: (batch: B) => RemainingByRound = () => ({}),
): RoundsByWhen<B> {
  const today = shanghaiDateOf(at)
  const openingToday: TodayRound<B>[] = []
  const openNow: TodayRound<B>[] = []
  let next: TodayRound<B> | null = null
  for (const batch of batches) {
    for (const view of roundViews(batch, at, remainingOf(batch))) {
      const opensOn = shanghaiDateOf(view.opensAtMs)
      if (opensOn === today) openingToday.push({ batch, view })
      else if (opensOn < today && view.phase === 'open') openNow.push({ batch, view })
      else if (opensOn > today && (next === null || view.opensAtMs < next.view.opensAtMs)) next = { batch, view }
    }
  }
  return { openingToday: openingToday.sort(byPhaseThenTime), openNow: openNow.sort(byPhaseThenTime), next }
}

/** Every round of the groups, in order. */
export function allRounds<B extends VoucherBatch>(rounds: RoundsByWhen<B>): TodayRound<B>[] {
  return [...rounds.openingToday, ...rounds.openNow, ...(rounds.next ? [rounds.next] : [])]
}

/** The next instant after `at` when one of these rounds opens or closes (the list changes then). */
export function nextRoundChange(rounds: readonly TodayRound[], at: number): number | null {
  let next: number | null = null
  for (const { view } of rounds) {
    for (const instant of [view.opensAtMs, view.closesAtMs]) {
      if (instant > at && (next === null || instant < next)) next = instant
    }
  }
  return next
}

/**
 * "即将过期" on 首页: three days ahead, so someone who opens the app only every few days still sees a
 * voucher before it lapses (the 到期提醒 of docs/api-reminders.md fires one day before).
 */
export const EXPIRING_SOON_MS = 3 * 24 * 3_600_000

/**
 * Vouchers still spendable at `at` (可使用, or given back by a full refund) whose last valid
 * millisecond is at most `withinMs` away, soonest first. Judged against the clock, so a stored
 * copy of the wallet never lists a voucher that has expired since.
 */
export function vouchersExpiringSoon<V extends WalletVoucher>(
  vouchers: readonly V[],
  at: number,
  withinMs: number = EXPIRING_SOON_MS,
): V[] {
  return vouchers
    .map((voucher) => ({ voucher, validToMs: parseIsoInstant(voucher.validTo, 'validTo') }))
    .filter(({ voucher, validToMs }) => {
      const status = walletStatus(voucher, at)
      return (status === 'usable' || status === 'returned-after-refund') && validToMs - at <= withinMs
    })
    .sort((a, b) => a.validToMs - b.validToMs || (a.voucher.id < b.voucher.id ? -1 : 1))
    .map(({ voucher }) => voucher)
}
