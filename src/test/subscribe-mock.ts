/**
 * The weapp subscribe adapter's contract for component tests, with WeChat's answer decided by each
 * test. A test file mocks the adapter with it:
 *   jest.mock('@/services/platform/subscribe', () => jest.requireActual('@/test/subscribe-mock').subscribeAdapter)
 * then sets `subscribeSupport.supported` and programs `requestSubscribe` (a jest.fn) per test.
 */
export const subscribeSupport = { supported: false }

export const subscribeAdapter = {
  get subscribeMessagesSupported() {
    return subscribeSupport.supported
  },
  requestSubscribe: jest.fn(),
}
