/**
 * Claiming a voucher (抢券): first come, first served within a round's window (Zhejiang
 * practice), with per-person limits per round and per batch, and optionally only for residents of
 * some counties. All of it is batch data; the counts are the server's.
 *
 * Checks run in this order, and the order is part of the contract:
 *   window (NOT_OPEN / CLOSED) → stock (SOLD_OUT) → resident (NOT_ELIGIBLE) → limits (LIMIT_REACHED)
 * The first two need no per-user data, so the server answers them in-process from its cached
 * remaining counts (fastClaimCheck) and gets the same answer decideClaim would give.
 */
import { assertCount, assertInstant, VoucherError } from './errors'
import { formatWhen, toIsoShanghaiMs } from './instants'
import { countyNames, isVoucherCountyCode } from './places'
import { roundIndexAt, roundView, type RemainingByRound, type RoundView } from './rounds'
import type { VoucherBatch, VoucherRound, WalletVoucher } from './schema'
import { voucherValidity, type VoucherValidity } from './validity'

export type ClaimCode = 'CLAIMED' | 'SOLD_OUT' | 'LIMIT_REACHED' | 'NOT_OPEN' | 'CLOSED' | 'NOT_ELIGIBLE'

/** One plain message per code, for when the app has only the code (e.g. an old API response). */
export const CLAIM_MESSAGES: Record<ClaimCode, string> = {
  CLAIMED: '领取成功，已放入券包',
  SOLD_OUT: '本轮已抢完',
  LIMIT_REACHED: '您已领满本券的限领张数',
  NOT_OPEN: '还没开抢',
  CLOSED: '领取已结束',
  NOT_ELIGIBLE: '您不在本券的领取范围内',
}

export interface ResidentEligibility {
  /** The resident's county (GB/T 2260), or null when unknown. */
  countyCode: string | null
}

export interface ClaimInput {
  batch: VoucherBatch
  /** The round the request names; omitted → the round open at `at`. */
  roundId?: string
  /** Server clock, epoch ms. */
  at: number
  userClaimsInRound: number
  userClaimsInBatch: number
  /** Remaining quota of that round (quotaForRound(...).total − claimed). */
  remainingInRound: number
  resident: ResidentEligibility
}

export interface ClaimGranted {
  ok: true
  code: 'CLAIMED'
  message: string
  round: VoucherRound
  roundIndex: number
  /** The new voucher's validity; newWalletVoucher builds the row from it. */
  validity: VoucherValidity
}

export type ClaimRejection =
  | { ok: false; code: 'NOT_OPEN'; message: string; roundId: string; opensAtMs: number }
  | { ok: false; code: 'CLOSED'; message: string; nextRoundId: string | null; nextOpensAtMs: number | null }
  | { ok: false; code: 'SOLD_OUT'; message: string; roundId: string; nextRoundId: string | null; nextOpensAtMs: number | null }
  | { ok: false; code: 'LIMIT_REACHED'; message: string; scope: 'round' | 'batch'; limit: number }
  | {
      ok: false
      code: 'NOT_ELIGIBLE'
      message: string
      reason: 'COUNTY_UNKNOWN' | 'COUNTY_NOT_ELIGIBLE'
      allowedCounties: readonly string[]
    }

export type ClaimDecision = ClaimGranted | ClaimRejection

function upcomingAfter(batch: VoucherBatch, at: number): RoundView | null {
  const index = roundIndexAt(batch, at, 'upcoming')
  return index < 0 ? null : roundView(batch.rounds[index], index, at)
}

function findRound(batch: VoucherBatch, roundId: string): { round: VoucherRound; index: number } {
  const index = batch.rounds.findIndex((round) => round.id === roundId)
  if (index < 0) throw new VoucherError('ROUND_UNKNOWN', `批次 ${batch.id} 没有轮次 ${roundId}`, 'roundId')
  return { round: batch.rounds[index], index }
}

