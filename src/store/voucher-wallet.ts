/**
 * The signed-in resident's wallet (GET /me/vouchers?status=) as keys of the resource cache, one
 * per account and status: 首页's 即将过期, the 已领 n 张 counts and 我的券包 share one read. The key
 * is also the client's offline-copy key, so a wallet is kept per account and never shown to
 * another one signed in on the same phone.
 */
import { SHAPES } from '@/domain/contract/shapes.generated'
import type { WalletStatus } from '@/domain/vouchers/validity'
import { voucherApi, type WalletVoucherView } from '@/services/api/vouchers'
import { loadResource, useResource, type Resource, type UseResource } from './resource'

export const walletKey = (userId: string, status?: WalletStatus): string => `vouchers:wallet:${userId}:${status ?? 'all'}`

const fetchWallet = (userId: string, status?: WalletStatus) => () => voucherApi.getMyVouchers(userId, status)

export function loadWallet(userId: string, status?: WalletStatus, force = false): Promise<Resource<WalletVoucherView[]>> {
  return loadResource(walletKey(userId, status), fetchWallet(userId, status), { stored: true, shape: SHAPES.walletList, force })
}

/** Reads nothing while nobody is signed in (userId null): reading a wallet never signs anyone in. */
export function useWallet(userId: string | null, status?: WalletStatus): UseResource<WalletVoucherView[]> {
  return useResource(userId === null ? null : walletKey(userId, status), fetchWallet(userId ?? '', status), { stored: true, shape: SHAPES.walletList })
}
