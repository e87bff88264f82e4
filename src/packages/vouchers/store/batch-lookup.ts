/**
 * Full batch rules for vouchers in the wallet. A wallet voucher carries a summary of its batch;
 * the rules in words (describeBatchRules) and 用哪张最划算 (bestVoucher) need the whole batch.
 * They come from the 消费券 tab's list when it has them, else GET /batches/:id (kept offline).
 */
import { create } from 'zustand'
import type { VoucherBatch } from '@/domain/vouchers/schema'
import { currentBatches, loadBatches } from '@/store/voucher-batches'
import { voucherServices } from '@/store/voucher-services'

interface BatchLookupState {
  byId: Record<string, VoucherBatch>
  /** Batches that could not be fetched (deleted, or offline without a copy). */
  missing: Record<string, true>
  ensure: (batchIds: readonly string[]) => Promise<void>
}

export const useBatchLookupStore = create<BatchLookupState>()((set, get) => ({
  byId: {},
  missing: {},
  async ensure(batchIds) {
    if (currentBatches() === null) await loadBatches()
    const fromList = Object.fromEntries((currentBatches() ?? []).map((batch) => [batch.id, batch as VoucherBatch]))
    set((state) => ({ byId: { ...state.byId, ...fromList } }))
    const wanted = [...new Set(batchIds)].filter((id) => !get().byId[id])
    const { api } = voucherServices()
    const results = await Promise.all(
      wanted.map(async (id) => {
        try {
          return { id, batch: (await api.getBatch(id)).data as VoucherBatch }
        } catch {
          return { id, batch: null }
        }
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
