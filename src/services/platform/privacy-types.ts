/** How our consent sheet answers WeChat's privacy request (wx.onNeedPrivacyAuthorization's resolve). */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' }

/** Opens our consent sheet: `resolve` answers WeChat, `referrer` is the page that asked. */
export type PrivacyConsentRequest = (resolve: (answer: PrivacyAnswer) => void, referrer: string) => void
