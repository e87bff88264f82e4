/**
 * The merchant directory (GET /merchants, GET /merchants/:id) as keys of the resource cache, the
 * same keys the client keeps offline copies under: a merchant opened from 适用商户 and from
 * 用哪张最划算 is one read.
 */
import type { Merchant } from '@/domain/vouchers/schema'
import { merchantCacheKey, merchantsCacheKey, voucherApi, type MerchantQuery } from '@/services/api/vouchers'
import { loadResource, useResource, type Resource, type UseResource } from '@/store/resource'

export function loadMerchant(merchantId: string): Promise<Resource<Merchant>> {
  return loadResource(merchantCacheKey(merchantId), () => voucherApi.getMerchant(merchantId), { stored: true })
}

export function loadMerchantPage(query: MerchantQuery): Promise<Resource<Merchant[]>> {
  return loadResource(merchantsCacheKey(query), () => voucherApi.getMerchants(query), { stored: true })
}

/** One merchant (null id: none). */
export function useMerchant(merchantId: string | null): UseResource<Merchant> {
  return useResource(merchantId ? merchantCacheKey(merchantId) : null, () => voucherApi.getMerchant(merchantId ?? ''), { stored: true })
}

/** One page of the directory (null query: nothing to list yet). */
export function useMerchantPage(query: MerchantQuery | null): UseResource<Merchant[]> {
  return useResource(query ? merchantsCacheKey(query) : null, () => voucherApi.getMerchants(query ?? {}), { stored: true })
}
