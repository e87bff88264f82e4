/**
 * Claiming a voucher (抢券) from the app's side of docs/api-vouchers.md. Each claim carries an
 * Idempotency-Key. The key of a claim that has not been answered yet — the network dropped, the
 * server timed out or said it is still working on it — is kept (on the phone, so it survives the
 * app being closed) and every retry sends the SAME key, so the server hands back the first answer
 * instead of claiming twice. Once any answer arrives the key is dropped; the next tap is a new
 * claim with a new key.
 *
 * Sign-in happens here, on the tap, not at launch (WECHAT.md, login only when needed).
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { VoucherCountyCode } from '../domain/vouchers/places'
import { ApiError, userMessage } from '../services/api/errors'
import { newIdempotencyKey, voucherApi } from '../services/api/vouchers'
import { ensureLogin } from './auth'
import { useMyClaimsStore } from './my-claims'
import { persistRecordOptions } from './persist-storage'
import type { Session } from './session'
import { invalidate } from './resource'
import { loadBatches, noteClaim } from './voucher-batches'
import { walletKey } from './voucher-wallet'

export interface PendingClaim {
  key: string
  batchId: string
  /** The body the key was first sent with: a retry must send the same one (else 422). */
  body: { roundId?: string }
  createdAt: number
}

export type ClaimPhase =
  | 'signing-in'
  | 'claiming'
  /** Sent, but no answer came back: retry with the same key. */
  | 'interrupted'
  | 'answered'
  | 'rate-limited'
  | 'sign-in-failed'

export interface ClaimStatus {
  phase: ClaimPhase
  /** The server's code (CLAIMED, SOLD_OUT, …) or the client's (NETWORK_ERROR, TIMEOUT, …). */
  code?: string
  /** The server's or client's own words, for codes the app has no sentence of its own for. */
  message?: string
  /** Rate limited: when to try again (epoch ms). */
  retryAt?: number
  /** Claimed: the new voucher. */
  voucherId?: string
  /** Claimed: when it expires (ISO +08:00), for the 到期提醒 offered right after (issue 14). */
  validTo?: string
}

/** After a claim, when to read the batches again: past the server's 1 s live-count age. */
export const CLAIMED_RELOAD_DELAY_MS = 1500

/**
 * 503 CLAIM_BUSY: the server could not decide yet (its Redis restarting or being rebuilt) and says
 * when to come back (Retry-After). The claim is retried with the same key this many times, each
 * after the wait the server asked for (at most BUSY_WAIT_MAX_MS), before the button offers 重试领取.
 */
export const BUSY_RETRIES = 5
const BUSY_WAIT_MAX_MS = 10_000

/** A pending key older than this is abandoned: the server keeps idempotency answers for a day. */
export const PENDING_CLAIM_MAX_AGE_MS = 24 * 60 * 60 * 1000

interface VoucherClaimsState {
  pending: Record<string, PendingClaim>
  status: Record<string, ClaimStatus>
  /** Waits before the automatic retries of a claim after a network error (same key each time). */
  retryDelaysMs: readonly number[]
  claim: (batchId: string, roundId?: string) => Promise<void>
  /** The rate-limit wait is over: the button may be pressed again. */
  clearRateLimit: (batchId: string) => void
  /**
   * The resident says which county they live in (their own statement, PUT /me/resident-county),
   * for a batch limited to some counties' residents; the caller then claims again.
   */
  declareResidentCounty: (county: VoucherCountyCode) => Promise<void>
  /** Tests: no claims, pending or answered. */
  reset: () => void
}

const RETRY_DELAYS_MS = [600, 1500]

