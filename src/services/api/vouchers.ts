/**
 * The voucher endpoints of docs/api-vouchers.md, one typed function each. The answers' types are
 * inferred from the zod schemas the server documents them with (src/domain/contract/vouchers).
 */
import type {
  BatchView,
  ClaimAnswer,
  RedeemAnswer,
  RedemptionCode,
  RefundAnswer,
  WalletVoucherView,
} from '@/domain/contract/vouchers'
import type { WalletStatus } from '@/domain/vouchers/validity'
import type { MerchantCategory, VoucherCountyCode } from '@/domain/vouchers/places'
import type { Merchant, Redemption } from '@/domain/vouchers/schema'
import { SHAPES } from '@/domain/contract/shapes.generated'
import type { ApiClient, ApiResult } from './client'
import { api } from './index'

export type {
  BatchLive,
  BatchView,
  ClaimAnswer,
  RedeemAnswer,
  RedemptionCode,
  RefundAnswer,
  RefundOutcome,
  WalletBatchSummary,
  WalletVoucherView,
} from '@/domain/contract/vouchers'

const BASE = '/api/v1'

/**
 * POST /me/vouchers/:id/offline-key: the voucher's secret, kept on the owner's phone, from which
 * the app derives the rotating code at the till with no network (src/domain/vouchers/offline-code).
 */
export interface OfflineCodeKey {
  voucherId: string
  ownerId: string
  /** base64url, 32 bytes. */
  secret: string
  stepSeconds: number
  skewSteps: number
  serverTime: string
  validTo: string
}

export interface RedeemRequest {
  code: string
  orderAmountFen: number
  orderId: string
}

export interface MerchantQuery {
  county?: VoucherCountyCode | null
  category?: MerchantCategory | null
  page?: number
  pageSize?: number
}

export interface PageMeta {
  total: number
  page: number
  pageSize: number
}

export const BATCHES_CACHE_KEY = 'vouchers:batches'
/** The client's offline-copy keys, which are also the resource cache's keys (src/store/resource.ts). */
export const batchCacheKey = (batchId: string) => `vouchers:batch:${batchId}`
export const merchantCacheKey = (merchantId: string) => `vouchers:merchant:${merchantId}`
export const merchantsCacheKey = (query: MerchantQuery) =>
  `vouchers:merchants:${query.county ?? 'all'}:${query.category ?? 'all'}:${query.page ?? 1}:${query.pageSize ?? ''}`

export function createVoucherApi(client: ApiClient) {
  return {
    getBatches: (): Promise<ApiResult<BatchView[]>> => client.get<BatchView[]>(`${BASE}/batches`, { cacheKey: BATCHES_CACHE_KEY, shape: SHAPES.batchList }),
    getBatch: (batchId: string) =>
      client.get<BatchView>(`${BASE}/batches/${encodeURIComponent(batchId)}`, { cacheKey: batchCacheKey(batchId), shape: SHAPES.batchView }),
    claimVoucher: (batchId: string, body: { roundId?: string }, idempotencyKey: string) =>
      client.post<ClaimAnswer>(`${BASE}/batches/${encodeURIComponent(batchId)}/claims`, body, { idempotencyKey, shape: SHAPES.claimAnswer }),

    /** The wallet is personal: its offline copy is keyed by the account that fetched it. */
    getMyVouchers: (userId: string, status?: WalletStatus) =>
      client.get<WalletVoucherView[]>(`${BASE}/me/vouchers`, { query: { status }, cacheKey: `vouchers:wallet:${userId}:${status ?? 'all'}`, shape: SHAPES.walletList }),
    /** With the account's id, an offline copy is kept, so the code can be shown at a till with no signal. */
    getMyVoucher: (voucherId: string, userId?: string) =>
      client.get<WalletVoucherView>(`${BASE}/me/vouchers/${encodeURIComponent(voucherId)}`, {
        cacheKey: userId ? `vouchers:mine:${userId}:${voucherId}` : undefined,
        shape: SHAPES.walletVoucherView,
      }),
    getVoucherCode: (voucherId: string) => client.post<RedemptionCode>(`${BASE}/me/vouchers/${encodeURIComponent(voucherId)}/code`),
    getOfflineCodeKey: (voucherId: string) =>
      client.post<OfflineCodeKey>(`${BASE}/me/vouchers/${encodeURIComponent(voucherId)}/offline-key`),
    /** The resident's own statement of their county, for batches limited to some counties' residents. */
    setResidentCounty: (county: VoucherCountyCode | null) => client.put<{ county: string | null }>(`${BASE}/me/resident-county`, { county }),

    redeemVoucher: (request: RedeemRequest, idempotencyKey: string) =>
      client.post<RedeemAnswer>(`${BASE}/merchant/redemptions`, request, { idempotencyKey }),
    getRedemptions: (date: string) => client.get<Redemption[]>(`${BASE}/merchant/redemptions`, { query: { date } }),
    refundRedemption: (request: { redemptionId: string; full: boolean }, idempotencyKey: string) =>
      client.post<RefundAnswer>(`${BASE}/merchant/refunds`, request, { idempotencyKey }),

    getMerchants: (query: MerchantQuery = {}) =>
      client.get<Merchant[]>(`${BASE}/merchants`, {
        query: { county: query.county, category: query.category, page: query.page, pageSize: query.pageSize },
        cacheKey: merchantsCacheKey(query),
      }),
    getMerchant: (merchantId: string) =>
      client.get<Merchant>(`${BASE}/merchants/${encodeURIComponent(merchantId)}`, { cacheKey: merchantCacheKey(merchantId) }),
  }
}

export type VoucherApi = ReturnType<typeof createVoucherApi>

export const voucherApi: VoucherApi = createVoucherApi(api)

/** An Idempotency-Key (8–64 of [A-Za-z0-9_-], docs/api-vouchers.md): time plus randomness. */
export function newIdempotencyKey(prefix = 'k'): string {
  const random = Array.from({ length: 3 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join('')
  return `${prefix}-${Date.now().toString(36)}-${random}`.slice(0, 64)
}
