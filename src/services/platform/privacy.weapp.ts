/**
 * weapp: route WeChat's privacy-consent event to our sheet (src/components/privacy-sheet.tsx).
 * Without a listener WeChat shows nothing and the held API fails silently after ~10 s
 * (WECHAT.md), which is exactly the "nothing happens when I tap" an older user cannot recover from.
 */
import Taro from '@tarojs/taro'
import type { PrivacyConsentRequest } from './privacy-types'
export function installPrivacyConsent(onNeed: PrivacyConsentRequest): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return // base library < 2.32.3
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    onNeed(resolve, eventInfo?.referrer ?? '')
  })
}

export function openPrivacyContract(): void {
  Taro.openPrivacyContract?.({})
}

export const PRIVACY_CONSENT_SUPPORTED = true
