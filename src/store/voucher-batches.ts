/**
 * The voucher batches on the 消费券 tab, as the server last sent them. Anonymous content: it works
 * offline from the copy the API client keeps on the phone, and says how old that copy is. The
 * server's clock comes with the list (meta.serverTime), so countdowns to a 10:00 round follow the
 * server rather than a phone that runs a minute fast.
 */
import { create } from 'zustand'
import type { BatchView } from '../services/api/vouchers'
import { userMessage } from '../services/api/errors'
import { tryParseIsoInstant } from '../domain/vouchers/instants'
import { voucherServices } from './voucher-services'

interface VoucherBatchesState {
  batches: BatchView[] | null
  /** When the shown list came from the server (epoch ms, phone clock). */
  fetchedAt: number | null
  /** True when the network failed and the list is the last stored copy. */
  fromCache: boolean
  /** Server clock minus phone clock, from the last fresh answer. */
  clockOffsetMs: number
  loading: boolean
  error: string | null
  load: () => Promise<void>
  /** A claim in this round was just answered CLAIMED: one fewer left, before the next read. */
  noteClaim: (batchId: string, roundId: string) => void
}

function serverOffset(meta: Record<string, unknown> | undefined, receivedAt: number): number | null {
  const serverTime = tryParseIsoInstant(meta?.serverTime)
  return serverTime === null ? null : serverTime - receivedAt
}

export const useVoucherBatchesStore = create<VoucherBatchesState>()((set, get) => ({
  batches: null,
  fetchedAt: null,
  fromCache: false,
  clockOffsetMs: 0,
  loading: false,
  error: null,
  async load() {
    if (get().loading) return
    const { api } = voucherServices()
    if (get().batches === null) {
      const stored = api.peekBatches()
      if (stored) set({ batches: stored.data, fetchedAt: stored.fetchedAt, fromCache: true })
    }
    set({ loading: true, error: null })
    try {
      const result = await api.getBatches()
      const offset = result.fromCache ? null : serverOffset(result.meta, Date.now())
      set({
        batches: result.data,
        fetchedAt: result.fetchedAt,
        fromCache: result.fromCache,
        clockOffsetMs: offset ?? get().clockOffsetMs,
        loading: false,
      })
    } catch (error) {
      set({ loading: false, error: userMessage(error) })
    }
  },
  noteClaim(batchId, roundId) {
    set((state) => ({
      batches:
        state.batches?.map((batch) => {
          const remaining = batch.live?.remainingByRound[roundId]
          if (batch.id !== batchId || !batch.live || typeof remaining !== 'number') return batch
          return {
            ...batch,
            live: { ...batch.live, remainingByRound: { ...batch.live.remainingByRound, [roundId]: Math.max(0, remaining - 1) } },
          }
        }) ?? null,
    }))
  },
}))

/** The phone's idea of the server clock now. */
export function serverNow(offsetMs: number = useVoucherBatchesStore.getState().clockOffsetMs): number {
  return Date.now() + offsetMs
}
