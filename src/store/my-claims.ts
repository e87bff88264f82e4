/**
 * What the signed-in resident has claimed of each batch, so a voucher card can say 已领 n 张 and
 * stop offering 立即领取 once a per-person limit is used up — at once after a claim, without a
 * reload. Counted from the wallet (GET /me/vouchers) plus the claims answered on this phone since:
 * the server may record a claim a moment after answering it, so a wallet read right after a
 * claim can lack the new voucher, and vouchers never leave a wallet, so the union by id is right.
 * Never signs anyone in: with nobody signed in there is nothing to count.
 */
import { create } from 'zustand'
import { claimCountsByBatch, type ClaimCountsByBatch } from '../domain/vouchers/my-claims'
import type { WalletVoucher } from '../domain/vouchers/schema'
import { loadWallet } from './voucher-wallet'

type Claimed = Pick<WalletVoucher, 'id' | 'batchId' | 'roundId'>

interface MyClaimsState {
  userId: string | null
  claimed: Record<string, Claimed>
  /** null until the wallet of `userId` has been read once. */
  counts: ClaimCountsByBatch | null
  load: (userId: string) => Promise<void>
  /** A claim of `userId` was answered CLAIMED with this voucher. */
  recordClaim: (userId: string, voucher: Claimed) => void
  /** Tests: nobody's claims. */
  reset: () => void
}

const EMPTY = { claimed: {}, counts: null }

export const useMyClaimsStore = create<MyClaimsState>()((set, get) => {
  const merge = (userId: string, vouchers: readonly Claimed[], loaded: boolean) =>
    set((state) => {
      const same = state.userId === userId
      const claimed = { ...(same ? state.claimed : {}) }
      for (const { id, batchId, roundId } of vouchers) claimed[id] = { id, batchId, roundId }
      const wasLoaded = same && state.counts !== null
      return { userId, claimed, counts: loaded || wasLoaded ? claimCountsByBatch(Object.values(claimed)) : null }
    })
  return {
    userId: null,
    ...EMPTY,
    async load(userId) {
      if (get().userId !== userId) set({ userId, ...EMPTY })
      // The wallet's key of the resource cache (shared with 首页 and 我的券包). Without it the
      // card just does not say 已领; the claim answer still does.
      const { data } = await loadWallet(userId)
      if (data) merge(userId, data, true)
    },
    reset: () => set({ userId: null, ...EMPTY }),
    recordClaim(userId, voucher) {
      merge(userId, [voucher], false)
      if (get().counts === null) void get().load(userId)
    },
  }
})
