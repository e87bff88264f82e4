/**
 * Full batch rules for vouchers in the wallet. A wallet voucher carries a summary of its batch;
 * the rules in words (describeBatchRules) and 用哪张最划算 (bestVoucher) need the whole batch.
 * They come from the 消费券 tab's list when it has them, else GET /batches/:id (a key of the
 * resource cache, kept offline).
 */
import { create } from 'zustand'
import { SHAPES } from '@/domain/contract/shapes.generated'
import type { VoucherBatch } from '@/domain/vouchers/schema'
import { currentBatches, loadBatches } from '@/store/voucher-batches'
import { batchCacheKey, voucherApi } from '@/services/api/vouchers'
import { loadResource } from '@/store/resource'

interface BatchLookupState {
  byId: Record<string, VoucherBatch>
  /** Batches that could not be fetched (deleted, or offline without a copy). */
  missing: Record<string, true>
  ensure: (batchIds: readonly string[]) => Promise<void>
  /** Tests: nothing looked up. */
  reset: () => void
}

export const useBatchLookupStore = create<BatchLookupState>()((set, get) => ({
  byId: {},
  missing: {},
  reset: () => set({ byId: {}, missing: {} }),
  async ensure(batchIds) {
    if (currentBatches() === null) await loadBatches()
    const fromList = Object.fromEntries((currentBatches() ?? []).map((batch) => [batch.id, batch as VoucherBatch]))
    set((state) => ({ byId: { ...state.byId, ...fromList } }))
    const wanted = [...new Set(batchIds)].filter((id) => !get().byId[id])
    const results = await Promise.all(
      wanted.map(async (id) => {
        const { data } = await loadResource(batchCacheKey(id), () => voucherApi.getBatch(id), { stored: true, shape: SHAPES.batchView })
        return { id, batch: data as VoucherBatch | null }
      }),
    )
    set((state) => {
      const byId = { ...state.byId }
      const missing = { ...state.missing }
      for (const { id, batch } of results) {
        if (batch) {
          byId[id] = batch
          delete missing[id]
        } else missing[id] = true
      }
      return { byId, missing }
    })
  },
}))
