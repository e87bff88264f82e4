/**
 * What the voucher stores and pages talk to: the voucher API, the login, and how long to wait
 * before retrying a claim. One store so a component test can hand every voucher screen an API
 * bound to its own HTTP server (or a fake) in one line, and the screens never import a client.
 */
import { create } from 'zustand'
import { ensureLogin } from './auth'
import { voucherApi, type VoucherApi } from '../services/api/vouchers'
import type { Session } from './session'

export interface VoucherServices {
  api: VoucherApi
  ensureLogin: () => Promise<Session>
  /** Waits before the automatic retries of a claim after a network error (same key each time). */
  claimRetryDelaysMs: readonly number[]
}

export const useVoucherServices = create<VoucherServices>()(() => ({
  api: voucherApi,
  ensureLogin,
  claimRetryDelaysMs: [600, 1500],
}))

export function voucherServices(): VoucherServices {
  return useVoucherServices.getState()
}
