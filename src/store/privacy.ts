/**
 * WeChat's privacy consent (since 2023-10-17 a personal-data API not consented to is disabled).
 * When an API such as getFuzzyLocation, addPhoneCalendar or scanCode needs consent, WeChat holds
 * the call and hands us `resolve`; we show our own sheet and answer agree or disagree. The held
 * API then continues or fails with "privacy permission is not authorized", which each adapter
 * already treats as a refusal (location, calendar, scan all keep working without it).
 */
import { create } from 'zustand'
import type { PrivacyAnswer } from '../services/platform/privacy-types'

export type { PrivacyAnswer }

interface PendingConsent {
  resolve: (answer: PrivacyAnswer) => void
  /** The page that triggered it, from WeChat's event info. */
  referrer: string
}

interface PrivacyState {
  pending: PendingConsent | null
  request: (resolve: PendingConsent['resolve'], referrer: string) => void
  agree: (buttonId: string) => void
  disagree: () => void
}

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

export const usePrivacyStore = create<PrivacyState>()((set, get) => ({
  pending: null,
  request: (resolve, referrer) => {
    // A second request while one is open answers the first as refused: WeChat allows one at a time.
    get().pending?.resolve({ event: 'disagree' })
    set({ pending: { resolve, referrer } })
    // Tells WeChat the sheet is on screen (required before agree counts).
    resolve({ event: 'exposureAuthorization' })
  },
  agree: (buttonId) => {
    get().pending?.resolve({ event: 'agree', buttonId })
    set({ pending: null })
  },
  disagree: () => {
    get().pending?.resolve({ event: 'disagree' })
    set({ pending: null })
  },
}))
