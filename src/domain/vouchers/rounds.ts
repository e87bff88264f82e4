/**
 * Rounds of a batch ("10:00 开抢"): a round is open from opensAt (inclusive) to closesAt
 * (exclusive) and sold out when its remaining quota is 0. Rounds and their quotas are batch data;
 * remaining stock is live data the server passes in per round id.
 *
 * Quota return (common national rule: unclaimed or expired vouchers go back to the pool), when the batch
 * turns it on, only ever feeds rounds that have not opened yet:
 *   total(k) = quota(k)
 *            + (quotaReturn.expired   ? expiredReturned[k]                 : 0)
 *            + (quotaReturn.unclaimed ? max(0, total(k−1) − claimed(k−1)) : 0)
 */
import { assertCount, assertInstant, VoucherError } from './errors'
import { formatCountdown, formatWhen, parseIsoInstant } from './instants'
import type { VoucherBatch, VoucherRound } from './schema'

export type RoundPhase = 'upcoming' | 'open' | 'sold-out' | 'closed'

/** Remaining quota of each round, keyed by round id, as the server counts it. */
export type RemainingByRound = Readonly<Record<string, number>>

export interface RoundView {
  round: VoucherRound
  index: number
  phase: RoundPhase
  opensAtMs: number
  closesAtMs: number
  /** While upcoming: the countdown (its target is opensAtMs). */
  msUntilOpen: number | null
  /** While open or sold out: time left in the window. */
  msUntilClose: number | null
  /** Null when the caller did not say (the app offline): then an open round is shown as open. */
  remaining: number | null
}

interface RoundInstants {
  opensAt: string
  closesAt: string
  opensAtMs: number
  closesAtMs: number
}

/**
 * A round's window as epoch ms, parsed once per round object: every claim looks at the windows
 * several times (fastClaimCheck, decideClaim, openRound), and a batch's rounds are the same
 * objects for as long as the server keeps the batch. Keyed weakly by the object and checked
 * against its current texts, so a round edited in place is parsed again.
 */
const instantsOf = new WeakMap<VoucherRound, RoundInstants>()

export function roundInstants(round: VoucherRound): { opensAtMs: number; closesAtMs: number } {
  const known = instantsOf.get(round)
  if (known && known.opensAt === round.opensAt && known.closesAt === round.closesAt) return known
  const parsed = {
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    opensAtMs: parseIsoInstant(round.opensAt, 'opensAt'),
    closesAtMs: parseIsoInstant(round.closesAt, 'closesAt'),
  }
  instantsOf.set(round, parsed)
  return parsed
}

export function roundView(round: VoucherRound, index: number, at: number, remaining: number | null = null): RoundView {
  assertInstant(at)
  if (remaining !== null && !Number.isSafeInteger(remaining)) {
    throw new VoucherError('COUNT_INVALID', 'remaining 必须是整数', 'remaining')
  }
  const { opensAtMs, closesAtMs } = roundInstants(round)
  if (at < opensAtMs)
    return { round, index, opensAtMs, closesAtMs, remaining, phase: 'upcoming', msUntilOpen: opensAtMs - at, msUntilClose: null }
  if (at >= closesAtMs) return { round, index, opensAtMs, closesAtMs, remaining, phase: 'closed', msUntilOpen: null, msUntilClose: null }
  const phase = remaining !== null && remaining <= 0 ? 'sold-out' : 'open'
  return { round, index, opensAtMs, closesAtMs, remaining, phase, msUntilOpen: null, msUntilClose: closesAtMs - at }
}

/**
 * Index of the first round in the given phase at `at` (windows only, stock not considered:
 * 'open' means in its window), or -1. The claim path asks this on every claim.
 */
export function roundIndexAt(batch: VoucherBatch, at: number, phase: 'open' | 'upcoming'): number {
  assertInstant(at)
  for (let index = 0; index < batch.rounds.length; index += 1) {
    const { opensAtMs, closesAtMs } = roundInstants(batch.rounds[index])
    if (phase === 'upcoming' ? at < opensAtMs : at >= opensAtMs && at < closesAtMs) return index
  }
  return -1
}

export function roundViews(batch: VoucherBatch, at: number, remainingByRound: RemainingByRound = {}): RoundView[] {
  return batch.rounds.map((round, index) => roundView(round, index, at, remainingByRound[round.id] ?? null))
}