/** Window and stock, the part answered without knowing who asks. Returns the round view when both pass. */
function checkWindowAndStock(
  batch: VoucherBatch,
  at: number,
  remainingOf: (roundId: string) => number | null,
  roundId?: string,
): { rejection: ClaimRejection } | { view: RoundView } {
  assertInstant(at)
  let view: RoundView
  if (roundId !== undefined) {
    const { round, index } = findRound(batch, roundId)
    view = roundView(round, index, at, remainingOf(round.id))
  } else {
    // No round named: the open one, else the next to open, else the last (closed).
    let index = roundIndexAt(batch, at, 'open')
    if (index < 0) index = roundIndexAt(batch, at, 'upcoming')
    if (index < 0) index = batch.rounds.length - 1
    const round = batch.rounds[index]
    view = roundView(round, index, at, remainingOf(round.id))
  }
  if (view.phase === 'upcoming') {
    return {
      rejection: {
        ok: false,
        code: 'NOT_OPEN',
        message: `还没开抢，${formatWhen(view.opensAtMs)} 开抢`,
        roundId: view.round.id,
        opensAtMs: view.opensAtMs,
      },
    }
  }
  if (view.phase === 'open') return { view }
  const next = upcomingAfter(batch, at)
  const nextNote = next ? `，下一轮 ${formatWhen(next.opensAtMs)} 开抢` : ''
  if (view.phase === 'closed') {
    return {
      rejection: {
        ok: false,
        code: 'CLOSED',
        message: next ? `本轮领取已结束${nextNote}` : '本批次领取已结束',
        nextRoundId: next?.round.id ?? null,
        nextOpensAtMs: next?.opensAtMs ?? null,
      },
    }
  }
  if (view.phase === 'sold-out') {
    return {
      rejection: {
        ok: false,
        code: 'SOLD_OUT',
        message: `本轮已抢完${nextNote}`,
        roundId: view.round.id,
        nextRoundId: next?.round.id ?? null,
        nextOpensAtMs: next?.opensAtMs ?? null,
      },
    }
  }
  return { view }
}

/**
 * The in-process gate for the rush: NOT_OPEN, CLOSED or SOLD_OUT from cached remaining counts,
 * or null when the request must go on to decideClaim / the claim engine.
 */
export function fastClaimCheck(
  batch: VoucherBatch,
  at: number,
  remainingByRound: RemainingByRound,
  roundId?: string,
): ClaimRejection | null {
  const result = checkWindowAndStock(batch, at, (id) => remainingByRound[id] ?? null, roundId)
  return 'rejection' in result ? result.rejection : null
}

export function decideClaim(input: ClaimInput): ClaimDecision {
  const { batch, at, resident } = input
  const userClaimsInRound = assertCount(input.userClaimsInRound, 'userClaimsInRound')
  const userClaimsInBatch = assertCount(input.userClaimsInBatch, 'userClaimsInBatch')
  if (!Number.isSafeInteger(input.remainingInRound)) {
    throw new VoucherError('COUNT_INVALID', 'remainingInRound 必须是整数', 'remainingInRound')
  }
  const gate = checkWindowAndStock(batch, at, () => input.remainingInRound, input.roundId)
  if ('rejection' in gate) return gate.rejection
  const { view } = gate

  if (batch.residentCounties !== null) {
    const allowed = batch.residentCounties
    if (resident.countyCode === null || !isVoucherCountyCode(resident.countyCode)) {
      return {
        ok: false,
        code: 'NOT_ELIGIBLE',
        reason: 'COUNTY_UNKNOWN',
        message: `本券限${countyNames(allowed)}居民领取，请先在“我的”里选择所在区县`,
        allowedCounties: allowed,
      }
    }
    if (!allowed.includes(resident.countyCode)) {
      return {
        ok: false,
        code: 'NOT_ELIGIBLE',
        reason: 'COUNTY_NOT_ELIGIBLE',
        message: `本券限${countyNames(allowed)}居民领取`,
        allowedCounties: allowed,
      }
    }
  }

  if (userClaimsInBatch >= batch.limits.perBatch) {
    return {
      ok: false,
      code: 'LIMIT_REACHED',
      scope: 'batch',
      limit: batch.limits.perBatch,
      message: `本券每人限领 ${batch.limits.perBatch} 张，您已领满`,
    }
  }
  if (userClaimsInRound >= batch.limits.perRound) {
    return {
      ok: false,
      code: 'LIMIT_REACHED',
      scope: 'round',
      limit: batch.limits.perRound,
      message: `本轮每人限领 ${batch.limits.perRound} 张，您已领满，可在下一轮再领`,
    }
  }

  return {
    ok: true,
    code: 'CLAIMED',
    message: CLAIM_MESSAGES.CLAIMED,
    round: view.round,
    roundIndex: view.index,
    // Worked out when asked: the server decides each claim of a rush, and newWalletVoucher works
    // the validity out for the voucher it writes anyway.
    get validity() {
      return voucherValidity(batch, at)
    },
  }
}

/** The wallet row for a granted claim; the id comes from the store. */
export function newWalletVoucher(input: {
  id: string
  batch: VoucherBatch
  roundId: string
  ownerId: string
  claimedAt: number
}): WalletVoucher {
  const { batch, claimedAt } = input
  findRound(batch, input.roundId)
  const validity = voucherValidity(batch, claimedAt)
  return {
    id: input.id,
    batchId: batch.id,
    roundId: input.roundId,
    ownerId: input.ownerId,
    status: 'usable',
    claimedAt: toIsoShanghaiMs(claimedAt),
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    usedAt: null,
    redemptionId: null,
    restoredAfterRefundAt: null,
  }
}
