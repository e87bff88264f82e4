/**
 * 我的券包: the signed-in resident's vouchers per status filter (可使用, 已使用, 已过期, 退款已退回),
 * as GET /me/vouchers?status= returns them — except 可使用, which is every voucher the resident
 * can spend: also one given back by a full refund (退款已退回, usable again with the same validTo),
 * as 用哪张最划算 counts it. Opening the wallet is a reason to sign in; each list is a key of the
 * resource cache (src/store/voucher-wallet.ts) and keeps its offline copy under the account that
 * fetched it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { SHAPES } from '@/domain/contract/shapes.generated'
import type { WalletStatus } from '@/domain/vouchers/validity'
import { userMessage } from '@/services/api/errors'
import { voucherApi, type WalletVoucherView } from '@/services/api/vouchers'
import { ensureLogin } from '@/store/auth'
import { useResource, type DataSource } from '@/store/resource'
import { currentToken, useSessionStore } from '@/store/session'
import { walletKey } from '@/store/voucher-wallet'
import { useOfflineKeysStore } from './offline-keys'

export type WalletFilter = WalletStatus | 'all'

const SPENDABLE: readonly WalletStatus[] = ['usable', 'returned-after-refund']

export interface SignIn {
  userId: string | null
  /** Why signing in failed, in Chinese. */
  error: string | null
  retry: () => void
}

/** Signs in on mount (a page that is a reason to), and again on `retry`. */
export function useSignIn(): SignIn {
  const session = useSessionStore((state) => state.session)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setError(null)
    ensureLogin().catch((loginError: unknown) => {
      if (live) setError(userMessage(loginError))
    })
    return () => {
      live = false
    }
  }, [attempt])
  const retry = useCallback(() => setAttempt((count) => count + 1), [])
  return { userId: session && currentToken() ? session.userId : null, error, retry }
}

/**
 * While online, keep the secret of every usable voucher on the phone, so its code can be shown
 * later at a till with no signal (use-till-code.ts).
 */
const fetchWallet = (userId: string, status?: WalletStatus) => async () => {
  const result = await voucherApi.getMyVouchers(userId, status)
  if (!result.fromCache) {
    const spendable = result.data.filter((voucher) => SPENDABLE.includes(voucher.displayStatus))
    void useOfflineKeysStore.getState().ensureKeys(userId, spendable.map((voucher) => voucher.id))
  }
  return result
}

export interface WalletList {
  /** null until the list (or its stored copy) is read. */
  vouchers: WalletVoucherView[] | null
  fetchedAt: number | null
  source: DataSource | null
  loading: boolean
  error: string | null
  reload: () => void
}

/** One filter of the signed-in resident's wallet, signing in first. */
export function useWalletList(filter: WalletFilter): WalletList {
  const signIn = useSignIn()
  const { userId } = signIn
  const spendable = filter === 'usable'
  const status = filter === 'all' || spendable ? undefined : filter
  const list = useResource(userId ? walletKey(userId, status) : null, fetchWallet(userId ?? '', status), { stored: true, shape: SHAPES.walletList })
  const vouchers = useMemo(
    () => (list.data && spendable ? list.data.filter((voucher) => SPENDABLE.includes(voucher.displayStatus)) : list.data),
    [list.data, spendable],
  )
  const { reload: reloadList } = list
  const reload = useCallback(() => void (signIn.error ? signIn.retry() : reloadList()), [signIn, reloadList])
  return {
    vouchers,
    fetchedAt: list.fetchedAt,
    source: list.source,
    loading: list.loading || (!userId && !signIn.error),
    error: signIn.error ?? list.error,
    reload,
  }
}
