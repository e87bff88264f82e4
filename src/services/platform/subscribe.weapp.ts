/**
 * wx.requestSubscribeMessage (WECHAT.md): shown only when called inside a tap — not after an
 * await, not in onLoad, not in a timer. The Promise executor below runs synchronously, so calling
 * `requestSubscribe` first thing in the tap handler makes the WeChat call in the tap. The answer
 * is per template (accept / reject / ban / filter) and is passed on untouched — success or fail
 * callback alike — for the domain's `interpretSubscribeResult` to judge one template at a time.
 */
import Taro from '@tarojs/taro'

export const subscribeMessagesSupported = true

export function requestSubscribe(templateIds: readonly string[]): Promise<unknown> {
  return new Promise((resolve) => {
    if (typeof Taro.requestSubscribeMessage !== 'function') {
      resolve(null)
      return
    }
    try {
      const pending = Taro.requestSubscribeMessage({
        tmplIds: [...templateIds],
        success: (result) => resolve(result),
        fail: (error) => resolve(error),
      } as Parameters<typeof Taro.requestSubscribeMessage>[0])
      // Taro also returns a promise; its rejection repeats `fail` and must not go unhandled.
      if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined)
    } catch (error) {
      resolve({ errMsg: `requestSubscribeMessage:fail ${String((error as Error)?.message ?? error)}` })
    }
  })
}
