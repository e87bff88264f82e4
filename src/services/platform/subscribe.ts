/**
 * Subscribe messages on H5: there are none (they are a mini-program feature), so every reminder
 * is kept in-app. Resolving `null` is what `interpretSubscribeResult` reads as "unsupported".
 * The weapp build uses subscribe.weapp.ts instead.
 */

export const subscribeMessagesSupported = false

export function requestSubscribe(_templateIds: readonly string[]): Promise<unknown> {
  return Promise.resolve(null)
}
