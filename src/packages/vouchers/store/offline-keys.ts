/**
 * The offline-code secrets of the signed-in resident's vouchers, kept on the phone (Taro storage)
 * so that the code at the till can be derived in a basement with no signal, hours after the phone
 * was last online, and after the app was closed. Fetched while online: when the wallet shows a
 * usable voucher and when a voucher's page opens. A key is bound to its owner: another account
 * signed in on the same phone never sees it.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { decodeOfflineCodeSecret } from '@/domain/vouchers/offline-code'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { ApiError, userMessage } from '@/services/api/errors'
import { voucherApi, type OfflineCodeKey } from '@/services/api/vouchers'
import { persistRecordOptions } from '@/store/persist-storage'

export interface StoredOfflineKey extends OfflineCodeKey {
  /** The account that fetched it. */
  userId: string
  /** Phone clock minus server clock when it was fetched (ms), to warn about a phone clock that is off. */
  clockOffsetMs: number
  /** Phone clock when it was fetched (epoch ms). */
  fetchedAt?: number
}

export type KeyFetchOutcome = { ok: true } | { ok: false; notUsable: boolean; message: string }

interface OfflineKeysState {
  keys: Record<string, StoredOfflineKey>
  /** The stored key for this account's voucher, if any and still in its validity. */
  keyFor: (userId: string, voucherId: string, now?: number) => StoredOfflineKey | null
  fetchKey: (userId: string, voucherId: string) => Promise<KeyFetchOutcome>
  /** Fetch the keys the phone lacks for these vouchers, one after another (the wallet's usable ones). */
  ensureKeys: (userId: string, voucherIds: readonly string[]) => Promise<void>
  forget: (voucherId: string) => void
}

const slot = (userId: string, voucherId: string) => `${userId}:${voucherId}`

function isStoredKey(value: unknown): value is StoredOfflineKey {
  const key = value as StoredOfflineKey | null
  return (
    !!key &&
    typeof key.userId === 'string' &&
    typeof key.voucherId === 'string' &&
    typeof key.ownerId === 'string' &&
    decodeOfflineCodeSecret(key.secret) !== null &&
    typeof key.validTo === 'string' &&
    typeof key.clockOffsetMs === 'number'
  )
}

export const useOfflineKeysStore = create<OfflineKeysState>()(
  persist(
    (set, get) => ({
      keys: {},
      keyFor(userId, voucherId, now = Date.now()) {
        const key = get().keys[slot(userId, voucherId)]
        if (!key) return null
        const validTo = tryParseIsoInstant(key.validTo)
        return validTo !== null && now > validTo ? null : key
      },
      async fetchKey(userId, voucherId) {
        try {
          const { data } = await voucherApi.getOfflineCodeKey(voucherId)
          const serverTime = tryParseIsoInstant(data.serverTime)
          const stored: StoredOfflineKey = { ...data, userId, clockOffsetMs: serverTime === null ? 0 : Date.now() - serverTime, fetchedAt: Date.now() }
          if (!isStoredKey(stored)) return { ok: false, notUsable: false, message: '券码密钥无效，请稍后重试' }
          set((state) => ({ keys: { ...state.keys, [slot(userId, voucherId)]: stored } }))
          return { ok: true }
        } catch (error) {
          const notUsable = error instanceof ApiError && (error.code === 'NOT_USABLE' || error.status === 404)
          // A used, expired or someone else's voucher keeps no secret on this phone.
          if (notUsable) get().forget(voucherId)
          return { ok: false, notUsable, message: userMessage(error) }
        }
      },
      async ensureKeys(userId, voucherIds) {
        for (const voucherId of voucherIds) {
          if (!get().keyFor(userId, voucherId)) await get().fetchKey(userId, voucherId)
        }
      },
      forget(voucherId) {
        set((state) => ({ keys: Object.fromEntries(Object.entries(state.keys).filter(([, key]) => key.voucherId !== voucherId)) }))
      },
    }),
    persistRecordOptions<StoredOfflineKey, 'keys', OfflineKeysState>({ name: 'voucher-offline-keys', version: 1, record: 'keys', isEntry: isStoredKey }),
  ),
)