/** No answer from the server about this claim: it may or may not have happened. */
function isUnanswered(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true
  return error.status === 0 || error.status >= 500 || error.code === 'CLAIM_IN_FLIGHT'
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function isPendingClaim(value: unknown): value is PendingClaim {
  const claim = value as PendingClaim | null
  return !!claim && typeof claim.key === 'string' && typeof claim.batchId === 'string' && typeof claim.createdAt === 'number' && typeof claim.body === 'object'
}

export const useVoucherClaimsStore = create<VoucherClaimsState>()(
  persist(
    (set, get) => {
      const setStatus = (batchId: string, status: ClaimStatus) => set((state) => ({ status: { ...state.status, [batchId]: status } }))
      const settle = (batchId: string, status: ClaimStatus, reloadAfterMs = 0) => {
        set((state) => {
          const pending = { ...state.pending }
          delete pending[batchId]
          return { pending, status: { ...state.status, [batchId]: status } }
        })
        // The answer changed the remaining counts (or told us they were stale).
        if (reloadAfterMs > 0) setTimeout(() => void loadBatches(), reloadAfterMs)
        else void loadBatches()
      }

      return {
        pending: {},
        status: {},
        retryDelaysMs: RETRY_DELAYS_MS,
        reset: () => set({ pending: {}, status: {}, retryDelaysMs: RETRY_DELAYS_MS }),
        async declareResidentCounty(county) {
          await voucherApi.setResidentCounty(county)
        },
        clearRateLimit(batchId) {
          const current = get().status[batchId]
          if (current?.phase !== 'rate-limited') return
          set((state) => {
            const status = { ...state.status }
            delete status[batchId]
            return { status }
          })
        },
        async claim(batchId, roundId) {
          const current = get().status[batchId]
          if (current?.phase === 'claiming' || current?.phase === 'signing-in') return
          if (current?.phase === 'rate-limited' && (current.retryAt ?? 0) > Date.now()) return

          setStatus(batchId, { phase: 'signing-in' })
          let session: Session
          try {
            session = await ensureLogin()
          } catch (error) {
            setStatus(batchId, { phase: 'sign-in-failed', code: error instanceof ApiError ? error.code : undefined, message: userMessage(error) })
            return
          }

          let pending = get().pending[batchId]
          if (!pending || Date.now() - pending.createdAt > PENDING_CLAIM_MAX_AGE_MS) {
            pending = { key: newIdempotencyKey('claim'), batchId, body: roundId ? { roundId } : {}, createdAt: Date.now() }
            const created = pending
            set((state) => ({ pending: { ...state.pending, [batchId]: created } }))
          }
          setStatus(batchId, { phase: 'claiming' })

          const delays = get().retryDelaysMs
          let retries = 0
          let busyRetries = 0
          let signedInAgain = false
          for (;;) {
            try {
              const { data } = await voucherApi.claimVoucher(batchId, pending.body, pending.key)
              // The card shows the claim at once: one fewer left in the round, one more held
              // (已领 n 张). The server's live counts are up to LIVE_MAX_AGE (1 s) old, so the
              // list is read again only after that, not to bring back the count before the claim.
              if (data.voucher?.roundId) {
                noteClaim(batchId, data.voucher.roundId)
                useMyClaimsStore.getState().recordClaim(session.userId, data.voucher)
                // The wallet holds one more voucher: its lists are read again when next shown.
                void invalidate(walletKey(session.userId))
              }
              settle(
                batchId,
                { phase: 'answered', code: 'CLAIMED', voucherId: data.voucher?.id, validTo: data.voucher?.validTo },
                data.voucher?.roundId ? CLAIMED_RELOAD_DELAY_MS : 0,
              )
              return
            } catch (error) {
              if (error instanceof ApiError && error.status === 401 && !signedInAgain) {
                // The session ran out; the server did not look at the claim. Same key after sign-in.
                signedInAgain = true
                try {
                  session = await ensureLogin()
                  continue
                } catch (loginError) {
                  setStatus(batchId, { phase: 'sign-in-failed', message: userMessage(loginError) })
                  return
                }
              }
              if (error instanceof ApiError && error.status === 503 && error.retryAfterSeconds !== undefined && busyRetries < BUSY_RETRIES) {
                await sleep(Math.min(Math.max(error.retryAfterSeconds, 0) * 1000, BUSY_WAIT_MAX_MS))
                busyRetries += 1
                continue
              }
              if (isUnanswered(error)) {
                if (retries < delays.length) {
                  await sleep(delays[retries])
                  retries += 1
                  continue
                }
                const code = error instanceof ApiError ? error.code : 'NETWORK_ERROR'
                setStatus(batchId, { phase: 'interrupted', code, message: userMessage(error) })
                return
              }
              const apiError = error as ApiError
              if (apiError.status === 429 || apiError.code === 'RATE_LIMITED') {
                const seconds = apiError.retryAfterSeconds && apiError.retryAfterSeconds > 0 ? apiError.retryAfterSeconds : 10
                settle(batchId, { phase: 'rate-limited', code: 'RATE_LIMITED', message: apiError.message, retryAt: Date.now() + seconds * 1000 })
                return
              }
              settle(batchId, { phase: 'answered', code: apiError.code, message: apiError.message })
              return
            }
          }
        },
      }
    },
    persistRecordOptions<PendingClaim, 'pending', VoucherClaimsState>({ name: 'voucher-claims', version: 1, record: 'pending', isEntry: isPendingClaim }),
  ),
)

/** What a batch's claim button reflects: its live status, or a claim left unanswered last time. */
export function claimStatusOf(state: Pick<VoucherClaimsState, 'pending' | 'status'>, batchId: string): ClaimStatus | null {
  const status = state.status[batchId]
  if (status) return status
  return state.pending[batchId] ? { phase: 'interrupted', code: 'UNANSWERED' } : null
}