/** The round accepting claims at `at`, if any (rounds never overlap: the schema checks it). */
export function openRound(batch: VoucherBatch, at: number): { round: VoucherRound; index: number } | null {
  const index = roundIndexAt(batch, at, 'open')
  return index < 0 ? null : { round: batch.rounds[index], index }
}

export type BatchRoundState =
  | { phase: 'open'; current: RoundView; next: RoundView | null; message: string }
  | { phase: 'sold-out'; current: RoundView; next: RoundView | null; message: string }
  | { phase: 'upcoming'; next: RoundView; previous: RoundView | null; message: string }
  | { phase: 'closed'; last: RoundView; message: string }

function nextRoundNote(next: RoundView | null): string {
  return next ? `，下一轮 ${formatWhen(next.opensAtMs)} 开抢` : ''
}

/**
 * What a batch card shows: the round in its window (open or sold out), else the next round with
 * its countdown, else closed.
 */
export function roundState(batch: VoucherBatch, at: number, remainingByRound: RemainingByRound = {}): BatchRoundState {
  const views = roundViews(batch, at, remainingByRound)
  const current = views.find((view) => view.phase === 'open' || view.phase === 'sold-out')
  const next = views.find((view) => view.phase === 'upcoming') ?? null
  if (current?.phase === 'open') {
    const left = current.remaining === null ? '' : `，剩余 ${current.remaining} 张`
    return { phase: 'open', current, next, message: `第 ${current.index + 1} 轮进行中${left}` }
  }
  if (current) {
    return { phase: 'sold-out', current, next, message: `第 ${current.index + 1} 轮已抢完${nextRoundNote(next)}` }
  }
  if (next) {
    const previous = next.index > 0 ? views[next.index - 1] : null
    const countdown = formatCountdown(next.msUntilOpen ?? 0)
    return {
      phase: 'upcoming',
      next,
      previous,
      message: `第 ${next.index + 1} 轮 ${formatWhen(next.opensAtMs)} 开抢（还有 ${countdown}）`,
    }
  }
  return { phase: 'closed', last: views[views.length - 1], message: '本批次领取已结束' }
}

export interface RoundQuota {
  roundIndex: number
  /** The round's own quota from the batch data. */
  base: number
  /** Left over from earlier rounds (only with quotaReturn.unclaimed). */
  carriedUnclaimed: number
  /** Expired vouchers handed back into this round (only with quotaReturn.expired). */
  returnedExpired: number
  total: number
}

/**
 * The quota round `roundIndex` offers. `claimedByRound[k]` is how many were claimed in round k
 * (needed for every k < roundIndex); `expiredReturnedByRound[k]` is how many expired vouchers the
 * expiry job handed to round k (see roundForReturnedQuota; missing entries are 0).
 */
export function quotaForRound(
  batch: VoucherBatch,
  roundIndex: number,
  claimedByRound: readonly number[],
  expiredReturnedByRound: readonly number[] = [],
): RoundQuota {
  if (!Number.isInteger(roundIndex) || roundIndex < 0 || roundIndex >= batch.rounds.length) {
    throw new VoucherError('ROUND_INDEX', `第 ${roundIndex + 1} 轮不存在`, 'roundIndex')
  }
  let carried = 0
  let quota: RoundQuota | null = null
  for (let k = 0; k <= roundIndex; k += 1) {
    const base = batch.rounds[k].quota
    const returnedExpired = batch.quotaReturn.expired ? assertCount(expiredReturnedByRound[k] ?? 0, `expiredReturnedByRound[${k}]`) : 0
    const carriedUnclaimed = batch.quotaReturn.unclaimed ? carried : 0
    quota = { roundIndex: k, base, carriedUnclaimed, returnedExpired, total: base + carriedUnclaimed + returnedExpired }
    if (k < roundIndex) {
      if (claimedByRound[k] === undefined) {
        throw new VoucherError('COUNT_INVALID', `缺少第 ${k + 1} 轮的已领数量`, `claimedByRound[${k}]`)
      }
      carried = Math.max(0, quota.total - assertCount(claimedByRound[k], `claimedByRound[${k}]`))
    }
  }
  return quota as RoundQuota
}

/**
 * Where a voucher that expires at `at` hands its unit back: the first round that has not opened
 * yet, or null (no later round, or the batch keeps expired quota) — then it is simply gone.
 */
export function roundForReturnedQuota(batch: VoucherBatch, at: number): number | null {
  if (!batch.quotaReturn.expired) return null
  const next = roundViews(batch, at).find((view) => view.phase === 'upcoming')
  return next ? next.index : null
}
