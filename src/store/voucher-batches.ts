/**
 * The voucher batches on the 消费券 tab and 首页, as the server last sent them: one key of the
 * resource cache (src/store/resource.ts). Anonymous content: it works offline from the copy the
 * API client keeps on the phone, and says how old that copy is. The server's clock comes with the
 * list (meta.serverTime), so countdowns to a 10:00 round follow the server rather than a phone
 * that runs a minute fast.
 */
import { SHAPES } from '@/domain/contract/shapes.generated'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { BATCHES_CACHE_KEY, voucherApi, type BatchView } from '@/services/api/vouchers'
import { loadResource, resourceOf, setResourceData, useResource, type Resource, type ResourceOptions, type UseResource } from './resource'

export const BATCHES_KEY = BATCHES_CACHE_KEY

const fetchBatches = () => voucherApi.getBatches()
const BATCHES_OPTIONS: ResourceOptions<BatchView[]> = { stored: true, shape: SHAPES.batchList }

/**
 * Server clock minus phone clock when the shown list was sent (0 without one). Against servedAt,
 * not fetchedAt: a 304 (the list unchanged) confirms the list later without a new serverTime.
 */
export function clockOffsetOf(resource: Pick<Resource<unknown>, 'meta' | 'fetchedAt' | 'servedAt'>): number {
  const serverTime = tryParseIsoInstant(resource.meta?.serverTime)
  const sentAt = resource.servedAt ?? resource.fetchedAt
  return serverTime === null || sentAt === null ? 0 : serverTime - sentAt
}

/** Reads the list again (after a claim, when a round opens). */
export function loadBatches(): Promise<Resource<BatchView[]>> {
  return loadResource(BATCHES_KEY, fetchBatches, { ...BATCHES_OPTIONS, force: true })
}

export function useVoucherBatches(): UseResource<BatchView[]> & { clockOffsetMs: number } {
  const resource = useResource(BATCHES_KEY, fetchBatches, BATCHES_OPTIONS)
  return { ...resource, clockOffsetMs: clockOffsetOf(resource) }
}

/** The batches as last read, for actions outside a screen. */
export function currentBatches(): BatchView[] | null {
  return resourceOf<BatchView[]>(BATCHES_KEY).data
}

/** A claim in this round was just answered CLAIMED: one fewer left, before the next read. */
export function noteClaim(batchId: string, roundId: string): void {
  setResourceData<BatchView[]>(BATCHES_KEY, (batches) =>
    batches
      ? batches.map((batch) => {
          const remaining = batch.live?.remainingByRound[roundId]
          if (batch.id !== batchId || !batch.live || typeof remaining !== 'number') return batch
          return { ...batch, live: { ...batch.live, remainingByRound: { ...batch.live.remainingByRound, [roundId]: Math.max(0, remaining - 1) } } }
        })
      : null,
  )
}

/** The phone's idea of the server clock now. */
export function serverNow(offsetMs: number = clockOffsetOf(resourceOf(BATCHES_KEY))): number {
  return Date.now() + offsetMs
}
