/**
 * H5 has no WeChat privacy consent: the browser asks for location itself, the calendar is an
 * .ics download and scanning is typing. Nothing to install.
 */
import type { PrivacyConsentRequest } from './privacy-types'

export function installPrivacyConsent(_onNeed: PrivacyConsentRequest): void {}

export function openPrivacyContract(): void {}

export const PRIVACY_CONSENT_SUPPORTED = false
