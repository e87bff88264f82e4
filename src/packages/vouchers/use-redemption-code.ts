/**
 * The QR code on the voucher detail page: a signed token from POST /me/vouchers/:id/code that
 * lives 60 s (redemption-token.ts). The next one is fetched before `refreshAt` (10 s before
 * expiry), so the code at the till is never stale and a screenshot is worthless a minute later.
 * The wait is measured on the server clock (refreshAt − issuedAt, both in the token), so a phone
 * whose clock is off still refreshes on time. If refreshing fails the old code is hidden when it
 * expires rather than shown to a cashier who would be refused.
 */
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { decodeRedemptionPayload, redemptionTokenRefreshAt, REDEMPTION_TOKEN_TTL_SECONDS } from '@/domain/vouchers/redemption-token'
import { tryParseIsoInstant } from '@/domain/time/shanghai'
import { ApiError, userMessage } from '@/services/api/errors'
import { voucherApi, type RedemptionCode } from '@/services/api/vouchers'

/** After a failed fetch, try again this soon. */
export const CODE_RETRY_MS = 5_000
const MIN_REFRESH_MS = 5_000
const MAX_REFRESH_MS = 120_000

export type CodePhase = 'idle' | 'loading' | 'shown' | 'expired' | 'not-usable' | 'error'

export interface CodeState {
  phase: CodePhase
  token: string | null
  error: string | null
}

function issuedAtOf(code: RedemptionCode): number | null {
  return decodeRedemptionPayload(code.token.split('.')[0] ?? '')?.issuedAt ?? null
}

/** How long after receiving this code to fetch the next one. */
export function refreshDelayMs(code: RedemptionCode, receivedAt: number): number {
  const refreshAt = tryParseIsoInstant(code.refreshAt) ?? redemptionTokenRefreshAt(code.token)
  const issuedAt = issuedAtOf(code)
  let delay = (REDEMPTION_TOKEN_TTL_SECONDS - 10) * 1000
  if (refreshAt !== null) delay = issuedAt !== null ? refreshAt - issuedAt : refreshAt - receivedAt
  return Math.min(Math.max(delay, MIN_REFRESH_MS), MAX_REFRESH_MS)
}

/** How long after receiving this code it stops being accepted. */
export function lifetimeMs(code: RedemptionCode, receivedAt: number): number {
  const expiresAt = tryParseIsoInstant(code.expiresAt)
  const issuedAt = issuedAtOf(code)
  if (expiresAt === null) return REDEMPTION_TOKEN_TTL_SECONDS * 1000
  return Math.max(0, issuedAt !== null ? expiresAt - issuedAt : expiresAt - receivedAt)
}

export function useRedemptionCode(voucherId: string, enabled: boolean): CodeState {
  const [state, setState] = useState<CodeState>({ phase: 'idle', token: null, error: null })
  const [visible, setVisible] = useState(true)
  // A hidden page (another app in front, the next page pushed) asks for no codes.
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  useEffect(() => {
    if (!enabled || !visible || !voucherId) return
    let cancelled = false
    let refreshTimer: ReturnType<typeof setTimeout> | undefined
    let expiryTimer: ReturnType<typeof setTimeout> | undefined

    const fetchCode = async () => {
      setState((current) => (current.token ? current : { ...current, phase: 'loading' }))
      try {
        const { data } = await voucherApi.getVoucherCode(voucherId)
        if (cancelled) return
        const receivedAt = Date.now()
        setState({ phase: 'shown', token: data.token, error: null })
        clearTimeout(expiryTimer)
        expiryTimer = setTimeout(() => setState((current) => ({ ...current, phase: 'expired', token: null })), lifetimeMs(data, receivedAt))
        refreshTimer = setTimeout(fetchCode, refreshDelayMs(data, receivedAt))
      } catch (error) {
        if (cancelled) return
        if (error instanceof ApiError && error.code === 'NOT_USABLE') {
          clearTimeout(expiryTimer)
          setState({ phase: 'not-usable', token: null, error: error.message })
          return
        }
        // Keep a code that is still valid on screen; the expiry timer hides it in time.
        setState((current) => ({ phase: current.token ? 'shown' : 'error', token: current.token, error: userMessage(error) }))
        refreshTimer = setTimeout(fetchCode, CODE_RETRY_MS)
      }
    }
    void fetchCode()
    return () => {
      cancelled = true
      clearTimeout(refreshTimer)
      clearTimeout(expiryTimer)
    }
  }, [voucherId, enabled, visible])

  return state
}
