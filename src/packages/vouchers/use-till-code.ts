/**
 * The code at the till, derived on the phone (src/domain/vouchers/offline-code.ts): the voucher's
 * secret is fetched once while online and kept (store/offline-keys.ts); the code shown changes
 * every 30 s on the phone's own clock, with no request at all, so it still works in a mall
 * basement hours after the last signal. Only a phone that never received the secret needs the
 * network, and then it retries until it has it.
 */
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { deriveOfflineCode, OFFLINE_CODE_SKEW_STEPS, OFFLINE_CODE_STEP_SECONDS, decodeOfflineCodeSecret } from '@/domain/vouchers/offline-code'
import { hmacSha256 } from '@/services/crypto/hmac-sha256'
import { useOfflineKeysStore } from './store/offline-keys'

/** A kept secret older than this is fetched again (quietly) when the code is shown online. */
export const KEY_REFRESH_AFTER_MS = 10 * 60_000
/** Without a secret yet, ask again this soon. */
export const KEY_RETRY_MS = 5_000
/** Warn when the phone's clock was this far off the server's when the secret came (half the window). */
const CLOCK_WARNING_MS = (OFFLINE_CODE_SKEW_STEPS * OFFLINE_CODE_STEP_SECONDS * 1000) / 2

export type TillCodePhase = 'loading' | 'shown' | 'no-key' | 'not-usable'

export interface TillCodeState {
  phase: TillCodePhase
  token: string | null
  /** Epoch ms when the shown code is replaced. */
  changesAt: number | null
  message: string | null
  /** The phone's clock was off the server's by this many seconds (rounded) when the key came; null when close enough. */
  clockOffBySeconds: number | null
}

const INITIAL: TillCodeState = { phase: 'loading', token: null, changesAt: null, message: null, clockOffBySeconds: null }

export function useTillCode(voucherId: string, userId: string | null, enabled: boolean): TillCodeState {
  const [state, setState] = useState<TillCodeState>(INITIAL)
  const [visible, setVisible] = useState(true)
  const key = useOfflineKeysStore((store) => (userId ? store.keyFor(userId, voucherId) : null))
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  const keyIsOld = key !== null && !(Date.now() - (key.fetchedAt ?? 0) < KEY_REFRESH_AFTER_MS)
  // A secret kept from an earlier visit: refresh it once, quietly, so the clock check is current
  // and a voucher used elsewhere drops its secret. Offline this fails and changes nothing.
  useEffect(() => {
    if (!enabled || !visible || !userId || !voucherId || !keyIsOld) return
    void useOfflineKeysStore.getState().fetchKey(userId, voucherId)
  }, [enabled, visible, userId, voucherId, keyIsOld])

  // No secret on the phone yet: fetch it (and keep trying while the page is shown).
  useEffect(() => {
    if (!enabled || !visible || !userId || !voucherId || key) return
    let cancelled = false
    let retry: ReturnType<typeof setTimeout> | undefined
    const fetchKey = async () => {
      const outcome = await useOfflineKeysStore.getState().fetchKey(userId, voucherId)
      if (cancelled || outcome.ok) return
      if (outcome.notUsable) {
        setState({ ...INITIAL, phase: 'not-usable', message: outcome.message })
        return
      }
      setState({ ...INITIAL, phase: 'no-key', message: outcome.message })
      retry = setTimeout(fetchKey, KEY_RETRY_MS)
    }
    void fetchKey()
    return () => {
      cancelled = true
      clearTimeout(retry)
    }
  }, [enabled, visible, userId, voucherId, key])

  // With the secret: derive the code now and again at every 30 s step, with no network.
  useEffect(() => {
    if (!enabled || !visible || !key) return
    const secret = decodeOfflineCodeSecret(key.secret)
    if (!secret) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const clockOffBySeconds = Math.abs(key.clockOffsetMs) > CLOCK_WARNING_MS ? Math.round(key.clockOffsetMs / 1000) : null
    const show = () => {
      const now = Date.now()
      const code = deriveOfflineCode({ voucherId: key.voucherId, ownerId: key.ownerId, secret, now }, hmacSha256)
      setState({ phase: 'shown', token: code.token, changesAt: code.changesAt, message: null, clockOffBySeconds })
      timer = setTimeout(show, Math.max(250, code.changesAt - now))
    }
    show()
    return () => clearTimeout(timer)
  }, [enabled, visible, key])

  return state
}
