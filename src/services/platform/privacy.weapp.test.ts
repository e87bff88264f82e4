import Taro from '@tarojs/taro'
import { usePrivacyStore } from '@/store/privacy'
import { installPrivacyConsent } from './privacy.weapp'

type Listener = (resolve: (answer: unknown) => void, info: { referrer: string }) => void
const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: Listener) => void }
const original = taro.onNeedPrivacyAuthorization

afterEach(() => {
  taro.onNeedPrivacyAuthorization = original
  usePrivacyStore.setState({ pending: null })
})

test('WeChat asking for consent opens our sheet with the page that asked', () => {
  let listener: Listener | undefined
  taro.onNeedPrivacyAuthorization = (registered) => {
    listener = registered
  }
  installPrivacyConsent((resolve, referrer) => usePrivacyStore.getState().request(resolve, referrer))
  const resolve = jest.fn()
  listener?.(resolve, { referrer: 'packages/etc/pages/trip/index' })
  expect(usePrivacyStore.getState().pending?.referrer).toBe('packages/etc/pages/trip/index')
  usePrivacyStore.getState().disagree()
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
})

test('an old base library without the API is left alone', () => {
  taro.onNeedPrivacyAuthorization = undefined
  expect(() => installPrivacyConsent((resolve, referrer) => usePrivacyStore.getState().request(resolve, referrer))).not.toThrow()
})
