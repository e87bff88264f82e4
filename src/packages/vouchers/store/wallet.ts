/**
 * 我的券包: the signed-in resident's vouchers per status filter (可使用, 已使用, 已过期, 退款已退回),
 * as GET /me/vouchers?status= returns them — except 可使用, which is every voucher the resident
 * can spend: also one given back by a full refund (退款已退回, usable again with the same validTo),
 * as 用哪张最划算 counts it. Opening the wallet is a reason to sign in; each list
 * keeps its offline copy under the account that fetched it.
 */
import { create } from 'zustand'
import type { WalletStatus } from '@/domain/vouchers/validity'
import { userMessage } from '@/services/api/errors'
import type { WalletVoucherView } from '@/services/api/vouchers'
import { voucherServices } from '@/store/voucher-services'
import { useOfflineKeysStore } from './offline-keys'

export type WalletFilter = WalletStatus | 'all'

const SPENDABLE: readonly WalletStatus[] = ['usable', 'returned-after-refund']

export interface WalletList {
  vouchers: WalletVoucherView[]
  fetchedAt: number
  fromCache: boolean
}

interface WalletState {
  userId: string | null
  lists: Partial<Record<WalletFilter, WalletList>>
  loading: Partial<Record<WalletFilter, boolean>>
  errors: Partial<Record<WalletFilter, string>>
  load: (filter: WalletFilter) => Promise<void>
}

export const useWalletStore = create<WalletState>()((set, get) => ({
  userId: null,
  lists: {},
  loading: {},
  errors: {},
  async load(filter) {
    if (get().loading[filter]) return
    set((state) => ({ loading: { ...state.loading, [filter]: true }, errors: { ...state.errors, [filter]: undefined } }))
    try {
      const services = voucherServices()
      const session = await services.ensureLogin()
      if (session.userId !== get().userId) set({ userId: session.userId, lists: {} })
      const spendable = filter === 'usable'
      const result = await services.api.getMyVouchers(session.userId, filter === 'all' || spendable ? undefined : filter)
      const vouchers = spendable ? result.data.filter((voucher) => SPENDABLE.includes(voucher.displayStatus)) : result.data
      set((state) => ({
        lists: { ...state.lists, [filter]: { vouchers, fetchedAt: result.fetchedAt, fromCache: result.fromCache } },
        loading: { ...state.loading, [filter]: false },
      }))
      // While online, keep the secret of every usable voucher on the phone, so its code can be
      // shown later at a till with no signal (use-till-code.ts).
      if (!result.fromCache) {
        const spendable = result.data.filter((voucher) => voucher.displayStatus === 'usable' || voucher.displayStatus === 'returned-after-refund')
        void useOfflineKeysStore.getState().ensureKeys(session.userId, spendable.map((voucher) => voucher.id))
      }
    } catch (error) {
      set((state) => ({ loading: { ...state.loading, [filter]: false }, errors: { ...state.errors, [filter]: userMessage(error) } }))
    }
  },
}))
